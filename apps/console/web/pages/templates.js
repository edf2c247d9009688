// Admin: the letter texts (communication's /v1/templates). Pick a language, letter kind, disease and channel; see
// every text of that letter with where it comes from (own text, standard catalog, or missing → Dutch); edit one
// with a live preview of the example letter (debounced preview with the unsaved draft, shown in a sandboxed
// iframe), save or reset it (a conflict says someone else changed it), and send the example to yourself.
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace, setText } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { busy, clearErrors, errorSummary, field, showErrors, submitButton } from '../lib/forms.js';
import { has, t, tPlural } from '../lib/i18n.js';
import { diseaseLabel } from '../lib/labels.js';

const API = '/api/communication/v1/templates';
const PREVIEW_DELAY_MS = 400;
const KIND_KEY = /^(subject|intro|sms)\.(high-risk|low-risk|school-notice|information|staff-page)$/;
const DISEASE_KEY = /^disease\.([^.]+)\./;

/** Field errors without the field name the service puts in front of each message ("text Vul een tekst in."). */
function plainFields(body) {
  const fields = Array.isArray(body?.fields) ? body.fields : [];
  return {
    ...body,
    fields: fields.map((f) => ({
      ...f,
      messages: (f.messages ?? []).map((m) =>
        String(m).replace(/^\S+ /, (word) => (word.trim() === f.field ? '' : word)),
      ),
    })),
  };
}

const label = (prefix, id) => (has(`${prefix}.${id}`) ? t(`${prefix}.${id}`) : id);
const languageLabel = (id) => label('language', id);
const kindLabel = (id) => label('templates.kind', id);
const sourceLabel = (id) => label('templates.source', id);

/** Whether a text key belongs in the letter of this kind and disease (texts shared by every letter always do). */
export function relevantKey(key, kind, disease) {
  const byKind = KIND_KEY.exec(key);
  if (byKind) return byKind[2] === kind;
  const byDisease = DISEASE_KEY.exec(key);
  if (byDisease) return byDisease[1] === disease;
  return true;
}

function select(testid, values, labelOf, selected) {
  return el(
    'select',
    { 'data-testid': testid },
    values.map((value) => el('option', { value, selected: value === selected }, labelOf(value))),
  );
}

function pdfLink(base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const href = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  return el(
    'a',
    {
      href,
      download: 'voorbeeldbrief.pdf',
      class: 'button secondary',
      'data-testid': 'template-preview-pdf',
    },
    t('templates.preview.pdf'),
  );
}

