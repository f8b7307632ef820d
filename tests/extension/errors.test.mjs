// When something is wrong the extension says what, and what to do: a stopped server, a wrong
// token, no token. Never a blank panel.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  THREADS, fixtureDates, launchBrowser, openGmail, routeGmail, skipReason, startNextStep, waitForSidebar,
} from './harness.mjs';

const skip = await skipReason();
const dates = fixtureDates();

describe('clear messages instead of a blank panel', { skip }, () => {
  let api;
  let browser;

  before(async () => {
    api = await startNextStep({ dates });
    browser = await launchBrowser();
    await routeGmail(browser.context, { dates });
  });

  after(async () => {
    await browser?.close();
    await api?.close();
  });

  async function problemIn(page) {
    await waitForSidebar(page, { view: 'problem' });
    const box = page.locator('nextstep-sidebar .problem');
    return { kind: await box.getAttribute('data-problem'), text: (await box.locator('.message').textContent()).trim() };
  }

  test('no token yet: says to paste the output of `nextstep token`', async () => {
    await browser.setSettings({ apiBase: api.apiBase, token: '' });
    const page = await openGmail(browser.context, THREADS.lumen);
    const problem = await problemIn(page);
    assert.equal(problem.kind, 'no_token');
    assert.equal(problem.text, 'No token yet: paste the output of nextstep token in the options.');
    assert.equal(await page.locator('nextstep-sidebar .problem button', { hasText: 'Open options' }).count(), 1);
    await page.close();
  });

  test('a wrong token: says it was refused and how to fix it, in the sidebar and the popup', async () => {
    await browser.setSettings({ apiBase: api.apiBase, token: 'not-the-token' });
    const page = await openGmail(browser.context, THREADS.lumen);
    const problem = await problemIn(page);
    assert.equal(problem.kind, 'token_refused');
    assert.equal(problem.text, 'The token was refused: paste the output of nextstep token in the options.');
    await page.close();

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await popup.waitForSelector('#steps .problem');
    assert.match(await popup.locator('#steps .problem').textContent(), /token was refused/);
    await popup.close();

    // The toolbar says it too: a "!" badge whose tooltip is the sentence.
    await browser.worker.evaluate(() => new Promise((resolve) => {
      const poll = async () => ((await chrome.action.getBadgeText({})) === '!' ? resolve() : setTimeout(poll, 100));
      poll();
    }));
    assert.match(await browser.worker.evaluate(() => chrome.action.getTitle({})), /^Next Step: The token was refused/);
  });

  test('a stopped server: says to start it with `nextstep run`; "Try again" recovers once it is back', async () => {
    await browser.setSettings({ apiBase: api.apiBase, token: api.token });
    await api.stop();
    const page = await openGmail(browser.context, THREADS.lumen);
    const problem = await problemIn(page);
    assert.equal(problem.kind, 'not_running');
    assert.equal(problem.text, "Next Step isn't running: start it with nextstep run.");
    assert.equal(await page.locator('nextstep-sidebar .problem code').textContent(), 'nextstep run');

    await api.start();
    await page.locator('nextstep-sidebar .problem button', { hasText: 'Try again' }).click();
    const data = await waitForSidebar(page, { view: 'tracked' });
    assert.equal(data.action, dates.expected.lumen.action);
    await page.close();
  });

  test('the options page\'s "Test connection" says exactly what is wrong, then that it works', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    const status = page.locator('#status');
    await page.fill('#api-base', api.apiBase);

    await page.fill('#token', 'wrong');
    await page.click('#test');
    await page.waitForFunction(() => document.querySelector('#status').dataset.kind === 'problem');
    assert.match(await status.textContent(), /^The token was refused/);

    await page.fill('#api-base', 'http://example.com:8765');
    await page.click('#test');
    await page.waitForFunction(() => /must look like/.test(document.querySelector('#status').textContent));

    await api.stop();
    await page.fill('#api-base', api.apiBase);
    await page.fill('#token', api.token);
    await page.click('#test');
    await page.waitForFunction(() => /isn't running/.test(document.querySelector('#status').textContent));
    assert.equal(await status.textContent(), "Next Step isn't running: start it with nextstep run.");

    await api.start();
    await page.click('#test');
    await page.waitForFunction(() => document.querySelector('#status').dataset.kind === 'ok');
    assert.match(await status.textContent(), /^Connected to Next Step \S+: it tracks 2 applications\.$/);
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get(['apiBase', 'token']));
    assert.deepEqual(stored, { apiBase: api.apiBase, token: api.token });
    await page.close();
  });
});
