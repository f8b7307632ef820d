/**
 * The toolbar popup: every application with a dated next step, soonest first, overdue marked.
 * A click opens the application's Gmail thread (when it has one).
 */
import { h, textWithCode } from '../lib/dom.js';
import { localizePage, t, uiLocale } from '../lib/i18n.js';
import { formatDay, localToday, relativeDue } from '../lib/dates.js';
import { actionKey } from '../lib/actions.js';
import { applicationTitle, gmailThreadUrl, stepsWithDates } from '../lib/due-steps.js';
import { isSettingsProblem, problemText } from '../lib/problems.js';

const api = globalThis.browser ?? globalThis.chrome;
const list = document.getElementById('steps');

localizePage();
document.getElementById('open-options').addEventListener('click', () => api.runtime.openOptionsPage());
list.replaceChildren(h('p', { class: 'loading' }, t('loading')));
show(await api.runtime.sendMessage({ type: 'applications' }));

function show(answer) {
  list.dataset.view = answer?.view ?? 'problem';
  if (answer?.view !== 'applications') {
    list.replaceChildren(problemBox(answer?.problem ?? { kind: 'not_running' }));
    return;
  }
  const today = localToday();
  const steps = stepsWithDates(answer.applications, today);
  if (!steps.length) {
    list.replaceChildren(h('p', { class: 'empty' }, t('popupEmpty')));
    return;
  }
  list.replaceChildren(h('ol', {}, steps.map((s) => stepItem(s, today))));
}

function stepItem({ application, due, overdue, dueNow }, today) {
  const relative = relativeDue(due, today);
  const url = gmailThreadUrl(application.gmail_thread_id);
  const content = [
    h('span', { class: 'title' }, applicationTitle(application, t)),
    h('span', { class: 'action' },
      overdue ? h('span', { class: 'tag overdue' }, t('overdue')) : dueNow ? h('span', { class: 'tag due-now' }, t('dueNowTag')) : null,
      t(actionKey(application.next_step.action))),
    h('span', { class: 'when' }, h('span', { class: 'relative' }, t(relative.key, [String(relative.count)])), formatDay(due, uiLocale())),
    url ? null : h('span', { class: 'nolink' }, t('popupNotInGmail')),
  ];
  const item = url
    ? h('a', {
      href: url,
      onclick: (e) => {
        e.preventDefault();
        api.runtime.sendMessage({ type: 'open-thread', url }).then(() => window.close());
      },
    }, content)
    : h('div', { class: 'item' }, content);
  return h('li', {
    class: [overdue ? 'overdue' : '', dueNow ? 'due-now' : ''].join(' ').trim(),
    dataset: { applicationId: String(application.id), due },
  }, item);
}

function problemBox(problem) {
  return h('div', { class: 'problem', role: 'alert', dataset: { problem: problem.kind } },
    h('p', {}, textWithCode(problemText(problem, t))),
    isSettingsProblem(problem) ? h('button', { type: 'button', onclick: () => api.runtime.openOptionsPage() }, t('openOptions')) : null);
}
