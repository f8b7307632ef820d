/**
 * Putting a draft into Gmail's reply box: press the thread's Reply button, wait for the editor,
 * insert the text as text. When Gmail's page does not offer them, say so (false) and the
 * sidebar offers a `mailto:` link instead.
 *
 * Example:
 *   await fillGmailReply('Dear Rina,\n\nThank you ...')  // true when the text is in the editor
 *   mailtoHref('rina@lumen.example', {subject: 'Re: Data Analyst', body: 'Dear Rina, ...'})
 *   // 'mailto:rina@lumen.example?subject=Re%3A%20Data%20Analyst&body=Dear%20Rina%2C%20...'
 */
import { GMAIL } from './selectors.js';

const EDITOR_WAIT_MS = 3000;

/** Open Gmail's reply box of the visible thread and put `text` into it; true when it worked. */
export async function fillGmailReply(text, { doc = document, waitMs = EDITOR_WAIT_MS } = {}) {
  let editor = visible(doc.querySelectorAll(GMAIL.replyEditor));
  if (!editor) {
    const button = visible(doc.querySelectorAll(GMAIL.replyButton));
    if (!button) return false;
    clickLikeAPerson(button);
    editor = await waitFor(() => visible(doc.querySelectorAll(GMAIL.replyEditor)), waitMs);
    if (!editor) return false;
  }
  editor.focus();
  // insertText keeps Gmail's editor model in step (undo, drafts autosave); it takes plain text.
  const inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  if (!inserted || !editor.textContent.includes(firstLine(text))) {
    editor.replaceChildren(...text.split('\n').map((line) => {
      const div = doc.createElement('div');
      if (line) div.textContent = line;
      else div.append(doc.createElement('br'));
      return div;
    }));
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }
  return true;
}

/** A `mailto:` address for writing the reply in the user's mail program. */
export function mailtoHref(to, { subject = '', body = '' } = {}) {
  const address = /^[^\s@<>,;?]+@[^\s@<>,;?]+$/.test(to ?? '') ? to : '';
  const query = [`subject=${encodeURIComponent(subject)}`, `body=${encodeURIComponent(body)}`].join('&');
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?${query}`;
}

function firstLine(text) {
  return String(text).split('\n').find((line) => line.trim()) ?? '';
}

function visible(nodes) {
  return [...nodes].reverse().find((el) => el.getClientRects().length > 0) ?? null;
}

// Gmail's buttons listen to mousedown/mouseup, not only to click.
function clickLikeAPerson(el) {
  for (const type of ['mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: el.ownerDocument.defaultView }));
  }
}

function waitFor(find, waitMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      const found = find();
      if (found || Date.now() - started > waitMs) resolve(found ?? null);
      else setTimeout(tick, 100);
    };
    tick();
  });
}
