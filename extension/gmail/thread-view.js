/**
 * Reading the open Gmail thread: its hex thread id and its messages' ids. Pure reads of the
 * DOM through gmail/selectors.js; returns null when no thread is open (inbox, settings...).
 *
 * Example:
 *   readThreadView(document)
 *   // {threadId: '18c1f2e3a4b5c6d7', messageIds: [], replyTo: 'rina@lumen.example', key: '18c1f2e3a4b5c6d7|'}
 */
import { GMAIL, accountAddress, hexFromPermId } from './selectors.js';

const HEX = /^[0-9a-f]{1,16}$/i;
// An RFC 5322 Message-ID looks like <local@domain>; Gmail's own ids (#msg-f:...) do not.
const RFC_MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/** Whether `el` is laid out on screen: Gmail keeps earlier views in the page, hidden. */
function isShown(el) {
  if (!el.isConnected) return false;
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  return el.getClientRects().length > 0;
}

/** The thread's hex id from one heading element, or null. */
function threadIdOf(heading) {
  const legacy = heading.getAttribute(GMAIL.legacyThreadIdAttribute);
  if (legacy && HEX.test(legacy.trim())) return legacy.trim().toLowerCase();
  return hexFromPermId(heading.getAttribute(GMAIL.permThreadIdAttribute));
}

/** The visible thread view of `doc`, or null when none is open. */
export function readThreadView(doc = document) {
  const headings = [...doc.querySelectorAll(GMAIL.threadHeading)].filter(isShown);
  const messages = [...doc.querySelectorAll(GMAIL.message)].filter(isShown);
  if (!headings.length && !messages.length) return null;

  let threadId = null;
  for (const heading of headings.reverse()) {
    threadId = threadIdOf(heading);
    if (threadId) break;
  }
  // Gmail's thread id is the id of its first message: a fallback when the heading lacks it.
  if (!threadId && messages.length) {
    const first = messages[0].getAttribute(GMAIL.legacyMessageIdAttribute);
    if (first && HEX.test(first.trim())) threadId = first.trim().toLowerCase();
  }
  const messageIds = messages
    .map((m) => (m.getAttribute(GMAIL.messageIdAttribute) ?? '').trim())
    .filter((id) => RFC_MESSAGE_ID.test(id));
  const senders = [];
  for (const m of [...messages].reverse()) {
    const email = m.querySelector(GMAIL.sender)?.getAttribute('email');
    if (email && !senders.includes(email)) senders.push(email);
  }
  if (!threadId && !messageIds.length) return null;
  // Whom a reply goes to: the latest sender who is not the signed-in account.
  const me = accountAddress(doc);
  const replyTo = senders.find((s) => s.toLowerCase() !== me) ?? '';
  return { threadId, messageIds, replyTo, key: `${threadId ?? ''}|${messageIds.join(',')}` };
}
