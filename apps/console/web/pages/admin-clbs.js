// Admin: the CLBs (intake's registry). Add one by name; the list shows every CLB.
import { ApiError, api, errorText, idOf, listOf } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import { busy, clearErrors, errorSummary, field, showErrors, submitButton } from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';

export async function loadClbs(signal) {
  const body = await api('/api/intake/v1/clbs', { signal });
  return listOf(body, 'clbs')
    .map((clb) => ({ ...clb, id: idOf(clb, 'clb') }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl'));
}

export async function render({ main, signal }) {
  const name = el('input', {
    type: 'text',
    maxlength: '200',
    autocomplete: 'off',
    'data-testid': 'clb-name',
  });
  const done = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'clb-created',
  });
  const form = el(
    'form',
    { class: 'form narrow', novalidate: true, 'data-testid': 'clb-form' },
    el('h2', {}, t('clbs.add')),
    errorSummary(),
    field({ key: 'name', label: t('clbs.name'), control: name }),
    el('p', { class: 'form-actions' }, submitButton(t('clbs.submit'), 'clb-submit')),
  );
  const summary = el('p', { role: 'status' }, t('list.loading'));
  const list = el('ul', { class: 'cards', 'data-testid': 'clb-list' });
  main.append(el('h1', {}, t('clbs.heading')), done, form, el('h2', {}, t('clbs.list')), summary, list);

  const refresh = async () => {
    try {
      const clbs = await loadClbs(signal);
      summary.textContent = tPlural('clbs.count', clbs.length);
      replace(
        list,
        clbs.map((clb) =>
          el(
            'li',
            { class: 'card', 'data-testid': 'clb-row' },
            el('strong', {}, clb.name),
            el('p', { class: 'muted mono' }, clb.id),
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
      try {
        await api('/api/intake/v1/clbs', { method: 'POST', json: { name: name.value.trim() }, signal });
        done.textContent = t('clbs.created', { name: name.value.trim() });
        done.hidden = false;
        form.reset();
        clearErrors(form);
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
