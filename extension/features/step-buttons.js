/**
 * What the user tells Next Step about the application: "I sent it", "Interview done",
 * "They said…" (a sentence from a call or a chat) and "Snooze" (until a date). Each becomes one
 * event of `POST /applications/<id>/events`; `onEvent(event)` sends it and re-renders.
 *
 * Example:
 *   stepButtons({next_step: {action: 'follow_up'}}, {onEvent, today: '2026-11-27'})
 *   // "I sent it" sends {kind: 'follow_up_sent'}
 */
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { addDays } from '../lib/dates.js';
import { sentEventKind } from '../lib/actions.js';

const SNOOZE_DAYS = 3;

export function stepButtons(application, { onEvent, today, now = () => new Date() }) {
  const sentKind = sentEventKind(application.next_step?.action);
  const forms = h('div', { class: 'forms' });

  const theySaidText = h('textarea', { name: 'they-said', rows: 2, placeholder: t('theySaidPlaceholder'), 'aria-label': t('theySaid') });
  const theySaidForm = h('form', {
    class: 'form they-said', hidden: true,
    onsubmit: (e) => {
      e.preventDefault();
      const text = theySaidText.value.trim();
      if (text) onEvent({ kind: 'they_said', text });
    },
  }, h('label', {}, t('theySaid')), theySaidText,
  h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('tell')),
    h('button', { type: 'button', class: 'quiet', onclick: () => { theySaidForm.hidden = true; } }, t('cancel'))));

  const snoozeDate = h('input', { type: 'date', name: 'snooze-until', value: addDays(today, SNOOZE_DAYS), min: addDays(today, 1), 'aria-label': t('snoozeUntil') });
  const snoozeForm = h('form', {
    class: 'form snooze', hidden: true,
    onsubmit: (e) => {
      e.preventDefault();
      if (snoozeDate.value) onEvent({ kind: 'snooze', until: snoozeDate.value });
    },
  }, h('label', {}, t('snoozeUntil')),
  h('div', { class: 'row' }, snoozeDate, h('button', { type: 'submit', class: 'primary' }, t('snooze')),
    h('button', { type: 'button', class: 'quiet', onclick: () => { snoozeForm.hidden = true; } }, t('cancel'))));

  forms.append(theySaidForm, snoozeForm);
  const toggle = (form) => {
    for (const f of [theySaidForm, snoozeForm]) f.hidden = f !== form ? true : !f.hidden;
    if (!form.hidden) form.querySelector('textarea, input')?.focus();
  };

  return h('section', { class: 'step-buttons' },
    h('div', { class: 'row' },
      sentKind ? h('button', { type: 'button', class: 'sent', onclick: () => onEvent({ kind: sentKind }) }, t('iSentIt')) : null,
      h('button', { type: 'button', class: 'interview-done', onclick: () => onEvent({ kind: 'interview_done', at: now().toISOString() }) }, t('interviewDone')),
      h('button', { type: 'button', class: 'they-said-toggle', onclick: () => toggle(theySaidForm) }, t('theySaid')),
      h('button', { type: 'button', class: 'snooze-toggle', onclick: () => toggle(snoozeForm) }, t('snooze'))),
    forms);
}
