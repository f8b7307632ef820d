/**
 * Building elements without ever parsing HTML.
 *
 * Email-derived text (subjects, evidence, drafts) reaches the page only as text nodes: `h` turns
 * every string child into a text node and refuses string event handlers, so nothing a recruiter
 * writes can become markup, and Gmail's Trusted Types policy never sees an HTML sink.
 *
 * Example:
 *   h('p', {class: 'quote'}, 'We will decide <soon>')  // <p class="quote">We will decide &lt;soon&gt;</p>
 *   h('button', {onclick: () => save()}, 'Save')
 */

/** A new element `tag` with attributes and children; functions under `on*` become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) {
      if (typeof value !== 'function') throw new TypeError(`${name} must be a function`);
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'value' || name === 'checked' || name === 'selected' || name === 'disabled') {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append children (nodes, strings as text, nested arrays; null and false skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' && 'nodeType' in child ? child : String(child));
  }
  return parent;
}

/**
 * A sentence whose `backticked` parts (commands to type) become <code>, all of it as text.
 *
 * Example: textWithCode('start it with `nextstep run`.')  // ['start it with ', <code>nextstep run</code>, '.']
 */
export function textWithCode(sentence) {
  return String(sentence ?? '').split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part)).filter((p) => p !== '');
}
