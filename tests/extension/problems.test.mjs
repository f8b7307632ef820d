// Unit tests of extension/lib/problems.js: every failure becomes a sentence that says what to do.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PROBLEM_KINDS, isSettingsProblem, problemFromResponse, problemText } from '../../extension/lib/problems.js';
import { translatorFrom } from '../../extension/lib/i18n.js';

const en = translatorFrom(JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8')));

test('HTTP answers map to the problem a person can act on', () => {
  assert.equal(problemFromResponse(401, { status: 401, message: 'bad token', detail: {} }).kind, 'token_refused');
  assert.equal(problemFromResponse(404, { status: 404, message: 'no such thread', detail: {} }).kind, 'not_found');
  assert.equal(problemFromResponse(403, { status: 403, message: 'unknown host', detail: {} }).kind, 'host_refused');
  assert.equal(problemFromResponse(500, { status: 500, message: 'boom', detail: {} }).kind, 'server_error');
  assert.equal(problemFromResponse(502, null).kind, 'bad_answer');
  assert.equal(problemFromResponse(502, '<html>Bad gateway</html>').kind, 'bad_answer');
});

test("Next Step's own error bodies are server errors with its message, not someone else answering", () => {
  for (const status of [400, 413, 415, 500]) {
    const problem = problemFromResponse(status, { status, message: `said ${status}`, detail: {} });
    assert.equal(problem.kind, 'server_error', `status ${status}`);
    assert.equal(problem.detail, `said ${status}`);
  }
  assert.match(problemText(problemFromResponse(400, { status: 400, message: 'label: unknown label', detail: {} }), en),
    /400: label: unknown label/);
  assert.equal(problemFromResponse(404, { status: 404, message: 'No application for this Gmail thread yet.' }).detail,
    'No application for this Gmail thread yet.');
});

test('the older {error: {code, message}} body is still read', () => {
  const problem = problemFromResponse(500, { error: { code: 'internal', message: 'boom' } });
  assert.equal(problem.kind, 'server_error');
  assert.equal(problem.detail, 'boom');
  assert.equal(problem.code, 'internal');
});

test('the two everyday problems say which command to run', () => {
  assert.equal(problemText({ kind: 'not_running' }, en), "Next Step isn't running: start it with `nextstep run`.");
  assert.equal(problemText({ kind: 'token_refused' }, en), 'The token was refused: paste the output of `nextstep token` in the options.');
});

test('every kind of problem has a sentence, and unknown ones still say something', () => {
  for (const kind of PROBLEM_KINDS) {
    const text = problemText({ kind, status: 500, detail: 'x', apiBase: 'http://127.0.0.1:9' }, en);
    assert.ok(text && !text.startsWith('problem_'), `${kind}: ${text}`);
  }
  assert.match(problemText({ kind: 'mystery', status: 418 }, en), /418/);
});

test('server errors carry the status and the server\'s message', () => {
  assert.match(problemText({ kind: 'server_error', status: 500, detail: 'database is locked' }, en), /500: database is locked/);
});

test('settings problems offer the options page, a stopped server does not', () => {
  assert.equal(isSettingsProblem({ kind: 'token_refused' }), true);
  assert.equal(isSettingsProblem({ kind: 'no_token' }), true);
  assert.equal(isSettingsProblem({ kind: 'not_running' }), false);
});
