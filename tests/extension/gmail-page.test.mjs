// Reading Gmail's page (gmail/thread-view.js) and following its navigation (gmail/navigation.js),
// run inside the Gmail fixture in Chromium: the modules are imported into the page itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { THREADS, freePort, launchBrowser, openGmail, routeGmail, skipReason } from './harness.mjs';

const skip = await skipReason({ api: false });

describe('Gmail\'s page', { skip }, () => {
  let browser;
  let page;

  before(async () => {
    browser = await launchBrowser();
    await browser.setSettings({ apiBase: `http://127.0.0.1:${await freePort()}`, token: 'any' });
    await routeGmail(browser.context);
    page = await openGmail(browser.context, THREADS.lumen, { csp: false });
  });

  after(async () => {
    await browser?.close();
  });

  const load = (file) => page.evaluate(async ({ id, file }) => {
    window.modules = window.modules ?? {};
    window.modules[file] = await import(`chrome-extension://${id}/${file}`);
  }, { id: browser.extensionId, file });

  test('the open thread\'s hex id, Message-IDs and whom a reply goes to', async () => {
    await load('gmail/thread-view.js');
    const views = await page.evaluate(async (threads) => {
      const { readThreadView } = window.modules['gmail/thread-view.js'];
      const settle = () => new Promise((r) => setTimeout(r, 50));
      const out = { lumen: readThreadView(document) };
      location.hash = '#inbox';
      await settle();
      out.inbox = readThreadView(document);
      location.hash = `#inbox/${threads.kopi}`;
      await settle();
      // Without Gmail's legacy id, the decimal perm id still names the thread.
      document.querySelector('h2.hP').removeAttribute('data-legacy-thread-id');
      out.permOnly = readThreadView(document);
      // A message carrying an RFC Message-ID is offered for the lookup by Message-ID.
      document.querySelector('.adn').setAttribute('data-message-id', '<b1.received@kopinusantara.example>');
      out.withMessageId = readThreadView(document);
      return out;
    }, THREADS);
    assert.deepEqual(views.lumen, {
      threadId: THREADS.lumen, messageIds: [], replyTo: 'rina.hartono@lumen-analytics.example', key: `${THREADS.lumen}|`,
    });
    assert.equal(views.inbox, null);
    assert.equal(views.permOnly.threadId, THREADS.kopi);
    assert.deepEqual(views.withMessageId.messageIds, ['<b1.received@kopinusantara.example>']);
  });

  test('navigation: one observer, one call per thread change, nothing after stop()', async () => {
    await load('gmail/navigation.js');
    const result = await page.evaluate(async (threads) => {
      const Real = window.MutationObserver;
      const counts = { created: 0, disconnected: 0 };
      window.MutationObserver = class extends Real {
        constructor(cb) { super(cb); counts.created += 1; }
        disconnect() { counts.disconnected += 1; super.disconnect(); }
      };
      const settle = () => new Promise((r) => setTimeout(r, 150));
      location.hash = `#inbox/${threads.lumen}`;
      await settle();
      const seen = [];
      const stop = window.modules['gmail/navigation.js'].followThreads((view) => seen.push(view?.threadId ?? null), { debounceMs: 30 });
      location.hash = `#inbox/${threads.kopi}`;
      await settle();
      // A burst of Gmail's DOM churn on the same thread: no new call.
      for (let i = 0; i < 20; i += 1) document.body.append(document.createElement('span'));
      await settle();
      location.hash = '#inbox';
      await settle();
      stop();
      location.hash = `#inbox/${threads.untracked}`;
      await settle();
      window.MutationObserver = Real;
      return { seen, counts };
    }, THREADS);
    assert.deepEqual(result.seen, [THREADS.lumen, THREADS.kopi, null]);
    assert.deepEqual(result.counts, { created: 1, disconnected: 1 });
  });
});
