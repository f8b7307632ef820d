/**
 * The browser tests' harness: a real `nextstep serve` on a free port with a temporary store
 * seeded by `nextstep import`, Chromium (Debian's, via playwright-core) with the unpacked
 * extension, and Gmail's thread view served from a saved fixture through request routing, so
 * no test touches the network.
 *
 * Example:
 *   const api = await startNextStep();            // {apiBase, token, stop()}
 *   const browser = await launchBrowser();        // {context, worker, extensionId, ...}
 *   await browser.setSettings({apiBase: api.apiBase, token: api.token});
 *   const page = await openGmailThread(browser.context, THREADS.lumen);
 */
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

export const ROOT = path.resolve(here, '../..');
export const EXTENSION_DIR = path.join(ROOT, 'extension');
export const FIXTURES = path.join(here, 'fixtures');
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
// The command under test; NEXTSTEP_BIN points elsewhere (e.g. an installed copy) when needed.
export const NEXTSTEP = process.env.NEXTSTEP_BIN || path.join(ROOT, '.venv', 'bin', 'nextstep');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ME = 'dewi.lestari@example.com';

// Gmail's hex thread ids of the fixture threads (X-GM-THRID of the mbox in base 16).
export const THREADS = Object.freeze({
  lumen: '1958841dc8276435', // Data Analyst at Lumen Analytics: "if you don't hear from me by Thursday, please follow up"
  kopi: '195889c3a8543773', // Product Designer at Kopi Nusantara: a rejection (and a hostile subject)
  untracked: '195891d6a66e207b', // a friend's mail: no application
  digest: '195891d6a66e2001', // a job-alert digest: stored, but no application until the user tracks it
});

const DAY = 86_400_000;
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

/**
 * The fixture's dates, relative to the day the tests run (UTC): `base` is the latest Monday
 * before today. Lumen's recruiter wrote on `base` ("by Thursday" = base+3, so the follow-up of
 * check-in 4 is due base+4, a Friday); Kopi's rejection came on base-5 (a Wednesday), so the
 * final thank-you of check-in 6 is due base-4.
 */
export function fixtureDates(now = new Date()) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekday = new Date(today).getUTCDay(); // 0 = Sunday
  const back = ((weekday + 6) % 7) || 7; // days since the latest Monday strictly before today
  const base = today - back * DAY;
  const at = (days, hh, mm) => new Date(base + days * DAY + ((hh - 7) * 60 + mm) * 60_000); // +07:00 wall time
  const moments = { A1: at(-7, 8, 30), A2: at(0, 9, 12), B1: at(-14, 10, 0), B2: at(-5, 15, 30) };
  const vars = {};
  for (const [name, moment] of Object.entries(moments)) {
    vars[`${name}_DATE`] = rfc2822Jakarta(moment);
    vars[`${name}_FROMLINE`] = moment.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, '$1 $3 $2 $5 +0000 $4');
    vars[`${name}_SHORT`] = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(moment);
    vars[`${name}_LONG`] = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(moment);
  }
  return {
    today: isoDay(today),
    base: isoDay(base),
    vars,
    expected: {
      lumen: { action: 'follow_up', checkin: '4', due: isoDay(base + 4 * DAY) },
      lumenAfterRejection: { action: 'send_final_thanks', checkin: '6', due: isoDay(base + 1 * DAY) },
      kopi: { action: 'send_final_thanks', checkin: '6', due: isoDay(base - 4 * DAY) },
    },
  };
}

function rfc2822Jakarta(moment) {
  const local = new Date(moment.getTime() + 7 * 3_600_000);
  const [wd, d, mon, y, time] = local.toUTCString().replace(',', '').split(' ');
  return `${wd}, ${d} ${mon} ${y} ${time} +0700`;
}

/** `text` with every {{NAME}} replaced from `vars`. */
export function fill(text, vars) {
  return text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (whole, name) => (name in vars ? vars[name] : whole));
}

/**
 * The `nextstep` commands these tests need that the installed CLI lacks ([] when all are there).
 */
export async function missingCommands(needed = ['import', 'serve', 'token']) {
  if (!fs.existsSync(NEXTSTEP)) return needed;
  try {
    const { stdout } = await run(NEXTSTEP, ['--help'], { timeout: 60_000 });
    const listed = new Set([...stdout.matchAll(/^\s{2}([a-z][\w-]*)\s/gm)].map((m) => m[1]));
    return needed.filter((name) => !listed.has(name));
  } catch {
    return needed;
  }
}

/**
 * Why the browser tests cannot run here, or false when they can: Chromium must be installed and,
 * unless `api` is false, `nextstep` must have the commands they drive. Under CI=true a missing
 * piece is an error, never a skip.
 */
export async function skipReason({ api = true } = {}) {
  let reason = false;
  if (!fs.existsSync(CHROMIUM)) {
    reason = `${CHROMIUM} is missing: install it with \`apt-get install chromium\` (make test does, as root)`;
  } else if (api) {
    const missing = await missingCommands();
    if (missing.length) reason = `${NEXTSTEP} lacks \`nextstep ${missing.join('`, `nextstep ')}\`: the browser tests need the real API`;
  }
  if (reason && process.env.CI === 'true') throw new Error(reason);
  return reason;
}

/** A TCP port nobody listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Next Step API on a free port, its store seeded from the fixture mbox (dates filled in
 * for today). `stop()` ends it; `start()` brings it back on the same port and store.
 */
