// Admin: a school's API credentials (key id, API key, webhook secret) for its own software. Intake shows the
// secrets once; creating them again replaces the previous ones.
import { api, errorText } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import { busy, errorSummary, field, showErrors, submitButton } from '../lib/forms.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { schools } from '../lib/schools.js';

function secret(label, value, testid) {
  const copy = el('button', { type: 'button', class: 'button secondary small' }, t('credentials.copy'));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      copy.textContent = t('credentials.copied');
    } catch {
      copy.textContent = t('credentials.copyFailed');
    }
  });
  return el(
    'div',
    { class: 'secret' },
    el('dt', {}, label),
    el('dd', {}, el('code', { 'data-testid': testid }, value), ' ', copy),
  );
}

export async function render({ main, signal }) {
  const school = el(
    'select',
    { 'data-testid': 'credentials-school' },
    el('option', { value: '' }, t('credentials.schoolChoose')),
  );
  const grace = el(
    'select',
    { 'data-testid': 'credentials-grace' },
    [0, 60, 1440].map((minutes) =>
      el('option', { value: String(minutes) }, t(`credentials.grace${minutes}`)),
    ),
  );
  const understood = el('input', {
    type: 'checkbox',
    id: 'credentials-understood',
    'data-testid': 'credentials-understood',
  });
  const form = el(
    'form',
    { class: 'form narrow', novalidate: true, 'data-testid': 'credentials-form' },
    errorSummary(),
    field({ key: 'schoolId', label: t('credentials.school'), control: school }),
    field({
      key: 'gracePeriodMinutes',
      label: t('credentials.grace'),
      hint: t('credentials.graceHint'),
      control: grace,
    }),
    el(
      'div',
      { class: 'field', 'data-field': 'understood' },
      el('p', { class: 'field-error', 'data-testid': 'field-error-understood', hidden: true }),
      el(
        'div',
        { class: 'choice' },
        understood,
        el('label', { for: understood.id }, t('credentials.understood')),
      ),
    ),
    el('p', { class: 'form-actions' }, submitButton(t('credentials.submit'), 'credentials-submit')),
  );
  const result = el('section', {
    class: 'result',
    hidden: true,
    tabindex: '-1',
    'data-testid': 'credentials-result',
  });
  main.append(
    el('h1', {}, t('credentials.heading')),
    el('p', { class: 'intro' }, t('credentials.intro')),
    form,
    result,
  );

  try {
    const all = [...(await schools())].sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl'));
    school.append(
      ...all.map((item) =>
        el(
          'option',
          { value: item.id },
          `${item.name}${item.instellingsnummer ? ` (${item.instellingsnummer})` : ''}`,
        ),
      ),
    );
  } catch (error) {
    if (error?.name === 'AbortError') return;
    showErrors(form, { message: errorText(error) });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      result.hidden = true;
      result.replaceChildren();
      const fields = [];
      if (!school.value) fields.push({ field: 'schoolId', messages: [t('credentials.schoolMissing')] });
      if (!understood.checked)
        fields.push({ field: 'understood', messages: [t('credentials.understoodMissing')] });
      if (fields.length > 0) {
        showErrors(form, { message: t('form.errorSummary'), fields });
        return;
      }
      try {
        const schoolLabel = school.selectedOptions[0]?.textContent ?? '';
        const answer = await api(`/api/intake/v1/schools/${encodeURIComponent(school.value)}/credentials`, {
          method: 'POST',
          json: { gracePeriodMinutes: Number(grace.value) },
          signal,
        });
        form.reset();
        replace(
          result,
          el('h2', {}, t('credentials.resultHeading', { school: schoolLabel })),
          el('p', { class: 'notice warning', role: 'alert' }, t('credentials.warning')),
          answer?.previousValidUntil && Array.isArray(answer.revokedKeyIds) && answer.revokedKeyIds.length > 0
            ? el(
                'p',
                {},
                t('credentials.previousValidUntil', { at: formatDateTime(answer.previousValidUntil) }),
              )
            : null,
          el(
            'dl',
            { class: 'secrets' },
            secret(t('credentials.keyId'), String(answer?.keyId ?? ''), 'credentials-key-id'),
            secret(t('credentials.apiKey'), String(answer?.apiKey ?? ''), 'credentials-api-key'),
            secret(
              t('credentials.webhookSecret'),
              String(answer?.webhookSecret ?? ''),
              'credentials-webhook-secret',
            ),
          ),
        );
        result.hidden = false;
        result.focus();
      } catch (error) {
        if (error?.name === 'AbortError') return;
        showErrors(form, { message: errorText(error), fields: error?.fields ?? [] });
      }
    });
  });
}
