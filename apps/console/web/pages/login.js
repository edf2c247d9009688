// Login: e-mail and password. The console answers the same for an unknown address and a wrong password.
import { ApiError, api, errorText } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { errorSummary, field, submitButton, busy } from '../lib/forms.js';
import { t } from '../lib/i18n.js';

export function render({ main, onLoggedIn, reason }) {
  const email = el('input', {
    type: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
    'data-testid': 'login-email',
  });
  const password = el('input', {
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'data-testid': 'login-password',
  });
  const problem = el('p', {
    class: 'notice error',
    role: 'alert',
    'data-testid': 'login-error',
    hidden: true,
  });
  const form = el(
    'form',
    {
      class: 'form narrow',
      novalidate: true,
      'data-testid': 'login-form',
      'aria-labelledby': 'login-heading',
    },
    errorSummary(),
    field({ key: 'email', label: t('login.email'), control: email }),
    field({ key: 'password', label: t('login.password'), control: password }),
    problem,
    submitButton(t('login.submit'), 'login-submit'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      problem.hidden = true;
      if (!email.value.trim() || !password.value) {
        problem.textContent = t('login.missing');
        problem.hidden = false;
        return;
      }
      try {
        const session = await api('/auth/login', {
          method: 'POST',
          json: { email: email.value.trim(), password: password.value },
          anonymous: true,
        });
        onLoggedIn(session);
      } catch (error) {
        problem.textContent =
          error instanceof ApiError && error.status === 400 ? t('login.badCredentials') : errorText(error);
        problem.hidden = false;
        password.value = '';
        password.focus();
      }
    });
  });
  main.append(
    el('h1', { id: 'login-heading' }, t('login.heading')),
    reason === 'expired'
      ? el(
          'p',
          { class: 'notice warning', role: 'status', 'data-testid': 'session-expired' },
          t('login.expired'),
        )
      : null,
    el('p', { class: 'intro' }, t('login.intro')),
    form,
  );
  email.focus();
}
