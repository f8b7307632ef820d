// What the user tells from the sidebar ("They said…", "Interview done") goes to a real
// `nextstep serve`, and the step the policy gives back is shown at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../extension/lib/dates.js';
import {
  THREADS, fixtureDates, launchBrowser, openGmail, routeGmail, skipReason, startNextStep, waitForSidebar,
} from './harness.mjs';

const skip = await skipReason();
const dates = fixtureDates();

describe('telling Next Step what happened', { skip }, () => {
  let api;
  let browser;
  let page;

  before(async () => {
    api = await startNextStep({ dates });
    browser = await launchBrowser();
    await browser.setSettings({ apiBase: api.apiBase, token: api.token });
    await routeGmail(browser.context, { dates });
    page = await openGmail(browser.context, THREADS.lumen);
    await waitForSidebar(page, { view: 'tracked', action: dates.expected.lumen.action });
  });

  after(async () => {
    await browser?.close();
    await api?.close();
  });

  test('"They said… end of next week" gives check-in 2: follow up two business days after that Friday', async () => {
    const panel = page.locator('nextstep-sidebar');
    await panel.locator('button.they-said-toggle').click();
    await panel.locator('textarea[name="they-said"]').fill('We will make a decision by the end of next week.');
    await panel.locator('form.they-said button[type="submit"]').click();
    const data = await waitForSidebar(page, { view: 'tracked', action: 'follow_up' });
    // "end of next week": Friday of the next calendar week; + 2 business days: the Tuesday after.
    const weekday = (new Date(`${dates.today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    const nextFriday = addDays(dates.today, 7 - weekday + 4);
    assert.deepEqual({ checkin: data.checkin, due: data.due }, { checkin: '2', due: addDays(nextFriday, 4) });
  });

  test('"Interview done" asks for the thank-you of check-in 1: today before noon, else tomorrow', async () => {
    const before = new Date();
    await page.locator('nextstep-sidebar button.interview-done').click();
    const data = await waitForSidebar(page, { view: 'tracked', action: 'send_thank_you' });
    const after = new Date();
    const dueFor = (moment) => (moment.getUTCHours() < 12 ? dates.today : addDays(dates.today, 1));
    assert.equal(data.checkin, '1');
    assert.ok([dueFor(before), dueFor(after)].includes(data.due), `due ${data.due}`);
    assert.equal(await page.locator('nextstep-sidebar .next-step .action').textContent(), 'Send a thank-you email');
  });

  test('"Copy" puts the draft\'s text on the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mail.google.com' });
    const panel = page.locator('nextstep-sidebar');
    const body = await panel.locator('.draft .text').textContent();
    await panel.locator('button.copy').click();
    await page.waitForFunction(() => document.querySelector('nextstep-sidebar').shadowRoot.querySelector('button.copy').textContent === 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), body);
  });
});
