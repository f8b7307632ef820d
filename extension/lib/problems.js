/**
 * What went wrong between the extension and Next Step, as a sentence that says what to do.
 *
 * The service worker classifies every failed call into a `problem` ({kind, status?, detail?,
 * apiBase?}); the sidebar, popup and options page all say it with `problemText`.
 *
 * Example:
 *   problemText({kind: 'not_running'}, t)
 *   // "Next Step isn't running: start it with `nextstep run`."
 */

export const PROBLEM_KINDS = Object.freeze([
  'not_running', 'no_token', 'token_refused', 'host_refused', 'timeout', 'server_error',
  'bad_answer', 'no_permission', 'not_found', 'bad_address',
]);

/**
 * The problem of an HTTP answer that was not a success, from its status and JSON error body.
 *
 * Next Step answers `{status, message, detail}`; the older `{error: {code, message}}` is still
 * read so a newer extension keeps working against an older server.
 *
 * Example: problemFromResponse(400, {status: 400, message: 'label: unknown label'})
 *   // {kind: 'server_error', status: 400, detail: 'label: unknown label', ...}
 */
export function problemFromResponse(status, body, apiBase = '') {
  const { known, code, detail } = errorBody(body);
  if (status === 401) return { kind: 'token_refused', status, code, detail, apiBase };
  if (status === 403 || status === 421) return { kind: 'host_refused', status, code, detail, apiBase };
  if (status === 404) return { kind: 'not_found', status, code, detail, apiBase };
  if (!known) return { kind: 'bad_answer', status, code, detail, apiBase };
  return { kind: 'server_error', status, code, detail, apiBase };
}

// Only a body of Next Step's shape proves Next Step answered; anything else (a proxy's HTML page,
// another program on the port) is a `bad_answer`.
function errorBody(body) {
  if (body && typeof body === 'object' && typeof body.message === 'string' && 'status' in body) {
    return { known: true, code: '', detail: body.message };
  }
  if (body?.error && typeof body.error === 'object') {
    return { known: true, code: body.error.code ?? '', detail: body.error.message ?? '' };
  }
  return { known: false, code: '', detail: '' };
}

/** The sentence for `problem`, through the translator `t(key, substitutions)`. */
export function problemText(problem, t) {
  const kind = PROBLEM_KINDS.includes(problem?.kind) ? problem.kind : 'server_error';
  const base = problem?.apiBase || 'http://127.0.0.1:8765';
  switch (kind) {
    case 'server_error':
      return t('problem_server_error', [String(problem?.status ?? '?'), problem?.detail || problem?.code || '—']);
    case 'timeout':
      return t('problem_timeout', [String(problem?.seconds ?? 10)]);
    case 'bad_answer':
    case 'host_refused':
    case 'no_permission':
    case 'bad_address':
      return t(`problem_${kind}`, [base]);
    case 'not_found':
      return t('problem_not_found', [problem?.detail || '']);
    default:
      return t(`problem_${kind}`);
  }
}

/** True when the user fixes `problem` in the options page (the sidebar then offers a link there). */
export function isSettingsProblem(problem) {
  return ['no_token', 'token_refused', 'host_refused', 'no_permission', 'bad_address', 'bad_answer']
    .includes(problem?.kind);
}
