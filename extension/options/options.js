/**
 * The options page: where Next Step listens (apiBase) and its token, and "Test connection",
 * which says exactly what is wrong (not running, wrong address, token refused...).
 */
import { localizePage, t } from '../lib/i18n.js';
import { textWithCode } from '../lib/dom.js';
import { problemText } from '../lib/problems.js';
import { DEFAULT_API_BASE, cleanApiBase, readSettings } from '../background/settings.js';

const api = globalThis.browser ?? globalThis.chrome;
const form = document.getElementById('settings');
const apiBaseInput = document.getElementById('api-base');
const tokenInput = document.getElementById('token');
const status = document.getElementById('status');
const testButton = document.getElementById('test');

localizePage();
for (const el of document.querySelectorAll('[data-code]')) el.replaceChildren(...textWithCode(el.textContent));

const settings = await readSettings();
apiBaseInput.value = settings.apiBase;
tokenInput.value = settings.token;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (await save()) say('ok', t('saved'));
});

testButton.addEventListener('click', async () => {
  const apiBase = cleanApiBase(apiBaseInput.value || DEFAULT_API_BASE);
  if (!apiBase) {
    say('problem', problemText({ kind: 'bad_address', apiBase: apiBaseInput.value }, t));
    return;
  }
  // Firefox grants host permissions on request only; the click is the user's gesture.
  await requestHost(apiBase);
  testButton.disabled = true;
  say('', t('testing'));
  const answer = await api.runtime.sendMessage({ type: 'test-connection', apiBase, token: tokenInput.value });
  testButton.disabled = false;
  if (answer?.view === 'connected') {
    await save();
    say('ok', t('connectionOk', [answer.version, String(answer.count)]));
  } else {
    say('problem', problemText(answer?.problem, t));
  }
});

async function save() {
  const apiBase = cleanApiBase(apiBaseInput.value || DEFAULT_API_BASE);
  if (!apiBase) {
    say('problem', problemText({ kind: 'bad_address', apiBase: apiBaseInput.value }, t));
    return false;
  }
  apiBaseInput.value = apiBase;
  await api.storage.local.set({ apiBase, token: tokenInput.value.trim() });
  return true;
}

async function requestHost(apiBase) {
  const url = new URL(apiBase);
  // Match patterns name no port: the host's pattern covers every port. Gmail's is asked for too,
  // as Firefox runs the sidebar's content script only once the user allowed it.
  const origins = [`${url.protocol}//${url.hostname}/*`, 'https://mail.google.com/*'];
  try {
    // Asked at once, with nothing awaited before it: Firefox honours a request only inside the
    // click's own turn. It answers true without a prompt when access is already granted.
    await api.permissions.request({ origins });
  } catch {
    // Chrome grants the manifest's hosts at install; a refusal shows up as the test's own problem.
  }
}

function say(kind, sentence) {
  status.className = kind;
  status.dataset.kind = kind;
  status.replaceChildren(...textWithCode(sentence));
}
