// Unit tests of extension/gmail/selectors.js: the helpers beside Gmail's selectors.
import test from 'node:test';
import assert from 'node:assert/strict';
import { accountAddress, hexFromPermId } from '../../extension/gmail/selectors.js';

test('a thread perm id in decimal gives the legacy hex id (X-GM-THRID in base 16)', () => {
  assert.equal(hexFromPermId('thread-f:1784620012345678901'), BigInt('1784620012345678901').toString(16));
  assert.equal(hexFromPermId('thread-a:r123'), null);
  assert.equal(hexFromPermId(null), null);
});

test('the signed-in address is read from Gmail\'s window title', () => {
  assert.equal(accountAddress({ title: 'Inbox (3) - Dewi.Lestari@example.com - Gmail' }), 'dewi.lestari@example.com');
  assert.equal(accountAddress({ title: 'Gmail' }), '');
});
