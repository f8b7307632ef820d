/**
 * The Next Step sidebar beside an open Gmail thread, in its own Shadow DOM. It shows one of:
 * loading, a tracked application (title, state, NEXT STEP card, timeline), "not tracked", or a
 * problem said as a sentence with what to do. It never fetches: the controller gives it views.
 *
 * Its host element carries the next step for tests and tools:
 *   <nextstep-sidebar data-nextstep-view="tracked" data-nextstep-action="follow_up"
 *                     data-nextstep-checkin="4" data-nextstep-due="2025-03-14">
 *
 * Example:
 *   const sidebar = mountSidebar({onRelabel, onEvent, onTrack, onRetry, onOpenOptions});
 *   sidebar.show({view: 'tracked', application}, {replyTo: 'rina@lumen.example'});
 *   sidebar.hide();  sidebar.destroy();
 */
import { h, textWithCode } from '../lib/dom.js';
import { t, uiLocale } from '../lib/i18n.js';
import { localToday } from '../lib/dates.js';
import { applicationTitle, humanize } from '../lib/due-steps.js';
import { isSettingsProblem, problemText } from '../lib/problems.js';
import { SIDEBAR_CSS } from './sidebar-style.js';
import { nextStepCard } from './next-step-card.js';
import { timeline } from './timeline.js';

export const HOST_TAG = 'nextstep-sidebar';

export function mountSidebar({ doc = document, onRelabel, onEvent, onTrack, onRetry, onOpenOptions }) {
  const host = doc.createElement(HOST_TAG);
  host.hidden = true;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = SIDEBAR_CSS;
  const body = h('div', { class: 'body' });
  let collapsed = false;
  const toggle = h('button', {
    type: 'button', class: 'icon toggle', 'aria-expanded': 'true', title: t('hide'), 'aria-label': t('hide'),
    onclick: () => setCollapsed(!collapsed),
  }, '–');
  const panel = h('aside', { class: 'panel', 'aria-label': t('extName') },
    h('header', { class: 'bar' }, h('div', { class: 'brand' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), t('extName')), toggle),
    body);
  root.append(style, panel);
  (doc.body ?? doc.documentElement).append(host);

  let current = null;
  let context = {};

  // Folded or open stays as the user left it, across threads and reloads.
  const storage = (globalThis.browser ?? globalThis.chrome)?.storage?.local;
  storage?.get('sidebarCollapsed').then((stored) => setCollapsed(Boolean(stored?.sidebarCollapsed), { remember: false }), () => {});

  function setCollapsed(value, { remember = true } = {}) {
    collapsed = value;
    if (remember) storage?.set({ sidebarCollapsed: collapsed }).catch(() => {});
    panel.classList.toggle('collapsed', collapsed);
    toggle.textContent = collapsed ? '+' : '–';
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.title = collapsed ? t('show') : t('hide');
    toggle.setAttribute('aria-label', toggle.title);
  }

  function setStep(step) {
    host.dataset.nextstepAction = step?.action ?? '';
    host.dataset.nextstepCheckin = step?.checkin === null || step?.checkin === undefined ? '' : String(step.checkin);
    host.dataset.nextstepDue = step?.due ?? '';
  }

  // While a request is out, the buttons rest: a second click must not send the event twice.
  function setBusy(busy) {
    host.toggleAttribute('data-nextstep-busy', busy);
    for (const b of body.querySelectorAll('button, select, input, textarea')) b.disabled = busy;
  }

  function render(view) {
    host.dataset.nextstepView = view.view;
    setStep(view.view === 'tracked' ? view.application.next_step : null);
    if (view.view === 'tracked') body.replaceChildren(...trackedView(view.application));
    else if (view.view === 'untracked') body.replaceChildren(untrackedView());
    else if (view.view === 'problem') body.replaceChildren(problemView(view.problem));
    else body.replaceChildren(h('p', { class: 'muted loading' }, t('loading')));
  }

  function trackedView(application) {
    const locale = uiLocale();
    const today = localToday();
    return [
      h('h1', { class: 'title' }, applicationTitle(application, t)),
      application.state ? h('span', { class: 'chip state', title: t('stateHeading') }, humanize(application.state)) : null,
      nextStepCard(application, {
        today, locale, replyTo: context.replyTo ?? '',
        onEvent: (event) => onEvent(application, event),
      }),
      timeline(application.messages, { locale, onRelabel: (messageId, label, keyDate) => onRelabel(application, messageId, label, keyDate) }),
    ];
  }

  function untrackedView() {
    return h('div', { class: 'empty untracked' },
      h('p', { class: 'action' }, t('notTracked')),
      h('p', {}, textWithCode(t('notTrackedDetail'))),
      onTrack ? h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary track', onclick: () => onTrack() }, t('trackThread'))) : null);
  }

  function problemView(problem) {
    return h('div', { class: 'problem', role: 'alert', dataset: { problem: problem?.kind ?? '' } },
      h('p', { class: 'message' }, textWithCode(problemText(problem, t))),
      h('div', { class: 'row' },
        isSettingsProblem(problem) ? h('button', { type: 'button', class: 'primary', onclick: () => onOpenOptions() }, t('openOptions')) : null,
        h('button', { type: 'button', onclick: () => onRetry() }, t('retry'))));
  }

  return {
    host,
    /** Show `view` ({view: 'loading'|'tracked'|'untracked'|'problem', ...}). */
    show(view, ctx = context) {
      current = view;
      context = ctx;
      host.hidden = false;
      render(view);
    },
    hide() {
      current = null;
      host.hidden = true;
      setStep(null);
      host.dataset.nextstepView = 'none';
    },
    setBusy,
    get view() {
      return current;
    },
    destroy() {
      host.remove();
    },
  };
}
