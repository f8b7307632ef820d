/**
 * The toolbar badge (how many steps are due) and a notification when a step becomes due.
 *
 * Refreshed by an alarm every 15 minutes, when the settings change, and after the user
 * relabels a message or tells an event. A step is notified once: its key (application, action,
 * due date) is remembered in `storage.local`.
 *
 * Example: await refreshDueSteps()  // badge '2', one notification for a newly due step
 */
import { callApi } from './api-client.js';
import { readSettings } from './settings.js';
import { localToday } from '../lib/dates.js';
import { applicationTitle, dueCount, gmailThreadUrl, stepKey, stepsWithDates } from '../lib/due-steps.js';
import { actionKey } from '../lib/actions.js';
import { problemText } from '../lib/problems.js';
import { t } from '../lib/i18n.js';

const api = globalThis.browser ?? globalThis.chrome;

export const REFRESH_ALARM = 'refresh-due-steps';
const REFRESH_MINUTES = 15;
const REMEMBERED_STEPS = 500; // enough for years of applications; keeps storage small
const NOTIFICATION_PREFIX = 'nextstep-thread:';

/** Make sure the periodic refresh is scheduled (alarms survive restarts, but not reinstalls). */
export async function scheduleRefresh() {
  const existing = await api.alarms.get(REFRESH_ALARM);
  if (!existing) await api.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: 1 });
}

/** Read the applications, set the badge, notify steps that just became due. */
export async function refreshDueSteps({ now = new Date() } = {}) {
  const settings = await readSettings();
  const result = await callApi(settings, 'GET', '/api/v1/applications');
  if (!result.ok) {
    // A grey "!" with the sentence as tooltip: the user sees why there is no count.
    await api.action.setBadgeText({ text: '!' });
    await api.action.setBadgeBackgroundColor({ color: '#80868b' });
    await api.action.setTitle({ title: `${t('extName')}: ${problemText(result.problem, t)}` });
    return { ok: false, problem: result.problem };
  }
  const applications = result.data.applications ?? [];
  const today = localToday(now);
  const count = dueCount(applications, today);
  await api.action.setBadgeText({ text: count ? String(count) : '' });
  await api.action.setBadgeBackgroundColor({ color: '#c5221f' });
  await api.action.setTitle({ title: t('extName') });
  await notifyNewlyDue(stepsWithDates(applications, today).filter((s) => s.dueNow).map((s) => s.application));
  return { ok: true, count };
}

async function notifyNewlyDue(dueApplications) {
  const { notifiedSteps = [] } = await api.storage.local.get('notifiedSteps');
  const seen = new Set(notifiedSteps);
  const fresh = dueApplications.filter((app) => !seen.has(stepKey(app)));
  if (!fresh.length) return;
  const first = fresh[0];
  const single = fresh.length === 1;
  const id = single && gmailThreadUrl(first.gmail_thread_id) ? NOTIFICATION_PREFIX + first.gmail_thread_id : 'nextstep-due';
  await api.notifications.create(id, {
    type: 'basic',
    iconUrl: api.runtime.getURL('icons/icon-128.png'),
    title: t('notificationTitle'),
    message: single
      ? `${applicationTitle(first, t)}: ${t(actionKey(first.next_step.action))}`
      : t('notificationMany', [String(fresh.length)]),
  });
  const remembered = [...notifiedSteps, ...fresh.map(stepKey)].slice(-REMEMBERED_STEPS);
  await api.storage.local.set({ notifiedSteps: remembered });
}

/** A click on a notification opens its Gmail thread (or the popup's list when there are several). */
export async function openNotificationTarget(notificationId) {
  const url = notificationId.startsWith(NOTIFICATION_PREFIX)
    ? gmailThreadUrl(notificationId.slice(NOTIFICATION_PREFIX.length))
    : null;
  if (url) await api.tabs.create({ url });
  else if (api.action.openPopup) await api.action.openPopup().catch(() => {});
  await api.notifications.clear(notificationId);
}
