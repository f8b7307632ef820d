// The extension speaks the browser's language: Indonesian here. No API needed: the address
// points at a port nobody listens on, so every view is the "not running" problem.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { THREADS, freePort, launchBrowser, openGmail, routeGmail, skipReason, waitForSidebar } from './harness.mjs';

const skip = await skipReason({ api: false });

describe('in Indonesian', { skip }, () => {
  let browser;

  before(async () => {
    browser = await launchBrowser({ language: 'id' });
    await browser.setSettings({ apiBase: `http://127.0.0.1:${await freePort()}`, token: 'any' });
    await routeGmail(browser.context);
  });

  after(async () => {
    await browser?.close();
  });

  test('the sidebar says Next Step is not running, in Indonesian', async () => {
    const page = await openGmail(browser.context, THREADS.lumen);
    await waitForSidebar(page, { view: 'problem' });
    assert.equal(
      (await page.locator('nextstep-sidebar .problem .message').textContent()).trim(),
      'Next Step tidak berjalan: jalankan dengan nextstep run.',
    );
    assert.equal(await page.locator('nextstep-sidebar .problem button').textContent(), 'Coba lagi');
    await page.close();
  });

  test('the popup and the options page are in Indonesian too', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await popup.waitForSelector('#steps .problem');
    assert.equal(await popup.locator('h1').textContent(), 'Langkah berikutnya');
    await popup.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    assert.equal(await popup.locator('#test').textContent(), 'Uji koneksi');
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'id');
    await popup.close();
  });
});
