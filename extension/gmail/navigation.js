/**
 * Following Gmail's single-page navigation: Gmail swaps thread views without loading a page,
 * so the sidebar learns of a new thread from hash changes, history moves and DOM mutations.
 *
 * One MutationObserver for the whole page, its callbacks debounced (Gmail mutates the DOM
 * constantly); `onChange(view)` runs only when the visible thread really changed (its key), and
 * with null when no thread is open any more. The returned `stop()` disconnects everything.
 *
 * Example:
 *   const stop = followThreads((view) => console.log(view?.threadId));
 *   // ... later, when the extension is unloaded:
 *   stop();
 */
import { readThreadView } from './thread-view.js';

export const DEBOUNCE_MS = 200;

/** Call `onChange(view | null)` whenever the open thread changes; returns `stop()`. */
export function followThreads(onChange, { doc = document, win = window, debounceMs = DEBOUNCE_MS, read = readThreadView } = {}) {
  let lastKey;
  let timer = null;
  let stopped = false;

  const check = () => {
    timer = null;
    if (stopped) return;
    const view = read(doc);
    const key = view?.key ?? null;
    if (key === lastKey) return;
    lastKey = key;
    onChange(view);
  };
  const schedule = () => {
    if (stopped || timer !== null) return;
    timer = win.setTimeout(check, debounceMs);
  };

  const observer = new win.MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    // Only the attributes that show or hide a view, or carry an id, wake us.
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'data-legacy-thread-id', 'data-thread-perm-id'],
  });
  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  check();

  return function stop() {
    stopped = true;
    observer.disconnect();
    win.removeEventListener('hashchange', schedule);
    win.removeEventListener('popstate', schedule);
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
  };
}

/**
 * A fresh view of the thread now open, forgetting the last key: used by "Try again".
 */
export function currentThread(doc = document) {
  return readThreadView(doc);
}
