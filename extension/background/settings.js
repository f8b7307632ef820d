/**
 * The extension's settings, kept in `storage.local`: where Next Step listens and its token.
 *
 * Example:
 *   await readSettings()  // {apiBase: 'http://127.0.0.1:8765', token: ''}
 */

const api = globalThis.browser ?? globalThis.chrome;

export const DEFAULT_API_BASE = 'http://127.0.0.1:8765';

/**
 * `apiBase` tidied: no trailing slash; null when it is not a loopback http address, the only
 * places Next Step listens (the API binds 127.0.0.1) and the only ones the manifest may reach.
 *
 * Example: cleanApiBase(' http://localhost:8765/ ')  // 'http://localhost:8765'
 */
export function cleanApiBase(value) {
  const text = String(value ?? '').trim().replace(/\/+$/, '');
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname)) return null;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
  return url.origin;
}

/** The settings now, defaults filled in. */
export async function readSettings() {
  const stored = await api.storage.local.get(['apiBase', 'token']);
  return {
    apiBase: cleanApiBase(stored.apiBase) ?? DEFAULT_API_BASE,
    token: String(stored.token ?? '').trim(),
  };
}
