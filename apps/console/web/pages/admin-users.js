// Admin: accounts of the console. Create one with a role, its CLBs or schools and an initial password; deactivate
// or reactivate from the list (the console's own API, /api/admin/users).
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
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
import { CLB_ROLES, ROLES, roleLabel } from '../lib/labels.js';
import { schools } from '../lib/schools.js';
import { loadClbs } from './admin-clbs.js';

export async function render({ main, session, signal }) {
  const email = el('input', {
    type: 'email',
    autocomplete: 'off',
    autocapitalize: 'none',
    inputmode: 'email',
    'data-testid': 'user-email',
  });
  const displayName = el('input', {
    type: 'text',
    autocomplete: 'off',
    maxlength: '200',
    'data-testid': 'user-name',
  });
  const role = el(
    'select',
    { 'data-testid': 'user-role' },
    ROLES.map((id) => el('option', { value: id }, roleLabel(id))),
  );
  const password = el('input', {
    type: 'password',
    autocomplete: 'new-password',
    'data-testid': 'user-password',
  });
  const clbField = fieldset({ key: 'clbIds', legend: t('users.clbs'), choices: [] });
  const schoolField = fieldset({ key: 'schoolIds', legend: t('users.schools'), choices: [] });
  const done = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'user-created',
  });
  const form = el(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'user-form' },
    el('h2', {}, t('users.add')),
    errorSummary(),
    field({ key: 'email', label: t('users.email'), control: email }),
    field({ key: 'displayName', label: t('users.displayName'), control: displayName }),
    field({ key: 'role', label: t('users.role'), control: role }),
    clbField,
    schoolField,
    field({ key: 'password', label: t('users.password'), hint: t('users.passwordHint'), control: password }),
    el('p', { class: 'form-actions' }, submitButton(t('users.submit'), 'user-submit')),
  );
  const summary = el('p', { role: 'status' }, t('list.loading'));
  const list = el('ul', { class: 'cards', 'data-testid': 'user-list' });
  main.append(el('h1', {}, t('users.heading')), done, form, el('h2', {}, t('users.list')), summary, list);

  const [clbs, allSchools] = await Promise.all([loadClbs(signal).catch(() => []), schools().catch(() => [])]);
  if (signal.aborted) return;
  const names = new Map([...clbs, ...allSchools].map((item) => [item.id, item.name]));
  clbField
    .querySelector('.choice-list')
    .replaceChildren(...clbs.map((clb) => choice({ name: 'clbIds', value: clb.id, label: clb.name })));
  schoolField
    .querySelector('.choice-list')
    .replaceChildren(
      ...[...allSchools]
        .sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl'))
        .map((school) =>
          choice({ name: 'schoolIds', value: school.id, label: school.name, testid: 'user-school-option' }),
        ),
    );
  const showTenancy = () => {
    clbField.hidden = !CLB_ROLES.includes(role.value);
    schoolField.hidden = role.value !== 'school';
  };
  role.addEventListener('change', showTenancy);
  showTenancy();

  const tenancyText = (user) =>
    [...user.clbIds, ...user.schoolIds].map((id) => names.get(id) ?? id).join(', ') ||
    t('users.platformWide');

  const refresh = async () => {
    try {
      const { users = [] } = await api('/api/admin/users', { signal });
      summary.textContent = tPlural('users.count', users.length);
      replace(list, users.map(row));
    } catch (error) {
      if (error?.name !== 'AbortError') summary.textContent = errorText(error);
    }
  };

  const row = (user) => {
    const self = user.id === session.user.id;
    const toggle = self
      ? null
      : el(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            'data-testid': 'user-toggle-active',
            onclick: async (event) => {
              event.currentTarget.disabled = true;
              try {
                await api(`/api/admin/users/${encodeURIComponent(user.id)}`, {
                  method: 'PATCH',
                  json: { active: !user.active },
                  signal,
                });
              } catch (error) {
                summary.textContent = errorText(error);
              }
              await refresh();
            },
          },
          t(user.active ? 'users.deactivate' : 'users.activate'),
        );
    return el(
      'li',
      { class: `card${user.active ? '' : ' inactive'}`, 'data-testid': 'user-row', 'data-email': user.email },
      el('strong', {}, user.displayName),
      el('p', { class: 'muted' }, `${user.email} · ${roleLabel(user.role)} · ${tenancyText(user)}`),
      el(
        'p',
        { class: 'muted' },
        user.active ? t('users.active') : t('users.inactive'),
        ' · ',
        user.lastLoginAt
          ? t('users.lastLogin', { at: formatDateTime(user.lastLoginAt) })
          : t('users.neverLoggedIn'),
      ),
      toggle,
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      done.hidden = true;
      clearErrors(form);
      const body = {
        email: email.value.trim(),
        displayName: displayName.value.trim(),
        role: role.value,
        clbIds: CLB_ROLES.includes(role.value) ? checkedValues(form, 'clbIds') : [],
        schoolIds: role.value === 'school' ? checkedValues(form, 'schoolIds') : [],
        password: password.value,
      };
      try {
        await api('/api/admin/users', { method: 'POST', json: body, signal });
        done.textContent = t('users.created', { email: body.email });
        done.hidden = false;
        form.reset();
        showTenancy();
        await refresh();
      } catch (error) {
        if (error?.name === 'AbortError') return;
        showErrors(form, {
          message: errorText(error),
          fields: error instanceof ApiError ? error.fields : [],
        });
      }
    });
  });
  await refresh();
}
