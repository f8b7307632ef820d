/**
 * Which applications have a step to show in the popup and the badge, soonest first.
 *
 * A step "has a date" when `next_step.due` is set; `wait` and `none` never have one. It is
 * "due" when that date is today or earlier in the user's calendar.
 *
 * Example:
 *   stepsWithDates([{id: 1, next_step: {action: 'follow_up', due: '2026-11-25'}}], '2026-11-27')
 *   // [{application: {...}, due: '2026-11-25', overdue: true, dueNow: true}]
 */
import { daysBetween } from './dates.js';

/** Applications whose next step has a due date, soonest first (ties: by company, then id). */
export function stepsWithDates(applications, today) {
  return (applications ?? [])
    .filter((app) => app?.next_step?.due)
    .map((app) => {
      const days = daysBetween(today, app.next_step.due);
      return { application: app, due: app.next_step.due, overdue: days !== null && days < 0, dueNow: days !== null && days <= 0 };
    })
    .sort((a, b) => a.due.localeCompare(b.due)
      || String(a.application.company ?? '').localeCompare(String(b.application.company ?? ''))
      || String(a.application.id).localeCompare(String(b.application.id)));
}

/** How many steps are due today or overdue: the number on the toolbar badge. */
export function dueCount(applications, today) {
  return stepsWithDates(applications, today).filter((s) => s.dueNow).length;
}

/**
 * A key that names one step of one application, so a notification is shown once per step.
 *
 * Example: stepKey({id: 7, next_step: {action: 'follow_up', due: '2026-11-30'}})  // '7:follow_up:2026-11-30'
 */
export function stepKey(app) {
  return `${app.id}:${app.next_step?.action ?? ''}:${app.next_step?.due ?? ''}`;
}

/**
 * The Gmail address of a thread from its hex id (Gmail's `data-legacy-thread-id`), or null.
 *
 * Example: gmailThreadUrl('18c1f2e3a4b5c6d7')  // 'https://mail.google.com/mail/u/0/#all/18c1f2e3a4b5c6d7'
 */
export function gmailThreadUrl(threadHex) {
  if (typeof threadHex !== 'string' || !/^[0-9a-f]{1,16}$/i.test(threadHex)) return null;
  return `https://mail.google.com/mail/u/0/#all/${threadHex.toLowerCase()}`;
}

/**
 * "Role at Company" for people, with what is known when one is missing.
 *
 * Example: applicationTitle({company: 'Lumen', role: 'Data Analyst'}, t)  // 'Data Analyst at Lumen'
 */
export function applicationTitle(app, t) {
  const company = (app?.company ?? '').trim();
  const role = (app?.role ?? '').trim();
  if (company && role) return t('roleAtCompany', [role, company]);
  return company || role || t('unknownCompany');
}

/**
 * A state name such as `interview_scheduled` said plainly: 'Interview scheduled'.
 *
 * Example: humanize('waiting_for_decision')  // 'Waiting for decision'
 */
export function humanize(name) {
  const text = String(name ?? '').replace(/[_-]+/g, ' ').trim();
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}
