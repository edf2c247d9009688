// Form fields with their label, hint and error, and server field errors ({ field, messages }) shown beside them.
import { el, replace, uid } from './dom.js';
import { t } from './i18n.js';

/**
 * A labelled field: `<div class="field" data-field=key>` with label, optional hint, an error line
 * (data-testid `field-error-<key>`) and the control. The control gets the id, aria-describedby and name.
 */
export function field({ key, label, hint, control, optional = false }) {
  const id = control.id || uid(`f-${key.replace(/\W/g, '-')}`);
  control.id = id;
  if (!control.name) control.name = key;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return el(
    'div',
    { class: 'field', 'data-field': key },
    el(
      'label',
      { for: id },
      label,
      optional ? el('span', { class: 'optional' }, ` ${t('form.optional')}`) : null,
    ),
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
    el('p', { class: 'field-error', id: errorId, 'data-testid': `field-error-${key}`, hidden: true }),
    control,
  );
}

/**
 * A group of checkboxes or radios in a fieldset with a legend, hint and error line (data-field=key). The inputs
 * are made by the caller (use `choice`).
 */
export function fieldset({ key, legend, hint, choices, optional = false }) {
  const errorId = uid(`e-${key}`);
  const hintId = hint ? uid(`h-${key}`) : null;
  return el(
    'fieldset',
    {
      class: 'field choices',
      'data-field': key,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    },
    el('legend', {}, legend, optional ? el('span', { class: 'optional' }, ` ${t('form.optional')}`) : null),
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
    el('p', { class: 'field-error', id: errorId, 'data-testid': `field-error-${key}`, hidden: true }),
    el('div', { class: 'choice-list' }, choices),
  );
}

/** One checkbox or radio with its label. */
export function choice({ type = 'checkbox', name, value, label, checked = false, testid }) {
  const id = uid(`c-${name}`);
  return el(
    'div',
    { class: 'choice' },
    el('input', { type, id, name, value, checked, 'data-testid': testid }),
    el('label', { for: id }, label),
  );
}

/** The values of the checked inputs with this name in a form. */
export function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map((input) => input.value);
}

/** Clears every field error and the summary of a form. */
export function clearErrors(form) {
  for (const wrapper of form.querySelectorAll('.field.has-error')) wrapper.classList.remove('has-error');
  for (const line of form.querySelectorAll('.field-error')) {
    line.hidden = true;
    line.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

/** 'contactPerson.phone' → ['contactPerson.phone', 'contactPerson'], with list indexes dropped. */
function candidates(field) {
  const plain = field.replace(/\[\d+\]/g, '');
  const parts = plain.split('.');
  const keys = [field, plain];
  for (let end = parts.length - 1; end > 0; end -= 1) keys.push(parts.slice(0, end).join('.'));
  return keys;
}

/**
 * Shows server field errors next to their fields and in a summary at the top of the form (role=alert, links to
 * the fields), then moves focus to the summary. `aliases` maps server field names to the form's keys where they
 * differ. Errors for fields the form does not have still appear in the summary.
 */
export function showErrors(form, { message, fields = [] }, aliases = {}) {
  clearErrors(form);
  const items = [];
  for (const { field: name, messages } of fields) {
    const text = (Array.isArray(messages) ? messages : [String(messages ?? '')]).join(' ');
    const key = candidates(name)
      .map((candidate) => aliases[candidate] ?? candidate)
      .find((candidate) => form.querySelector(`[data-field="${CSS.escape(candidate)}"]`));
    const wrapper = key ? form.querySelector(`[data-field="${CSS.escape(key)}"]`) : null;
    if (!wrapper) {
      items.push(el('li', {}, text));
      continue;
    }
    wrapper.classList.add('has-error');
    const line = wrapper.querySelector('.field-error');
    line.textContent = line.textContent ? `${line.textContent} ${text}` : text;
    line.hidden = false;
    const control = wrapper.querySelector('input, select, textarea');
    control?.setAttribute('aria-invalid', 'true');
    const target = control?.id ?? '';
    items.push(
      el('li', {}, target ? el('a', { href: `#${target}`, onclick: focusField(target) }, text) : text),
    );
  }
  const summary = form.querySelector('.error-summary');
  if (!summary) return;
  replace(
    summary,
    el('h2', { class: 'error-summary-title', tabindex: '-1' }, message || t('form.errorSummary')),
    items.length > 0 ? el('ul', {}, items) : null,
  );
  summary.hidden = false;
  summary.querySelector('h2').focus();
}

function focusField(id) {
  return (event) => {
    event.preventDefault();
    const control = document.getElementById(id);
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
  };
}

/** The empty error summary a form starts with (filled by showErrors). */
export function errorSummary() {
  return el('div', { class: 'error-summary', role: 'alert', 'data-testid': 'error-summary', hidden: true });
}

/** A submit button that can show it is busy. */
export function submitButton(label, testid) {
  return el('button', { type: 'submit', class: 'button primary', 'data-testid': testid }, label);
}

/** Runs work with the form's submit button disabled (no double submits), re-enabling it afterwards. */
export async function busy(form, work) {
  const button = form.querySelector('button[type="submit"]');
  if (button?.disabled) return undefined;
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  }
  try {
    return await work();
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}
