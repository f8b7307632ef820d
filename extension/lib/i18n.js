/**
 * Words on screen in the user's language (English or Indonesian, from `_locales/`).
 *
 * In the extension `t` is the browser's `i18n.getMessage`; `translatorFrom` builds the same
 * function from a `messages.json` object, so that node tests and tools read the same texts.
 *
 * Example:
 *   t('dueInDays', ['3'])  // 'in 3 days' (English), '3 hari lagi' (Indonesian)
 */

const api = globalThis.browser ?? globalThis.chrome;

/**
 * A `t(key, substitutions)` function over one parsed `messages.json`, following the format's
 * rules: `$NAME$` placeholders take their `content`, `$1`..`$9` the substitutions, `$$` a `$`.
 *
 * Example: translatorFrom({hi: {message: 'Hi $1'}})('hi', ['Dewi'])  // 'Hi Dewi'
 */
export function translatorFrom(messages) {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = [].concat(substitutions).map(String);
    const placeholders = entry.placeholders ?? {};
    // One pass, so that a `$$` followed by a digit stays a literal dollar and digit.
    const fill = (text) => text.replace(/\$\$|\$(\d)/g, (whole, n) => (n ? subs[Number(n) - 1] ?? '' : '$'));
    return fill(entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
      const p = placeholders[name.toLowerCase()];
      return p ? p.content : whole;
    }));
  };
}

/** The message `key` in the browser's language; the key itself if it is missing (easy to spot). */
export function t(key, substitutions) {
  const text = api?.i18n?.getMessage(key, substitutions);
  return text || key;
}

/** The browser's UI language (e.g. 'en-US', 'id'), for dates and numbers. */
export function uiLocale() {
  return api?.i18n?.getUILanguage?.() || 'en';
}

/**
 * Fill every `[data-i18n]` element under `root` with its message, as text.
 * `data-i18n-placeholder` and `data-i18n-title` fill those attributes.
 *
 * Example: <h1 data-i18n="optionsTitle"></h1>  ->  <h1>Next Step settings</h1>
 */
export function localizePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.setAttribute('title', t(el.dataset.i18nTitle));
  }
  if (root === document) document.documentElement.lang = uiLocale();
}
