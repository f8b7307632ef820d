// Unit tests of extension/lib/problems.js: every failure becomes a sentence that says what to do.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PROBLEM_KINDS, isSettingsProblem, problemFromResponse, problemText } from '../../extension/lib/problems.js';
import { translatorFrom } from '../../extension/lib/i18n.js';

const en = translatorFrom(JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8')));

test('HTTP answers map to the problem a person can act on', () => {
  assert.equal(problemFromResponse(401, { error: { code: 'unauthorized', message: 'bad token' } }).kind, 'token_refused');
  assert.equal(problemFromResponse(404, { error: { code: 'not_found', message: 'no such thread' } }).kind, 'not_found');
  assert.equal(problemFromResponse(403, { error: { code: 'host', message: 'unknown host' } }).kind, 'host_refused');
  assert.equal(problemFromResponse(500, { error: { code: 'internal', message: 'boom' } }).kind, 'server_error');
  assert.equal(problemFromResponse(502, null).kind, 'bad_answer');
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
