// The manifest: one MV3 file for Chrome and Firefox, with only the permissions it needs.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

const root = new URL('../../extension/', import.meta.url);
const manifest = JSON.parse(fs.readFileSync(new URL('manifest.json', root), 'utf8'));

test('MV3 with a service worker for Chrome and background scripts for Firefox', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.ok(manifest.browser_specific_settings.gecko.id);
});

test('permissions are storage, alarms and notifications; hosts are Gmail and loopback', () => {
  assert.deepEqual([...manifest.permissions].sort(), ['alarms', 'notifications', 'storage']);
  assert.deepEqual([...manifest.host_permissions].sort(), ['http://127.0.0.1/*', 'http://localhost/*', 'https://mail.google.com/*']);
  assert.deepEqual(manifest.content_scripts[0].matches, ['https://mail.google.com/*']);
  assert.equal(manifest.content_security_policy, undefined, 'the default CSP: no remote code');
});

test('every file the manifest names exists, and both locales are there', () => {
  const named = [
    manifest.background.service_worker, ...manifest.content_scripts[0].js, manifest.action.default_popup,
    manifest.options_ui.page, ...Object.values(manifest.icons),
  ];
  for (const file of named) assert.ok(fs.existsSync(new URL(file, root)), file);
  assert.equal(manifest.default_locale, 'en');
  for (const lang of ['en', 'id']) assert.ok(fs.existsSync(new URL(`_locales/${lang}/messages.json`, root)), lang);
});

test('no extension file loads remote code or writes HTML from strings', () => {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|html)$/.test(entry.name)) files.push(path);
    }
  };
  walk(root);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/, file.pathname);
    assert.doesNotMatch(text, /<script[^>]+src=["']https?:/, file.pathname);
    assert.doesNotMatch(text, /\beval\(|new Function\(/, file.pathname);
  }
});