export async function render({ main, signal }) {
  const summary = el('p', { role: 'status' }, t('list.loading'));
  main.append(el('h1', {}, t('templates.heading')), el('p', {}, t('templates.intro')), summary);

  let overview;
  try {
    overview = await api(API, { signal });
  } catch (error) {
    if (error?.name !== 'AbortError') setText(summary, errorText(error));
    return;
  }
  if (signal.aborted) return;

  const state = {
    language: overview.languages.includes('nl') ? 'nl' : overview.languages[0],
    kind: overview.kinds[0],
    disease: overview.diseases.includes('measles') ? 'measles' : overview.diseases[0],
    channel: 'email',
    entries: [],
    direction: 'ltr',
    editing: null,
  };
  const coverageOf = (language) => overview.coverage.find((c) => c.language === language);

  // --- pickers and the missing-translation flags
  const language = select('template-language', overview.languages, languageLabel, state.language);
  const kind = select('template-kind', overview.kinds, kindLabel, state.kind);
  const disease = select('template-disease', overview.diseases, diseaseLabel, state.disease);
  const channel = select('template-channel', ['email', 'sms'], (id) => t(`templates.channel.${id}`), 'email');
  const pickers = el(
    'div',
    { class: 'form' },
    field({ key: 'language', label: t('templates.language'), control: language }),
    field({ key: 'kind', label: t('templates.kind'), control: kind }),
    field({ key: 'disease', label: t('templates.disease'), control: disease }),
    field({ key: 'channel', label: t('templates.channel'), control: channel }),
  );
  const coverageList = el('ul', { class: 'cards', 'data-testid': 'template-coverage' });
  const renderCoverage = () => {
    const flagged = overview.coverage.filter((c) => c.missingKeys.length > 0 || c.overriddenKeys.length > 0);
    if (flagged.length === 0) {
      replace(coverageList, el('li', { class: 'muted' }, t('templates.coverage.none')));
      return;
    }
    replace(
      coverageList,
      flagged.map((c) =>
        el(
          'li',
          { class: 'card', 'data-testid': 'template-coverage-row', 'data-language': c.language },
          el('strong', {}, languageLabel(c.language)),
          c.missingKeys.length > 0
            ? el('p', { class: 'badge-example' }, tPlural('templates.coverage.missing', c.missingKeys.length))
            : null,
          c.overriddenKeys.length > 0
            ? el('p', { class: 'muted' }, tPlural('templates.coverage.overridden', c.overriddenKeys.length))
            : null,
        ),
      ),
    );
  };

  // --- the keys of the chosen letter
  const list = el('ul', { class: 'cards', 'data-testid': 'template-keys' });

  // --- the editor
  const keyHeading = el('h2', { 'data-testid': 'template-key-heading' });
  const dutch = el('p', { class: 'muted', 'data-testid': 'template-nl' });
  const placeholders = el('p', { class: 'hint', 'data-testid': 'template-placeholders' });
  const text = el('textarea', { rows: '5', maxlength: '1500', 'data-testid': 'template-text' });
  const saved = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'template-saved',
  });
  const conflict = el('div', {
    class: 'notice warning',
    role: 'alert',
    hidden: true,
    'data-testid': 'template-conflict',
  });
  const reset = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'template-reset' },
    t('templates.reset'),
  );
  const cancel = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'template-cancel' },
    t('templates.cancel'),
  );
  const editor = el(
    'form',
    { class: 'form', novalidate: true, hidden: true, 'data-testid': 'template-editor' },
    keyHeading,
    errorSummary(),
    saved,
    conflict,
    dutch,
    field({ key: 'text', label: t('templates.text'), control: text }),
    placeholders,
    el('p', { class: 'form-actions' }, submitButton(t('templates.save'), 'template-save'), reset, cancel),
  );

  // --- the preview
  const previewStatus = el('p', { class: 'muted', role: 'status', 'data-testid': 'template-preview-status' });
  const fellBack = el('p', {
    class: 'notice warning',
    hidden: true,
    'data-testid': 'template-preview-fellback',
  });
  const subject = el('p', { 'data-testid': 'template-preview-subject' });
  const frame = el('iframe', {
    sandbox: '',
    title: t('templates.preview.frame'),
    width: '100%',
    height: '480',
    'data-testid': 'template-preview-frame',
  });
  const emailPreview = el('div', {}, subject, frame);
  const smsBody = el('p', { class: 'card', 'data-testid': 'template-preview-sms' });
  const smsMeta = el('p', { class: 'muted', 'data-testid': 'template-preview-sms-meta' });
  const smsPreview = el('div', { hidden: true }, smsBody, smsMeta);
  const pdfSlot = el('p');
  const preview = el(
    'section',
    { 'aria-labelledby': 'template-preview-heading', 'data-testid': 'template-preview' },
    el('h2', { id: 'template-preview-heading' }, t('templates.preview.heading')),
    previewStatus,
    fellBack,
    emailPreview,
    smsPreview,
    pdfSlot,
  );

  // --- test-send
  const to = el('input', { type: 'text', autocomplete: 'off', 'data-testid': 'template-test-to' });
  const testDone = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'template-test-sent',
  });
  const testForm = el(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'template-test-form' },
    el('h2', {}, t('templates.test.heading')),
    errorSummary(),
    testDone,
    field({ key: 'to', label: t('templates.test.to'), hint: t('templates.test.hint'), control: to }),
    el('p', { class: 'form-actions' }, submitButton(t('templates.test.submit'), 'template-test-submit')),
  );

  replace(summary);
  summary.remove();
  main.append(
    el('h2', {}, t('templates.coverage.heading')),
    coverageList,
    pickers,
    editor,
    preview,
    testForm,
    el('h2', {}, t('templates.keys')),
    list,
  );
  renderCoverage();

  // --- behaviour
  let previewController = null;
  let previewTimer = null;
  const showPreview = async () => {
    previewController?.abort();
    const controller = new AbortController();
    previewController = controller;
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    setText(previewStatus, t('templates.preview.loading'));
    const draft = state.editing ? { [state.editing.key]: text.value } : undefined;
    try {
      const result = await api(`${API}/preview`, {
        method: 'POST',
        json: {
          kind: state.kind,
          disease: state.disease,
          language: state.language,
          channel: state.channel,
          draft,
        },
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      if (state.editing) clearErrors(editor);
      setText(
        previewStatus,
        t(state.editing ? 'templates.preview.draft' : 'templates.preview.current', {
          language: languageLabel(result.language),
        }),
      );
      fellBack.hidden = !result.fellBack;
      setText(fellBack, result.fellBack ? t('templates.preview.fellBack') : '');
      setText(subject, t('templates.preview.subject', { subject: result.subject }));
      frame.setAttribute('dir', result.direction);
      frame.setAttribute('lang', result.language);
      frame.srcdoc = result.html;
      frame.dataset.direction = result.direction;
      setText(smsBody, result.sms.body);
      smsBody.setAttribute('dir', result.direction);
      setText(
        smsMeta,
        tPlural('templates.preview.segments', result.sms.segments, { encoding: result.sms.encoding }),
      );
      emailPreview.hidden = state.channel !== 'email';
      smsPreview.hidden = state.channel !== 'sms';
      replace(pdfSlot, result.pdfBase64 ? pdfLink(result.pdfBase64) : null);
    } catch (error) {
      if (error?.name === 'AbortError' || controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 400 && state.editing) {
        // Not showErrors: it moves the focus, and the admin is still typing.
        showDraftErrors(error.fields);
        setText(previewStatus, t('templates.preview.invalid'));
      } else setText(previewStatus, errorText(error));
    }
  };
  const showDraftErrors = (fields) => {
    const line = editor.querySelector('[data-testid="field-error-text"]');
    const messages = fields.flatMap((f) => f.messages).map((m) => m.replace(/^draft\.\S+ /, ''));
    if (!line || messages.length === 0) return;
    line.textContent = messages.join(' ');
    line.hidden = false;
    line.closest('.field')?.classList.add('has-error');
    text.setAttribute('aria-invalid', 'true');
  };
  const schedulePreview = () => {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void showPreview(), PREVIEW_DELAY_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(previewTimer), { once: true });

  const badge = (entry) =>
    el(
      'span',
      {
        class:
          entry.source === 'override'
            ? 'badge-current'
            : entry.source === 'fallback-nl'
              ? 'badge-example'
              : 'badge-new',
        'data-testid': 'template-source',
        'data-source': entry.source,
      },
      sourceLabel(entry.source),
    );

  const row = (entry) =>
    el(
      'li',
      { class: 'card', 'data-testid': 'template-key', 'data-key': entry.key, 'data-source': entry.source },
      el('p', {}, el('code', {}, entry.key), ' ', badge(entry)),
      el(
        'p',
        { dir: state.direction, lang: entry.source === 'fallback-nl' ? 'nl' : state.language },
        entry.text,
      ),
      entry.source === 'override' && entry.updatedAt
        ? el(
            'p',
            { class: 'muted' },
            t('templates.updated', { version: entry.version, at: formatDateTime(entry.updatedAt) }),
          )
        : null,
      el(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          'data-testid': 'template-edit',
          onclick: () => edit(entry),
        },
        t('templates.edit'),
      ),
    );

  const renderList = () =>
    replace(
      list,
      state.entries.filter((entry) => relevantKey(entry.key, state.kind, state.disease)).map(row),
    );

  const edit = (entry) => {
    state.editing = entry;
    clearErrors(editor);
    saved.hidden = true;
    conflict.hidden = true;
    setText(keyHeading, t('templates.editing', { key: entry.key, language: languageLabel(state.language) }));
    setText(dutch, t('templates.nl', { text: entry.nl }));
    setText(
      placeholders,
      entry.placeholders.length > 0
        ? t('templates.placeholders', { list: entry.placeholders.map((p) => `{${p}}`).join(', ') })
        : t('templates.noPlaceholders'),
    );
    text.value = entry.text;
    text.setAttribute('dir', state.direction);
    text.setAttribute('lang', entry.source === 'fallback-nl' ? 'nl' : state.language);
    reset.hidden = entry.source !== 'override';
    editor.hidden = false;
    text.focus();
    void showPreview();
  };

  const stopEditing = () => {
    state.editing = null;
    editor.hidden = true;
  };

  /** Loads the entries; `adopt` also takes the edited key's fresh version (after the admin asked to reload). */
  const loadLanguage = async (adopt = false) => {
    setText(previewStatus, t('list.loading'));
    try {
      const result = await api(`${API}/${encodeURIComponent(state.language)}`, { signal });
      state.entries = result.entries;
      state.direction = result.direction;
      if (adopt && state.editing) {
        const fresh = state.entries.find((entry) => entry.key === state.editing.key);
        state.editing = fresh ?? null;
      }
      renderList();
    } catch (error) {
      if (error?.name !== 'AbortError') replace(list, el('li', { class: 'notice error' }, errorText(error)));
    }
  };

  const refreshOverview = async () => {
    try {
      overview = await api(API, { signal });
      renderCoverage();
    } catch {
      // the flags stay as they were; the list itself is fresh
    }
  };

  language.addEventListener('change', async () => {
    state.language = language.value;
    stopEditing();
    await loadLanguage();
    await showPreview();
  });
  for (const [control, name] of [
    [kind, 'kind'],
    [disease, 'disease'],
    [channel, 'channel'],
  ]) {
    control.addEventListener('change', () => {
      state[name] = control.value;
      renderList();
      void showPreview();
    });
  }
  text.addEventListener('input', () => {
    saved.hidden = true;
    schedulePreview();
  });
  cancel.addEventListener('click', () => {
    stopEditing();
    void showPreview();
  });

  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!state.editing) return;
    const entry = state.editing;
    void busy(editor, async () => {
      clearErrors(editor);
      conflict.hidden = true;
      try {
        const result = await api(
          `${API}/${encodeURIComponent(state.language)}/${encodeURIComponent(entry.key)}`,
          {
            method: 'PUT',
            json: { text: text.value, expectedVersion: entry.version },
            signal,
          },
        );
        state.editing = result;
        reset.hidden = false;
        saved.hidden = false;
        setText(saved, t('templates.saved', { version: result.version }));
        await loadLanguage();
        await refreshOverview();
      } catch (error) {
        if (error?.name === 'AbortError') return;
        if (error instanceof ApiError && error.status === 409) {
          replace(
            conflict,
            el('p', {}, errorText(error)),
            el(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                'data-testid': 'template-reload',
                onclick: async () => {
                  await loadLanguage(true);
                  if (state.editing) edit(state.editing);
                },
              },
              t('templates.reload'),
            ),
          );
          conflict.hidden = false;
        } else if (error instanceof ApiError && error.status === 400)
          showErrors(editor, plainFields(error.body));
        else showErrors(editor, { message: errorText(error) });
      }
    });
  });

  reset.addEventListener('click', async () => {
    if (!state.editing) return;
    const entry = state.editing;
    reset.disabled = true;
    try {
      const result = await api(
        `${API}/${encodeURIComponent(state.language)}/${encodeURIComponent(entry.key)}`,
        {
          method: 'DELETE',
          signal,
        },
      );
      saved.hidden = false;
      setText(saved, t('templates.resetDone'));
      await loadLanguage();
      await refreshOverview();
      edit(result);
      saved.hidden = false;
      setText(saved, t('templates.resetDone'));
    } catch (error) {
      if (error?.name !== 'AbortError') showErrors(editor, { message: errorText(error) });
    } finally {
      reset.disabled = false;
    }
  });

  testForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(testForm, async () => {
      clearErrors(testForm);
      testDone.hidden = true;
      try {
        const result = await api(`${API}/test-send`, {
          method: 'POST',
          json: {
            kind: state.kind,
            disease: state.disease,
            language: state.language,
            channel: state.channel,
            to: to.value,
          },
          signal,
        });
        testDone.hidden = false;
        setText(testDone, t(`templates.test.sent.${result.channel}`, { to: result.to }));
      } catch (error) {
        if (error?.name === 'AbortError') return;
        if (error instanceof ApiError && error.status === 400) showErrors(testForm, plainFields(error.body));
        else showErrors(testForm, { message: errorText(error) });
      }
    });
  });

  await loadLanguage();
  await showPreview();
}
