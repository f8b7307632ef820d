// Unit tests of extension/lib/i18n.js and of the two locales it reads.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { translatorFrom } from '../../extension/lib/i18n.js';

const read = (lang) => JSON.parse(fs.readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
const en = read('en');
const id = read('id');

test('English and Indonesian have the same messages, none empty', () => {
  assert.deepEqual(Object.keys(id).sort(), Object.keys(en).sort());
  for (const [key, entry] of [...Object.entries(en), ...Object.entries(id)]) {
    assert.ok(entry.message.trim(), `${key} is empty`);
    assert.match(key, /^[A-Za-z0-9_@]+$/, `${key} is not a valid message name`);
  }
});

test('each message uses the same substitutions in both languages', () => {
  const subs = (text) => [...text.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join();
  for (const key of Object.keys(en)) assert.equal(subs(id[key].message), subs(en[key].message), key);
});

test('translatorFrom fills $1..$9, named placeholders and $$', () => {
  const t = translatorFrom({
    plain: { message: 'in $1 days' },
    named: { message: 'Hi $WHO$, $$5', placeholders: { who: { content: '$1' } } },
  });
  assert.equal(t('plain', ['3']), 'in 3 days');
  assert.equal(t('named', ['Dewi']), 'Hi Dewi, $5');
  assert.equal(t('missing'), '');
});

test('the relative due dates read naturally in both languages', () => {
  assert.equal(translatorFrom(en)('dueInDays', ['3']), 'in 3 days');
  assert.equal(translatorFrom(en)('overdueByDays', ['2']), 'overdue by 2 days');
  assert.equal(translatorFrom(id)('dueInDays', ['3']), '3 hari lagi');
  assert.equal(translatorFrom(id)('overdueByDays', ['2']), 'terlambat 2 hari');
});
