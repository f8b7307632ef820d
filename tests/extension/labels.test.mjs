// Unit tests of extension/lib/labels.js and extension/lib/actions.js against the contracts.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { LABELS, isLabel, labelKey } from '../../extension/lib/labels.js';
import { ACTIONS, actionKey, checkinKey, sentEventKind } from '../../extension/lib/actions.js';

const en = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));

test('the eleven labels of LABELS.md, each with words on screen', () => {
  assert.equal(LABELS.length, 11);
  assert.equal(new Set(LABELS).size, 11);
  for (const label of LABELS) assert.ok(en[labelKey(label)], label);
  assert.equal(isLabel('rejection'), true);
  assert.equal(isLabel('spam'), false);
});

test('every action and check-in has words on screen', () => {
  for (const action of ACTIONS) assert.ok(en[actionKey(action)], action);
  for (const n of [1, 2, 3, 4, 5, 6, null]) assert.ok(en[checkinKey(n)], String(n));
  assert.equal(checkinKey(7), 'checkin_beyond');
});

test('"I sent it" tells a thank-you from a follow-up, and is absent where nothing is sent', () => {
  assert.equal(sentEventKind('send_thank_you'), 'thank_you_sent');
  assert.equal(sentEventKind('send_final_thanks'), 'final_thanks_sent');
  assert.equal(sentEventKind('follow_up'), 'follow_up_sent');
  assert.equal(sentEventKind('stay_in_touch'), 'follow_up_sent');
  assert.equal(sentEventKind('wait'), null);
  assert.equal(sentEventKind('prepare_for_interview'), null);
});
