// Unit tests of extension/lib/dates.js: calendar arithmetic and the words for a due date.
import test from 'node:test';
import assert from 'node:assert/strict';
import { addDays, byInstant, daysBetween, formatDay, formatMoment, isDue, localToday, relativeDue } from '../../extension/lib/dates.js';

test('relativeDue says today, tomorrow, in N days, overdue by one day and by N days', () => {
  assert.deepEqual(relativeDue('2026-11-27', '2026-11-27'), { key: 'dueToday', count: 0 });
  assert.deepEqual(relativeDue('2026-11-28', '2026-11-27'), { key: 'dueTomorrow', count: 1 });
  assert.deepEqual(relativeDue('2026-11-30', '2026-11-27'), { key: 'dueInDays', count: 3 });
  assert.deepEqual(relativeDue('2026-11-26', '2026-11-27'), { key: 'overdueByOneDay', count: 1 });
  assert.deepEqual(relativeDue('2026-11-25', '2026-11-27'), { key: 'overdueByDays', count: 2 });
});

test('relativeDue has nothing to say without a date', () => {
  assert.equal(relativeDue(null, '2026-11-27'), null);
  assert.equal(relativeDue('soon', '2026-11-27'), null);
});

test('daysBetween counts calendar days across months, years and daylight-saving changes', () => {
  assert.equal(daysBetween('2026-11-27', '2026-12-01'), 4);
  assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2); // Europe's clocks change on the 29th
  assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2); // leap year
  assert.equal(daysBetween('2026-11-27', 'not a date'), null);
});

test('isDue is true today and before, false after', () => {
  assert.equal(isDue('2026-11-27', '2026-11-27'), true);
  assert.equal(isDue('2026-11-01', '2026-11-27'), true);
  assert.equal(isDue('2026-11-28', '2026-11-27'), false);
  assert.equal(isDue(null, '2026-11-27'), false);
});

test('localToday reads the local calendar, not UTC', () => {
  assert.equal(localToday(new Date(2026, 10, 27, 23, 59)), '2026-11-27');
  assert.equal(localToday(new Date(2026, 0, 1, 0, 0)), '2026-01-01');
});

test('addDays moves by calendar days', () => {
  assert.equal(addDays('2026-11-27', 3), '2026-11-30');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('nope', 1), null);
});

test('formatDay writes the same calendar day in every time zone, in the reader\'s language', () => {
  assert.equal(formatDay('2026-11-27', 'en-GB'), 'Fri, 27 Nov 2026');
  assert.match(formatDay('2026-11-27', 'id'), /27 Nov 2026/);
  assert.match(formatDay('2026-11-27', 'id'), /^Jum/);
  assert.equal(formatDay(null), '');
});

test('formatMoment shows a message time in the given zone and keeps unreadable text as it is', () => {
  assert.equal(formatMoment('2025-03-10T09:12:00+00:00', 'en-GB', 'UTC'), 'Mon, 10 Mar 2025, 09:12');
  assert.equal(formatMoment('2025-03-10T09:12:00+07:00', 'en-GB', 'UTC'), 'Mon, 10 Mar 2025, 02:12');
  assert.equal(formatMoment('yesterday-ish', 'en'), 'yesterday-ish');
  assert.equal(formatMoment(null), '');
});

test('byInstant orders messages by instant, whatever their offsets', () => {
  const jakarta = { id: 1, date: '2025-10-15T10:00:00+07:00' }; // 03:00 UTC
  const london = { id: 2, date: '2025-10-15T05:00:00+00:00' };  // 05:00 UTC
  const newYork = { id: 3, date: '2025-10-14T22:00:00-04:00' }; // 02:00 UTC
  assert.deepEqual(byInstant([london, jakarta, newYork]).map((m) => m.id), [3, 1, 2]);
});
