// Translations: every user-facing string comes from i18n/<lang>.json through t(); <html lang> picks the language.

/** @type {Record<string, string>} */
let messages = {};

/** Looks up a translation and fills {placeholders}; an unknown key shows itself so it is easy to spot. */
export function t(key, params = {}) {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether a translation exists (for optional labels, e.g. a status the page does not know yet). */
export function has(key) {
  return key in messages;
}

/** t() for a key with plural forms: picks `<key>.one`, `<key>.other`, … by the page language's plural rules. */
export function tPlural(key, count, params = {}) {
  const form = new Intl.PluralRules(document.documentElement.lang || 'nl').select(count);
  const forms = `${key}.${form}` in messages ? `${key}.${form}` : `${key}.other`;
  return t(forms, { ...params, count });
}

export async function loadMessages(lang) {
  const response = await fetch(`/i18n/${encodeURIComponent(lang)}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
  messages = await response.json();
}

/** Translates every element with data-i18n (its text) under root. */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
}
