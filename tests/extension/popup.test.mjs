// The toolbar popup and badge against a real `nextstep serve`: dated steps, soonest first,
// overdue marked, a click opens the Gmail thread.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  THREADS, fixtureDates, launchBrowser, routeGmail, screenshotPath, skipReason, startNextStep, waitForSidebar,
} from './harness.mjs';

const skip = await skipReason();
const dates = fixtureDates();

describe('the popup', { skip }, () => {
  let api;
  let browser;

  before(async () => {
    api = await startNextStep({ dates });
    browser = await launchBrowser();
    await browser.setSettings({ apiBase: api.apiBase, token: api.token });
    await routeGmail(browser.context, { dates });
  });

  after(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openPopup() {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 260 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await page.waitForSelector('#steps[data-view]');
    return page;
  }

  test('lists every dated step soonest first, the overdue one marked', async () => {
    const page = await openPopup();
    assert.equal(await page.locator('#steps').getAttribute('data-view'), 'applications');
    const items = page.locator('#steps li');
    const dues = await items.evaluateAll((lis) => lis.map((li) => li.dataset.due));
    assert.deepEqual(dues, [dates.expected.kopi.due, dates.expected.lumen.due]);
    const first = items.nth(0);
    assert.equal(await first.getAttribute('class'), 'overdue due-now');
    assert.equal(await first.locator('.tag.overdue').textContent(), 'Overdue');
    assert.equal(await first.locator('.action').textContent(), 'OverdueSend a last, gracious thank-you');
    assert.match(await first.locator('.relative').textContent(), /^overdue by \d+ days?$/);
    assert.match(await items.nth(1).locator('.action').textContent(), /Follow up: ask politely about the status$/);
    // The real popup takes its content's height: so does the picture.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 380, height });
    await page.screenshot({ path: screenshotPath('popup.png') });
    await page.close();
  });

  test('a click opens the application\'s Gmail thread', async () => {
    const page = await openPopup();
    const opened = browser.context.waitForEvent('page');
    await page.locator('#steps li').nth(1).locator('a').click();
    const tab = await opened;
    await tab.waitForURL('https://mail.google.com/**');
    assert.equal(tab.url(), `https://mail.google.com/mail/u/0/#all/${THREADS.lumen}`);
    // Gmail's "#all/<id>" opens the thread, and the sidebar follows it there.
    const data = await waitForSidebar(tab, { view: 'tracked' });
    assert.equal(data.due, dates.expected.lumen.due);
    await tab.close();
  });

  test('the badge counts the steps due today or overdue, each notified once', async () => {
    const expected = [dates.expected.kopi.due, dates.expected.lumen.due].filter((due) => due <= dates.today).length;
    await browser.worker.evaluate(() => chrome.storage.local.set({ token: '' }));
    await browser.setSettings({ token: api.token }); // a settings change refreshes the badge
    const deadline = Date.now() + 15_000;
    let text = await browser.badgeText();
    while (text !== String(expected) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      text = await browser.badgeText();
    }
    assert.equal(text, String(expected));
    // Each due step was notified once, and is remembered so it is not notified again.
    const { notifiedSteps = [] } = await browser.worker.evaluate(() => chrome.storage.local.get('notifiedSteps'));
    const dueOnes = notifiedSteps.filter((key) => key.endsWith(`:${dates.expected.kopi.action}:${dates.expected.kopi.due}`));
    assert.equal(dueOnes.length, 1, notifiedSteps.join(', '));
    assert.equal(notifiedSteps.length, expected);
  });
});
