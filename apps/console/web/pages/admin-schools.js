// Admin: schools (intake's registry) with their CLB, instellingsnummer, address, levels and whether it is an
// internaat.
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import {
  busy,
  checkedValues,
  choice,
  clearErrors,
  errorSummary,
  field,
  fieldset,
  showErrors,
  submitButton,
} from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';
import { SCHOOL_LEVELS, levelLabel } from '../lib/labels.js';
import { forgetSchools, schools } from '../lib/schools.js';
import { loadClbs } from './admin-clbs.js';

const ALIASES = {
  'address.street': 'street',
  'address.postalCode': 'postalCode',
  'address.city': 'city',
  address: 'street',
};

export async function render({ main, signal }) {
  const clb = el(
    'select',
    { 'data-testid': 'school-clb' },
    el('option', { value: '' }, t('schools.clbChoose')),
  );
  const number = el('input', {
    type: 'text',
    inputmode: 'numeric',
    maxlength: '6',
    autocomplete: 'off',
    'data-testid': 'school-number',
  });
  const name = el('input', {
    type: 'text',
    maxlength: '200',
    autocomplete: 'off',
    'data-testid': 'school-name',
  });
  const street = el('input', { type: 'text', autocomplete: 'off', 'data-testid': 'school-street' });
  const postalCode = el('input', {
    type: 'text',
    inputmode: 'numeric',
    maxlength: '4',
    autocomplete: 'off',
    'data-testid': 'school-postal-code',
  });
  const city = el('input', { type: 'text', autocomplete: 'off', 'data-testid': 'school-city' });
  const internaat = el('input', {
    type: 'checkbox',
    id: 'school-internaat',
    'data-testid': 'school-internaat',
  });
  const done = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'school-created',
  });
  const form = el(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'school-form' },
    el('h2', {}, t('schools.add')),
    errorSummary(),
    field({ key: 'clbId', label: t('schools.clb'), control: clb }),
    field({
      key: 'instellingsnummer',
      label: t('schools.number'),
      hint: t('schools.numberHint'),
      control: number,
    }),
    field({ key: 'name', label: t('schools.name'), control: name }),
    field({ key: 'street', label: t('schools.street'), control: street }),
    el(
      'div',
      { class: 'field-row' },
      field({ key: 'postalCode', label: t('schools.postalCode'), control: postalCode }),
      field({ key: 'city', label: t('schools.city'), control: city }),
    ),
    fieldset({
      key: 'levels',
      legend: t('schools.levels'),
      choices: SCHOOL_LEVELS.map((level) =>
        choice({ name: 'levels', value: level, label: levelLabel(level), testid: `school-level-${level}` }),
      ),
    }),
    el(
      'div',
      { class: 'field', 'data-field': 'isInternaat' },
      el('div', { class: 'choice' }, internaat, el('label', { for: internaat.id }, t('schools.internaat'))),
    ),
    el('p', { class: 'form-actions' }, submitButton(t('schools.submit'), 'school-submit')),
  );
  const summary = el('p', { role: 'status' }, t('list.loading'));
  const list = el('ul', { class: 'cards', 'data-testid': 'school-list' });
  main.append(el('h1', {}, t('schools.heading')), done, form, el('h2', {}, t('schools.list')), summary, list);

  let clbNames = new Map();
  try {
    const clbs = await loadClbs(signal);
    clbNames = new Map(clbs.map((item) => [item.id, item.name]));
    clb.append(...clbs.map((item) => el('option', { value: item.id }, item.name)));
  } catch (error) {
    if (error?.name === 'AbortError') return;
    summary.textContent = errorText(error);
  }

  const refresh = async () => {
    try {
      const all = [...(await schools({ refresh: true }))].sort((a, b) =>
        String(a.name).localeCompare(String(b.name), 'nl'),
      );
      summary.textContent = tPlural('schools.count', all.length);
      replace(
        list,
        all.map((school) =>
          el(
            'li',
            { class: 'card', 'data-testid': 'school-row' },
            el('strong', {}, school.name),
            el(
              'p',
              { class: 'muted' },
              [
                school.instellingsnummer,
                school.address?.city ?? school.addressCity ?? school.city,
                clbNames.get(school.clbId) ?? school.clbName,
                school.isInternaat ? t('schools.internaatShort') : null,
              ]
                .filter(Boolean)
                .join(' · '),
            ),
          ),
        ),
      );
    } catch (error) {
      if (error?.name !== 'AbortError') summary.textContent = errorText(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      done.hidden = true;
      clearErrors(form);
      const body = {
        clbId: clb.value || null,
        instellingsnummer: number.value.trim(),
        name: name.value.trim(),
        address: {
          street: street.value.trim(),
          postalCode: postalCode.value.trim(),
          city: city.value.trim(),
        },
        levels: checkedValues(form, 'levels'),
        isInternaat: internaat.checked,
      };
      try {
        await api('/api/intake/v1/schools', { method: 'POST', json: body, signal });
        done.textContent = t('schools.created', { name: body.name });
        done.hidden = false;
        form.reset();
        forgetSchools();
        await refresh();
      } catch (error) {
        if (error?.name === 'AbortError') return;
        showErrors(
          form,
          { message: errorText(error), fields: error instanceof ApiError ? error.fields : [] },
          ALIASES,
        );
      }
    });
  });
  await refresh();
}
