// The Gmail sidebar against a real `nextstep serve`: the right step, corrections, navigation,
// the draft, and hostile text that must stay text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../extension/lib/dates.js';
import {
  THREADS, fixtureDates, launchBrowser, openGmail, routeGmail, screenshotPath, sidebarData,
  skipReason, startNextStep, waitForSidebar,
} from './harness.mjs';

const skip = await skipReason();
const dates = fixtureDates();

describe('the sidebar beside a Gmail thread', { skip }, () => {
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

  test('shows the next step of the open thread: check-in 4, the follow-up they asked for', async () => {
    const page = await openGmail(browser.context, THREADS.lumen);
    const data = await waitForSidebar(page, { view: 'tracked' });
    assert.deepEqual({ action: data.action, checkin: data.checkin, due: data.due }, dates.expected.lumen);
    const panel = page.locator('nextstep-sidebar');
    await assert.doesNotReject(panel.locator('.next-step .action').waitFor());
    assert.equal(await panel.locator('.next-step .action').textContent(), 'Follow up: ask politely about the status');
    assert.match(await panel.locator('.next-step .checkin').textContent(), /^Check-in 4/);
    assert.match(await panel.locator('.next-step .evidence').textContent(), /by Thursday, please follow up/);
    assert.equal(await panel.locator('.timeline > li').count(), 2);
    assert.equal(await panel.locator('.timeline > li.out').count(), 1);
    await page.screenshot({ path: screenshotPath('sidebar.png') });
    await page.close();
  });

  test('"Open reply" puts the draft into Gmail\'s reply box', async () => {
    const page = await openGmail(browser.context, THREADS.lumen);
    await waitForSidebar(page, { view: 'tracked' });
    const panel = page.locator('nextstep-sidebar');
    const body = await panel.locator('.draft .text').textContent();
    assert.ok(body.trim().length > 20, 'the follow-up comes with a draft');
    await panel.locator('button.open-reply').click();
    const editor = page.locator('div.Am.Al.editable');
    await editor.waitFor();
    const firstLine = body.split('\n').find((l) => l.trim());
    await page.waitForFunction((line) => document.querySelector('div.Am.Al.editable')?.innerText.includes(line), firstLine);
    assert.equal(await panel.locator('.mailto').isHidden(), true);
    await page.close();
  });

  test('a subject holding <img onerror> is shown as text: no element, no dialog', async () => {
    const page = await openGmail(browser.context, THREADS.kopi, { csp: false });
    const data = await waitForSidebar(page, { view: 'tracked' });
    assert.deepEqual({ action: data.action, checkin: data.checkin, due: data.due }, dates.expected.kopi);
    const subjects = await page.locator('nextstep-sidebar .timeline .subject-line').allTextContents();
    assert.ok(subjects.some((s) => s.includes('<img src=x onerror=alert(1)>')), `subjects: ${subjects.join(' | ')}`);
    const images = await page.evaluate(() => {
      const root = document.querySelector('nextstep-sidebar').shadowRoot;
      return root.querySelectorAll('img').length + document.querySelectorAll('img').length;
    });
    assert.equal(images, 0);
    await page.waitForTimeout(300); // an onerror would have fired by now
    assert.deepEqual(page.dialogs, []);
    await page.close();
  });

  test('following Gmail\'s navigation swaps the sidebar, hides it off-thread, and says "not tracked"', async () => {
    const page = await openGmail(browser.context, THREADS.lumen);
    let data = await waitForSidebar(page, { view: 'tracked', action: dates.expected.lumen.action });
    assert.equal(data.due, dates.expected.lumen.due);

    await page.evaluate((hex) => { location.hash = `#inbox/${hex}`; }, THREADS.kopi);
    data = await waitForSidebar(page, { view: 'tracked', action: dates.expected.kopi.action });
    assert.deepEqual({ action: data.action, checkin: data.checkin, due: data.due }, dates.expected.kopi);

    await page.evaluate(() => { location.hash = '#inbox'; });
    data = await waitForSidebar(page, { hidden: true });
    assert.equal(data.action, '');

    await page.evaluate((hex) => { location.hash = `#inbox/${hex}`; }, THREADS.untracked);
    data = await waitForSidebar(page, { view: 'untracked' });
    assert.equal(data.action, '');
    assert.match(await page.locator('nextstep-sidebar .untracked').textContent(), /Not tracked/);

    await page.goBack(); // popstate, like Gmail's back button
    await page.goBack();
    data = await waitForSidebar(page, { view: 'tracked', action: dates.expected.kopi.action });
    assert.equal(data.due, dates.expected.kopi.due);
    assert.equal(await page.locator('nextstep-sidebar').count(), 1, 'one sidebar, however often Gmail navigates');
    await page.close();
  });

  test('correcting a label re-renders the step at once, and "I sent it" closes the application', async () => {
    const page = await openGmail(browser.context, THREADS.lumen);
    await waitForSidebar(page, { view: 'tracked', action: dates.expected.lumen.action });
    const panel = page.locator('nextstep-sidebar');
    const inbound = panel.locator('.timeline > li.in');
    await inbound.locator('button.correct').click();
    await inbound.locator('select[name="label"]').selectOption('rejection');
    await inbound.locator('button.save-label').click();
    const data = await waitForSidebar(page, { view: 'tracked', action: 'send_final_thanks' });
    assert.deepEqual({ action: data.action, checkin: data.checkin, due: data.due }, dates.expected.lumenAfterRejection);
    assert.equal(await panel.locator('.timeline > li.in .chip.label').textContent(), 'Rejection');

    await panel.locator('button.sent').click();
    const closed = await waitForSidebar(page, { view: 'tracked', action: 'none' });
    assert.equal(closed.due, '');
    await page.close();
  });

  test('"Snooze" moves the step to the chosen day (three days from now unless changed)', async () => {
    const page = await openGmail(browser.context, THREADS.kopi);
    await waitForSidebar(page, { view: 'tracked', action: dates.expected.kopi.action });
    const panel = page.locator('nextstep-sidebar');
    await panel.locator('button.snooze-toggle').click();
    const until = await panel.locator('input[name="snooze-until"]').inputValue();
    assert.equal(until, addDays(dates.today, 3));
    await panel.locator('form.snooze button[type="submit"]').click();
    const data = await waitForSidebar(page, { view: 'tracked', action: dates.expected.kopi.action });
    assert.equal(data.due, until);
    assert.match(await panel.locator('.next-step .due .relative').textContent(), /^in 3 days$/);
    await page.close();
  });

  test('folding the sidebar keeps it folded on the next thread and after a reload', async () => {
    const page = await openGmail(browser.context, THREADS.lumen);
    await waitForSidebar(page, { view: 'tracked' });
    const panel = page.locator('nextstep-sidebar');
    await panel.locator('button.toggle').click();
    assert.equal(await panel.locator('.body').isVisible(), false);
    await page.evaluate((hex) => { location.hash = `#inbox/${hex}`; }, THREADS.kopi);
    await waitForSidebar(page, { view: 'tracked', action: dates.expected.kopi.action });
    assert.equal(await panel.locator('.body').isVisible(), false);
    await page.reload();
    await waitForSidebar(page, { view: 'tracked' });
    await page.waitForFunction(() => document.querySelector('nextstep-sidebar').shadowRoot.querySelector('.panel.collapsed'));
    await panel.locator('button.toggle').click();
    assert.equal(await panel.locator('.body').isVisible(), true);
    await page.close();
  });

  // Last: tracking adds an application to the store the other tests read.
  test('"Track this thread" turns a thread the reader did not file into an application', async () => {
    const page = await openGmail(browser.context, THREADS.digest);
    await waitForSidebar(page, { view: 'untracked' });
    await page.locator('nextstep-sidebar button.track').click();
    const data = await waitForSidebar(page, { view: 'tracked' });
    assert.notEqual(data.action, '');
    assert.equal(await page.locator('nextstep-sidebar .untracked').count(), 0);
    await page.close();
  });
});
