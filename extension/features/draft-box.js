/**
 * The ready draft of the next step: its subject and text, a Copy button, and "Open reply",
 * which fills Gmail's reply box (or, when Gmail's page does not offer one, shows a mailto link).
 *
 * Example: draftBox({subject: 'Re: Data Analyst', body: 'Dear Rina, ...'}, {replyTo: 'rina@lumen.example'})
 */
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { fillGmailReply, mailtoHref } from '../gmail/reply-box.js';

export function draftBox(draft, { replyTo = '' } = {}) {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const copyButton = h('button', { type: 'button', class: 'copy', onclick: () => copyDraft() }, t('copy'));
  const replyButton = h('button', { type: 'button', class: 'primary open-reply', onclick: () => openReply() }, t('openReply'));
  const fallback = h('div', { class: 'mailto', hidden: true },
    h('p', { class: 'status' }, t('replyBoxMissing')),
    h('a', { class: 'button', href: mailtoHref(replyTo, draft), target: '_blank', rel: 'noopener' }, t('mailtoLink')));

  async function copyDraft() {
    try {
      // The body only: a reply keeps the thread's subject.
      await navigator.clipboard.writeText(draft.body ?? '');
      copyButton.textContent = t('copied');
      status.textContent = '';
    } catch {
      status.textContent = t('copyFailed');
    }
  }

  async function openReply() {
    replyButton.disabled = true;
    const ok = await fillGmailReply(draft.body ?? '').catch(() => false);
    replyButton.disabled = false;
    fallback.hidden = ok;
  }

  return h('section', { class: 'draft-box' },
    h('h3', {}, t('draft')),
    h('div', { class: 'draft' },
      draft.subject ? h('div', { class: 'subject' }, draft.subject) : null,
      h('div', { class: 'text' }, draft.body ?? '')),
    h('div', { class: 'row' }, replyButton, copyButton),
    status,
    fallback);
}
