// A tiny DOM builder: el('p', { class: 'x', text: 'Hallo' }, child…). It builds nodes, never HTML strings, so
// text from the services cannot inject markup.

/**
 * Creates an element. Props: `class`, `text`, `dataset`, `on<event>` (listener), DOM properties given as
 * non-strings (`hidden: true`, `checked: false`, `value`), everything else as attributes (`data-testid`, `aria-*`,
 * `for`, `type`). null/undefined/false props and children are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'value') node.value = String(value);
    else if (typeof value !== 'string' && key in node) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Writes text only when it changed, so a live region does not re-announce the same text. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

let idCounter = 0;
/** A fresh element id with a readable prefix. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
