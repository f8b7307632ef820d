/**
 * The thread's timeline: each message with its date, direction, label, key date and the
 * sentence that gave the label; inbound messages have a "Correct" control (one of the eleven
 * labels and a key date) whose Save calls `onRelabel(messageId, label, keyDate)`.
 *
 * Example: timeline(application.messages, {locale: 'en', onRelabel})
 */
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { byInstant, formatDay, formatMoment } from '../lib/dates.js';
import { LABELS, labelKey } from '../lib/labels.js';

export function timeline(messages, { locale, onRelabel }) {
  const ordered = byInstant(messages);
  return h('section', { class: 'timeline-section' },
    h('h2', {}, t('timeline')),
    h('ol', { class: 'timeline' }, ordered.map((m) => messageItem(m, { locale, onRelabel }))));
}

function messageItem(message, { locale, onRelabel }) {
  const inbound = message.direction !== 'out';
  const editor = inbound ? labelEditor(message, onRelabel) : null;
  return h('li', { class: inbound ? 'in' : 'out', dataset: { messageId: String(message.id) } },
    h('div', { class: 'meta' }, formatMoment(message.date, locale), ' · ', inbound ? t('fromThem') : t('fromYou')),
    h('div', { class: 'subject-line' }, message.subject ?? ''),
    inbound ? labelLine(message, locale, editor.open) : null,
    message.evidence ? h('blockquote', { class: 'evidence' }, `“${message.evidence}”`) : null,
    editor?.form);
}

function labelLine(message, locale, correctButton) {
  return h('div', { class: 'labelline' },
    message.label ? h('span', { class: 'chip label', dataset: { label: message.label } }, t(labelKey(message.label))) : null,
    message.key_date ? h('span', { class: 'keydate' }, `${t('keyDate')}: ${formatDay(message.key_date, locale)}`) : null,
    correctButton);
}

function labelEditor(message, onRelabel) {
  const select = h('select', { name: 'label', 'aria-label': t('labelField') },
    LABELS.map((label) => h('option', { value: label, selected: label === message.label }, t(labelKey(label)))));
  const keyDate = h('input', { type: 'date', name: 'key-date', value: message.key_date ?? '', 'aria-label': t('keyDate') });
  const form = h('form', {
    class: 'form label-editor', hidden: true,
    onsubmit: (e) => {
      e.preventDefault();
      // A cleared date is sent as null (the user says there is none); an untouched empty one is left out.
      const date = keyDate.value || (message.key_date ? null : undefined);
      onRelabel(message.id, select.value, date);
    },
  },
  h('label', {}, t('labelField')), select,
  h('label', { class: 'spaced' }, t('keyDate')), keyDate,
  h('div', { class: 'row' },
    h('button', { type: 'submit', class: 'primary save-label' }, t('save')),
    h('button', { type: 'button', class: 'quiet', onclick: () => { form.hidden = true; } }, t('cancel'))));
  const open = h('button', {
    type: 'button', class: 'quiet correct', title: t('correct'),
    onclick: () => { form.hidden = !form.hidden; if (!form.hidden) select.focus(); },
  }, t('correct'));
  return { open, form };
}
