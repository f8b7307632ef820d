/**
 * Every call to the Next Step API goes through here: the token, the timeout, and turning
 * failures into problems a person can fix (see lib/problems.js).
 *
 * Answers are {ok: true, status, data} or {ok: false, problem}; nothing throws.
 *
 * Example:
 *   await callApi({apiBase: 'http://127.0.0.1:8765', token: 'abc'}, 'GET', '/api/v1/applications')
 *   // {ok: true, status: 200, data: {applications: [...]}}
 *   // or {ok: false, problem: {kind: 'not_running', apiBase: 'http://127.0.0.1:8765'}}
 */
import { problemFromResponse } from '../lib/problems.js';

const TIMEOUT_SECONDS = 10;

/** Call `path` on Next Step with `settings` ({apiBase, token}); `body` is sent as JSON. */
export async function callApi(settings, method, path, body = undefined, { auth = true } = {}) {
  const { apiBase, token } = settings;
  if (auth && !token) return { ok: false, problem: { kind: 'no_token', apiBase } };
  const headers = { Accept: 'application/json' };
  if (auth) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_SECONDS * 1000);
  let response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    // fetch rejects for a refused connection, a missing host permission and an abort alike.
    if (error?.name === 'AbortError') return { ok: false, problem: { kind: 'timeout', seconds: TIMEOUT_SECONDS, apiBase } };
    if (!(await canReach(apiBase))) return { ok: false, problem: { kind: 'no_permission', apiBase } };
    return { ok: false, problem: { kind: 'not_running', apiBase } };
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.ok) {
    if (data === null || typeof data !== 'object') {
      return { ok: false, problem: { kind: 'bad_answer', status: response.status, apiBase } };
    }
    return { ok: true, status: response.status, data };
  }
  return { ok: false, problem: problemFromResponse(response.status, data, apiBase) };
}

/** Whether the browser lets the extension reach `apiBase` (Firefox asks the user for hosts). */
async function canReach(apiBase) {
  const permissions = (globalThis.browser ?? globalThis.chrome)?.permissions;
  if (!permissions?.contains) return true;
  try {
    // Match patterns name no port: http://127.0.0.1/* covers every port.
    const url = new URL(apiBase);
    return await permissions.contains({ origins: [`${url.protocol}//${url.hostname}/*`] });
  } catch {
    return true;
  }
}