export async function startNextStep({ dates = fixtureDates() } = {}) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nextstep-ext-'));
  const port = await freePort();
  const env = {
    ...process.env,
    NEXTSTEP_DB: path.join(folder, 'store.sqlite'),
    NEXTSTEP_API_PORT: String(port),
    NEXTSTEP_CONFIG_DIR: path.join(folder, 'config'),
    NEXTSTEP_ME: ME,
    NEXTSTEP_TZ: 'UTC',
    XDG_CONFIG_HOME: path.join(folder, 'xdg-config'),
    XDG_DATA_HOME: path.join(folder, 'xdg-data'),
    TZ: 'UTC',
  };
  const mbox = path.join(folder, 'recruiter-threads.mbox');
  fs.writeFileSync(mbox, fill(fs.readFileSync(path.join(FIXTURES, 'recruiter-threads.mbox.template'), 'utf8'), dates.vars));
  await run(NEXTSTEP, ['import', mbox], { env, timeout: 180_000 });
  const token = (await run(NEXTSTEP, ['token'], { env, timeout: 60_000 })).stdout.trim().split('\n').pop().trim();
  const apiBase = `http://127.0.0.1:${port}`;

  let child = null;
  let log = '';
  const api = {
    apiBase, token, port, folder, env,
    async start() {
      log = '';
      child = spawn(NEXTSTEP, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => { log += d; });
      child.stderr.on('data', (d) => { log += d; });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const started = Date.now();
      while (Date.now() - started < 90_000) {
        if (child.exitCode !== null) throw new Error(`nextstep serve exited (${child.exitCode}):\n${log}`);
        try {
          const r = await fetch(`${apiBase}/api/v1/health`);
          if (r.ok) return;
        } catch {
          // not listening yet
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
      }
      throw new Error(`nextstep serve did not answer on ${apiBase} within 90 s:\n${log}`);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    async close() {
      await api.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  await api.start();
  return api;
}

/**
 * Chromium with the unpacked extension, English UI (or `language`), UTC clock. `worker` is the extension's
 * service worker; `setSettings` writes `storage.local` through it.
 */
export async function launchBrowser({ viewport = { width: 1440, height: 900 }, language = 'en' } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextstep-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: language === 'en' ? 'en-US' : language,
    timezoneId: 'UTC',
    // Chromium on Linux takes its UI language (chrome.i18n's) from LANGUAGE.
    env: { ...process.env, TZ: 'UTC', LANGUAGE: language },
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--lang=${language}`,
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  // Nothing leaves the machine: Gmail comes from fixtures, everything else but loopback is refused.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/]|mail\.google\.com\/)/, (route) => route.abort());
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async setSettings(settings) {
      await worker.evaluate((s) => chrome.storage.local.set(s), settings);
    },
    async badgeText() {
      return worker.evaluate(() => chrome.action.getBadgeText({}));
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Gmail's own Content-Security-Policy shape: nonce'd scripts only, Trusted Types required.
const GMAIL_CSP = "script-src 'nonce-gmailfixture' 'unsafe-eval'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'";

/**
 * Serve the Gmail fixture for every https://mail.google.com/ page of `context`, dates filled.
 * A `?nocsp=1` in the address serves it without Gmail's CSP (so an injected inline handler
 * would really run: the hostile-subject test needs that to prove anything).
 */
export async function routeGmail(context, { dates = fixtureDates() } = {}) {
  const html = fill(fs.readFileSync(path.join(FIXTURES, 'gmail-thread-view.html'), 'utf8'), dates.vars);
  await context.route('https://mail.google.com/**', async (route) => {
    const url = new URL(route.request().url());
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (!url.searchParams.has('nocsp')) headers['content-security-policy'] = GMAIL_CSP;
    if (url.pathname.startsWith('/mail/')) await route.fulfill({ status: 200, headers, body: html });
    else await route.fulfill({ status: 404, body: '' });
  });
}

/** A new tab on Gmail showing thread `hex` (or the inbox when hex is null). */
export async function openGmail(context, hex = null, { csp = true } = {}) {
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.dialogs = dialogs;
  await page.goto(`https://mail.google.com/mail/u/0/${csp ? '' : '?nocsp=1'}#${hex ? `inbox/${hex}` : 'inbox'}`);
  return page;
}

/** The sidebar host's data-nextstep-* attributes (null when there is no sidebar). */
export async function sidebarData(page) {
  return page.evaluate(() => {
    const host = document.querySelector('nextstep-sidebar');
    if (!host) return null;
    return {
      view: host.dataset.nextstepView ?? '',
      action: host.dataset.nextstepAction ?? '',
      checkin: host.dataset.nextstepCheckin ?? '',
      due: host.dataset.nextstepDue ?? '',
      hidden: host.hidden,
    };
  });
}

/** Wait until the sidebar shows `view` (and `action`, when given); returns its data. */
export async function waitForSidebar(page, { view, action, hidden = false, timeout = 20_000 } = {}) {
  await page.waitForFunction(({ view, action, hidden }) => {
    const host = document.querySelector('nextstep-sidebar');
    if (!host || host.hidden !== hidden) return false;
    if (view && host.dataset.nextstepView !== view) return false;
    if (action !== undefined && host.dataset.nextstepAction !== action) return false;
    return !host.hasAttribute('data-nextstep-busy');
  }, { view, action, hidden }, { timeout });
  return sidebarData(page);
}

/** Save a screenshot under docs/screenshots/. */
export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}
