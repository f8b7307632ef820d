/**
 * Next Step's service worker (Chrome) / background script (Firefox): the only part of the
 * extension that talks to the Next Step API. Listeners are registered at the top level so a
 * worker woken by an event finds them.
 */
import { answer } from './background/requests.js';
import { REFRESH_ALARM, openNotificationTarget, refreshDueSteps, scheduleRefresh } from './background/due-steps-badge.js';

const api = globalThis.browser ?? globalThis.chrome;

api.runtime.onMessage.addListener((request, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  answer(request, { onChanged: () => refreshDueSteps().catch(() => {}) }).then(sendResponse);
  return true; // the answer comes asynchronously
});

api.runtime.onInstalled.addListener(() => {
  scheduleRefresh().catch(() => {});
  refreshDueSteps().catch(() => {});
});

api.runtime.onStartup.addListener(() => {
  scheduleRefresh().catch(() => {});
  refreshDueSteps().catch(() => {});
});

api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) refreshDueSteps().catch(() => {});
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.apiBase || changes.token)) refreshDueSteps().catch(() => {});
});

api.notifications.onClicked.addListener((id) => {
  openNotificationTarget(id).catch(() => {});
});
