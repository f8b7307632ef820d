/**
 * Every piece of Gmail's page that Next Step relies on, in one place: Gmail's class names change,
 * so nothing else in the extension may name them. Attributes come first where Gmail has them
 * (they are what Gmail's own code keys on and change less than class names).
 *
 * Example: document.querySelectorAll(GMAIL.message)  // the open thread's messages
 */

export const GMAIL = Object.freeze({
  // The open thread's subject heading carries both of Gmail's thread ids:
  // data-legacy-thread-id="18c1f2e3a4b5c6d7" (hex, = IMAP X-GM-THRID in base 16) and
  // data-thread-perm-id="thread-f:1784620012345678901" (the same id in decimal). Only the
  // heading: the inbox list's rows carry data-legacy-thread-id too, and no thread is open there.
  threadHeading: 'h2[data-legacy-thread-id], h2[data-thread-perm-id]',
  legacyThreadIdAttribute: 'data-legacy-thread-id',
  permThreadIdAttribute: 'data-thread-perm-id',

  // One element per message of the open thread (collapsed ones included):
  // data-legacy-message-id="18c1f2e3a4b5c6d7" and data-message-id="#msg-f:1784620012345678901".
  message: 'div[data-legacy-message-id], div.adn[data-message-id]',
  legacyMessageIdAttribute: 'data-legacy-message-id',
  messageIdAttribute: 'data-message-id',

  // The sender of a message (<span class="gD" email="rina@lumen.example" name="Rina">).
  sender: 'span.gD[email], span[email].go, [email][name]',

  // The main column, where a thread view lives; the sidebar is placed beside it.
  main: 'div[role="main"]',

  // The thread's reply button (bottom of the thread, then the header's arrow), and the editor
  // that opens for it.
  replyButton: 'span.ams.bkH, [role="button"][data-tooltip="Reply"], [role="link"].ams.bkH',
  replyEditor: 'div.Am.Al.editable[contenteditable="true"], div[g_editable="true"][role="textbox"], div[contenteditable="true"][aria-label="Message Body"]',
});

/**
 * The signed-in account's address, from Gmail's window title ("Inbox - dewi@example.com - Gmail"),
 * or '' when the title does not show one.
 */
export function accountAddress(doc = document) {
  return /\s-\s([^\s@]+@[^\s@]+)\s-\s/.exec(` ${doc.title} `)?.[1]?.toLowerCase() ?? '';
}

/** Gmail's legacy hex thread id from `thread-f:<decimal>` (its perm id), or null. */
export function hexFromPermId(permId) {
  const m = /^thread-f:(\d{1,20})$/.exec(String(permId ?? '').trim());
  if (!m) return null;
  try {
    return BigInt(m[1]).toString(16);
  } catch {
    return null;
  }
}
