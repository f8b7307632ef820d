// Content scripts cannot be ES modules in MV3 manifests: this loader imports the real one
// (content/main.js, listed in web_accessible_resources) from the extension's own files.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const { start } = await import(api.runtime.getURL('content/main.js'));
  start();
})();
