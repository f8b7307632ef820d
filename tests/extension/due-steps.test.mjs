// Unit tests of extension/lib/due-steps.js: what the popup lists and the badge counts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { applicationTitle, dueCount, gmailThreadUrl, humanize, stepKey, stepsWithDates } from '../../extension/lib/due-steps.js';

const app = (id, due, action = 'follow_up', company = `Company ${id}`) => ({ id, company, role: 'Analyst', next_step: { action, due } });
const t = (key, subs = []) => ({ roleAtCompany: `${subs[0]} at ${subs[1]}`, unknownCompany: 'Unknown company' }[key]);

test('stepsWithDates keeps dated steps only, soonest first, and marks overdue and due ones', () => {
  const steps = stepsWithDates([app(1, '2026-12-05'), app(2, null, 'wait'), app(3, '2026-11-20'), app(4, '2026-11-27')], '2026-11-27');
  assert.deepEqual(steps.map((s) => s.application.id), [3, 4, 1]);
  assert.deepEqual(steps.map((s) => [s.overdue, s.dueNow]), [[true, true], [false, true], [false, false]]);
});

test('stepsWithDates breaks ties by company', () => {
  const steps = stepsWithDates([app(1, '2026-12-01', 'follow_up', 'Zeta'), app(2, '2026-12-01', 'follow_up', 'Alpha')], '2026-11-27');
  assert.deepEqual(steps.map((s) => s.application.company), ['Alpha', 'Zeta']);
});

test('dueCount counts today and overdue steps', () => {
  assert.equal(dueCount([app(1, '2026-12-05'), app(3, '2026-11-20'), app(4, '2026-11-27')], '2026-11-27'), 2);
  assert.equal(dueCount([], '2026-11-27'), 0);
  assert.equal(dueCount(undefined, '2026-11-27'), 0);
});

test('stepKey changes when the action or the date changes', () => {
  assert.equal(stepKey(app(7, '2026-11-30')), '7:follow_up:2026-11-30');
  assert.notEqual(stepKey(app(7, '2026-11-30')), stepKey(app(7, '2026-12-02')));
});

test('gmailThreadUrl accepts Gmail hex thread ids only', () => {
  assert.equal(gmailThreadUrl('18C1f2e3a4b5c6d7'), 'https://mail.google.com/mail/u/0/#all/18c1f2e3a4b5c6d7');
  assert.equal(gmailThreadUrl(null), null);
  assert.equal(gmailThreadUrl('javascript:alert(1)'), null);
  assert.equal(gmailThreadUrl('18c1f2e3a4b5c6d7/../x'), null);
});

test('applicationTitle says role at company, or what is known', () => {
  assert.equal(applicationTitle({ company: 'Lumen', role: 'Data Analyst' }, t), 'Data Analyst at Lumen');
  assert.equal(applicationTitle({ company: 'Lumen', role: null }, t), 'Lumen');
  assert.equal(applicationTitle({}, t), 'Unknown company');
});

test('humanize turns a state name into words', () => {
  assert.equal(humanize('waiting_for_decision'), 'Waiting for decision');
  assert.equal(humanize(''), '');
});
