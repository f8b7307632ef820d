/**
 * Calendar dates as the user sees them: "today", "in 3 days", "overdue by 2 days".
 *
 * Due dates from the API are plain `YYYY-MM-DD` calendar dates in the user's time zone, so the
 * arithmetic here is on calendar days (no hours, no daylight-saving surprises): both dates are
 * read as UTC midnights and subtracted.
 *
 * Example:
 *   relativeDue('2026-11-30', '2026-11-27')  // {key: 'dueInDays', count: 3}
 *   relativeDue('2026-11-25', '2026-11-27')  // {key: 'overdueByDays', count: 2}
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `Date.UTC` of a `YYYY-MM-DD` string, or NaN when it is not one. */
function utcDay(isoDate) {
  const m = ISO_DATE.exec(String(isoDate ?? '').slice(0, 10));
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * Today's calendar date in the browser's time zone, as `YYYY-MM-DD`.
 *
 * Example: localToday(new Date(2026, 10, 27, 23, 59))  // '2026-11-27'
 */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Whole calendar days from `fromDate` to `toDate` (both `YYYY-MM-DD`); null if either is not a date.
 *
 * Example: daysBetween('2026-11-27', '2026-12-01')  // 4
 */
export function daysBetween(fromDate, toDate) {
  const a = utcDay(fromDate);
  const b = utcDay(toDate);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

/**
 * Where a due date stands from `today`: a message key of `_locales` and the day count it needs.
 *
 * Keys: dueToday, dueTomorrow, dueInDays, overdueByOneDay, overdueByDays; null for no date.
 *
 * Example: relativeDue('2026-11-28', '2026-11-27')  // {key: 'dueTomorrow', count: 1}
 */
export function relativeDue(due, today) {
  const days = daysBetween(today, due);
  if (days === null) return null;
  if (days === 0) return { key: 'dueToday', count: 0 };
  if (days === 1) return { key: 'dueTomorrow', count: 1 };
  if (days > 1) return { key: 'dueInDays', count: days };
  if (days === -1) return { key: 'overdueByOneDay', count: 1 };
  return { key: 'overdueByDays', count: -days };
}

/**
 * True when a step due on `due` is due now (today or earlier).
 *
 * Example: isDue('2026-11-27', '2026-11-27')  // true
 */
export function isDue(due, today) {
  const days = daysBetween(today, due);
  return days !== null && days <= 0;
}

/**
 * A calendar date written for people in `locale`, e.g. 'Fri, 27 Nov 2026'; '' for no date.
 *
 * The date is formatted in UTC so that '2026-11-27' never shows as the 26th west of Greenwich.
 *
 * Example: formatDay('2026-11-27', 'en-GB')  // 'Fri, 27 Nov 2026'
 */
export function formatDay(isoDate, locale = 'en') {
  const t = utcDay(isoDate);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(t));
}

/**
 * A message's timestamp (ISO 8601 with offset) in the reader's own time zone, short form:
 * 'Mon, 10 Mar 2025, 09:12'. Falls back to the raw text when it is not a date.
 *
 * Example: formatMoment('2025-03-10T09:12:00+00:00', 'en-GB', 'UTC')  // 'Mon, 10 Mar 2025, 09:12'
 */
export function formatMoment(isoMoment, locale = 'en', timeZone = undefined) {
  if (!isoMoment) return '';
  const d = new Date(isoMoment);
  if (Number.isNaN(d.getTime())) return String(isoMoment);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
  }).format(d);
}

/**
 * The calendar date `days` after `isoDate` (negative goes back).
 *
 * Example: addDays('2026-11-27', 3)  // '2026-11-30'
 */
export function addDays(isoDate, days) {
  const t = utcDay(isoDate);
  if (Number.isNaN(t)) return null;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Messages in time order by instant: their dates carry their senders' offsets, so the text of
 * two dates does not sort ("10:00+07:00" is before "05:00+00:00"). */
export function byInstant(messages) {
  const instant = (m) => Date.parse(m?.date ?? '') || 0;
  return [...(messages ?? [])].sort((a, b) => instant(a) - instant(b));
}
