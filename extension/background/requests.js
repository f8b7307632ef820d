/**
 * Answers the content script, the popup and the options page. They never call the API
 * themselves (Gmail's page may not reach loopback); they send one of these requests:
 *
 *   {type: 'thread', threadId: '18c1f2e3a4b5c6d7', messageIds: ['<a@b>']}
 *   {type: 'track', threadId: '18c1f2e3a4b5c6d7'}   ("Track this thread")
 *   {type: 'label', messageId: 12, label: 'rejection', keyDate: '2026-12-01' | null | undefined}
 *   {type: 'event', applicationId: 3, event: {kind: 'snooze', until: '2026-12-04'}}
 *   {type: 'applications'}
 *   {type: 'test-connection', apiBase, token}
 *   {type: 'open-options'} / {type: 'open-thread', url}
 *
 * and get back a view: {view: 'tracked', application} | {view: 'untracked'} |
 * {view: 'problem', problem} | {view: 'applications', applications} | {view: 'connected', ...}.
 *
 * Example:
 *   await answer({type: 'thread', threadId: '18c1f2e3a4b5c6d7'})
 *   // {view: 'tracked', application: {id: 3, company: 'Lumen Analytics', next_step: {...}, ...}}
 */
import { callApi } from './api-client.js';
import { cleanApiBase, readSettings } from './settings.js';
import { gmailThreadUrl } from '../lib/due-steps.js';

const API = '/api/v1';
const HEX_THREAD_ID = /^[0-9a-f]{1,16}$/i;

const handlers = {
  thread: showThread,
  track: trackThread,
  label: relabelMessage,
  event: tellEvent,
  applications: listApplications,
  'test-connection': testConnection,
  'open-options': openOptions,
  'open-thread': openThread,
};

/** The answer to one request (never throws: a failure is a `problem` view). */
export async function answer(request, { onChanged = () => {} } = {}) {
  const handler = handlers[request?.type];
  if (!handler) return { view: 'problem', problem: { kind: 'server_error', status: 'extension', detail: `unknown request ${request?.type}` } };
  try {
    const result = await handler(request);
    if (result?.changed) onChanged();
    return result;
  } catch (error) {
    return { view: 'problem', problem: { kind: 'server_error', status: 'extension', detail: String(error?.message ?? error) } };
  }
}

async function showThread({ threadId, messageIds = [] }) {
  const settings = await readSettings();
  if (threadId && HEX_THREAD_ID.test(threadId)) {
    const byThread = await callApi(settings, 'GET', `${API}/threads/${threadId.toLowerCase()}`);
    if (byThread.ok) return tracked(byThread.data);
    if (byThread.problem.kind !== 'not_found') return problem(byThread.problem);
  }
  // Not known by its Gmail thread id (e.g. mail read over plain IMAP): try its Message-IDs.
  for (const messageId of messageIds.slice(0, 10)) {
    const query = new URLSearchParams({ message_id: messageId });
    const byMessage = await callApi(settings, 'GET', `${API}/lookup?${query}`);
    if (byMessage.ok) return tracked(byMessage.data);
    if (byMessage.problem.kind !== 'not_found') return problem(byMessage.problem);
  }
  return { view: 'untracked' };
}

async function trackThread({ threadId }) {
  if (!threadId || !HEX_THREAD_ID.test(threadId)) {
    return problem({ kind: 'server_error', status: 'extension', detail: 'this page shows no Gmail thread id to track' });
  }
  const settings = await readSettings();
  const result = await callApi(settings, 'POST', `${API}/threads/${threadId.toLowerCase()}/track`, {});
  return result.ok ? { ...tracked(result.data), changed: true } : problem(result.problem);
}

async function relabelMessage({ messageId, label, keyDate }) {
  const settings = await readSettings();
  const body = { label };
  // Omitted key date: the server keeps reading its own; null: the user cleared it.
  if (keyDate !== undefined) body.key_date = keyDate;
  const result = await callApi(settings, 'PUT', `${API}/messages/${encodeURIComponent(messageId)}/label`, body);
  return result.ok ? { ...tracked(result.data), changed: true } : problem(result.problem);
}

async function tellEvent({ applicationId, event }) {
  const settings = await readSettings();
  const id = encodeURIComponent(applicationId);
  const result = await callApi(settings, 'POST', `${API}/applications/${id}/events`, event);
  if (!result.ok) return problem(result.problem);
  if (result.data?.next_step !== undefined && result.data?.id !== undefined) return { ...tracked(result.data), changed: true };
  // The event was taken but its answer is not the application: read the application again.
  const again = await callApi(settings, 'GET', `${API}/applications/${id}`);
  return again.ok ? { ...tracked(again.data), changed: true } : problem(again.problem);
}

async function listApplications() {
  const settings = await readSettings();
  const result = await callApi(settings, 'GET', `${API}/applications`);
  if (!result.ok) return problem(result.problem);
  return { view: 'applications', applications: result.data.applications ?? [] };
}

async function testConnection({ apiBase, token }) {
  const base = cleanApiBase(apiBase);
  if (!base) return problem({ kind: 'bad_address', apiBase: String(apiBase ?? '') });
  const settings = { apiBase: base, token: String(token ?? '').trim() };
  const health = await callApi(settings, 'GET', `${API}/health`, undefined, { auth: false });
  if (!health.ok) {
    return problem(health.problem.kind === 'not_found' ? { kind: 'bad_answer', apiBase: base } : health.problem);
  }
  if (health.data.status !== 'ok') return problem({ kind: 'bad_answer', apiBase: base });
  const list = await callApi(settings, 'GET', `${API}/applications`);
  if (!list.ok) return problem(list.problem);
  return { view: 'connected', version: String(health.data.version ?? ''), count: (list.data.applications ?? []).length };
}

async function openOptions() {
  await (globalThis.browser ?? globalThis.chrome).runtime.openOptionsPage();
  return { view: 'done' };
}

async function openThread({ url }) {
  // Only Gmail thread addresses built by lib/due-steps.js are opened.
  const hex = /^https:\/\/mail\.google\.com\/mail\/u\/0\/#all\/([0-9a-f]{1,16})$/.exec(url ?? '')?.[1];
  if (!hex || gmailThreadUrl(hex) !== url) return problem({ kind: 'server_error', status: 'extension', detail: 'not a Gmail thread address' });
  await (globalThis.browser ?? globalThis.chrome).tabs.create({ url });
  return { view: 'done' };
}

function tracked(application) {
  return { view: 'tracked', application };
}

function problem(p) {
  return { view: 'problem', problem: p };
}
