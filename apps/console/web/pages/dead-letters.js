// Letters no channel delivered (communication's dead-letter list, scoped to the user's CLBs): when, which channel,
// why in plain Dutch and what to do about it, about which pupils (names from intake). Staff send one again
// ("Opnieuw proberen") or note how the family was reached ("Opgelost", a note is required). Open ones by default.
import { ApiError, api, errorText } from '../lib/api.js';
import {
  DEAD_LETTER_FILTERS,
  channelLabel,
  deadLetterStatusLabel,
  failureAdvice,
  failureText,
  languageLabel,
} from '../lib/communication.js';
import { el, replace, setText, uid } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { clearErrors, errorSummary, field, showErrors } from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';
import { pager } from '../lib/pager.js';
import { schools } from '../lib/schools.js';
import { loadTeam } from '../lib/team.js';

const API = '/api/communication/v1/dead-letters';
export const PAGE_SIZE = 20;
const NOTE_MAX = 1000;
/** Roles that may open a case page (web/routes.js /dossiers/:id). */
const CASE_ROLES = ['doctor', 'clb-staff', 'coordinator'];

function filterFromUrl() {
  const wanted = new URLSearchParams(location.search).get('status');
  return DEAD_LETTER_FILTERS.includes(wanted) ? wanted : 'open';
}

/** Whom to call (communication opens the guardian's details for the CLB's staff): name, language, phone, e-mail. */
function contactLines(guardian) {
  if (!guardian) return t('deadLetters.contactUnknown');
  return [
    el('span', { class: 'block', 'data-testid': 'dead-letter-guardian' }, guardian.name),
    el(
      'span',
      { class: 'muted block' },
      t('deadLetters.speaks', { language: languageLabel(guardian.language) }),
    ),
    guardian.mobile
      ? el(
          'a',
          { class: 'block', href: `tel:${guardian.mobile}`, 'data-testid': 'dead-letter-mobile' },
          guardian.mobile,
        )
      : el('span', { class: 'muted block' }, t('deadLetters.noMobile')),
    guardian.email
      ? el(
          'a',
          { class: 'block', href: `mailto:${guardian.email}`, 'data-testid': 'dead-letter-email' },
          guardian.email,
        )
      : null,
  ];
}

export async function render({ main, session, signal }) {
  main.classList.add('wide');
  signal.addEventListener('abort', () => main.classList.remove('wide'));
  let filter = filterFromUrl();
  let offset = 0;

  const statusSelect = el(
    'select',
    { 'data-testid': 'dead-letters-filter' },
    DEAD_LETTER_FILTERS.map((value) =>
      el('option', { value, selected: value === filter }, t(`deadLetters.filter.${value}`)),
    ),
  );
  const summary = el('p', { role: 'status', 'data-testid': 'dead-letters-summary' }, t('list.loading'));
  const list = el('ol', { class: 'dead-letters', 'data-testid': 'dead-letter-list' });
  const pages = pager({
    label: t('deadLetters.pages'),
    testid: 'dead-letters-pager',
    go: (next) => void load(next),
  });
  main.append(
    el('h1', {}, t('deadLetters.heading')),
    el('p', { class: 'intro' }, t('deadLetters.intro')),
    el(
      'div',
      { class: 'toolbar', role: 'search' },
      field({ key: 'status', label: t('deadLetters.filterLabel'), control: statusSelect }),
    ),
    summary,
    list,
    pages.element,
  );

  const team = await loadTeam(session, signal);
  /** ref → { name, groupName } from intake; school id → name. */
  const people = new Map();
  const schoolNames = new Map();
  const lookUpNames = async (items) => {
    const refs = [...new Set(items.flatMap((item) => item.contactRefs ?? []))].filter(
      (ref) => !people.has(ref),
    );
    const work = [];
    if (refs.length > 0) {
      work.push(
        api('/api/intake/v1/people/lookup', {
          method: 'POST',
          json: { refs: refs.slice(0, 2000) },
          signal,
          background: true,
        }).then((body) => {
          for (const person of body?.items ?? []) people.set(person.ref, person);
        }),
      );
    }
    if (schoolNames.size === 0) {
      work.push(
        schools().then((found) => {
          for (const school of found) schoolNames.set(school.id, school.name);
        }),
      );
    }
    // Without names the list still works: it says "een leerling" and shows the school's id.
    await Promise.allSettled(work);
  };

  const aboutText = (item) => {
    const named = (item.contactRefs ?? []).map((ref) => people.get(ref)).filter(Boolean);
    const unknown = (item.contactRefs ?? []).length - named.length;
    const parts = named.map((person) =>
      person.groupName
        ? t('deadLetters.pupilInGroup', { name: person.name, group: person.groupName })
        : person.name,
    );
    if (unknown > 0) parts.push(tPlural('deadLetters.unknownPupils', unknown));
    return parts.length > 0
      ? t('deadLetters.guardianOf', { pupils: parts.join(', ') })
      : t('deadLetters.aGuardian');
  };

  const item = (initial) => {
    let dead = initial;
    const statusText = el('span', { 'data-testid': 'dead-letter-status' });
    const handled = el('p', { class: 'muted', 'data-testid': 'dead-letter-handled', hidden: true });
    const message = el('p', {
      class: 'notice-inline',
      role: 'status',
      tabindex: '-1',
      'data-testid': 'dead-letter-message',
    });
    const retryButton = el(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'dead-letter-retry' },
      t('deadLetters.retry'),
    );
    const resolveButton = el(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        'aria-expanded': 'false',
        'data-testid': 'dead-letter-resolve',
      },
      t('deadLetters.resolve'),
    );
    const note = el('textarea', {
      rows: '2',
      maxlength: String(NOTE_MAX),
      'data-testid': 'dead-letter-note',
    });
    const resolveForm = el(
      'form',
      {
        class: 'form resolve-form',
        novalidate: true,
        hidden: true,
        'data-testid': 'dead-letter-resolve-form',
      },
      errorSummary(),
      field({ key: 'note', label: t('deadLetters.note'), hint: t('deadLetters.noteHint'), control: note }),
      el(
        'p',
        { class: 'form-actions button-row' },
        el(
          'button',
          { type: 'submit', class: 'button primary', 'data-testid': 'dead-letter-resolve-submit' },
          t('deadLetters.resolveSubmit'),
        ),
        el(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            'data-testid': 'dead-letter-resolve-cancel',
            onclick: () => {
              resolveForm.hidden = true;
              resolveButton.setAttribute('aria-expanded', 'false');
              clearErrors(resolveForm);
              resolveButton.focus();
            },
          },
          t('deadLetters.resolveCancel'),
        ),
      ),
    );
    resolveForm.id = uid('resolve');
    resolveButton.setAttribute('aria-controls', resolveForm.id);
    const actions = el(
      'div',
      { class: 'action-row', 'data-testid': 'dead-letter-actions' },
      retryButton,
      resolveButton,
    );
    const headingId = uid('dead');
    const about = el('span', { 'data-testid': 'dead-letter-about' }, aboutText(initial));
    const caseLink =
      initial.caseId && CASE_ROLES.includes(session.user.role)
        ? el(
            'a',
            {
              href: `/dossiers/${encodeURIComponent(initial.caseId)}`,
              'data-link': true,
              'data-testid': 'dead-letter-case',
            },
            t('deadLetters.openCase'),
          )
        : null;
    const node = el(
      'li',
      {
        class: 'card dead-letter',
        'aria-labelledby': headingId,
        'data-testid': 'dead-letter',
        'data-id': initial.id,
      },
      el(
        'h2',
        { id: headingId, class: 'dead-letter-title' },
        t('deadLetters.itemHeading', { channel: channelLabel(initial.channel) }),
      ),
      el(
        'dl',
        { class: 'facts' },
        el(
          'div',
          {},
          el('dt', {}, t('deadLetters.when')),
          el(
            'dd',
            { 'data-testid': 'dead-letter-when' },
            el('time', { datetime: initial.createdAt }, formatDateTime(initial.createdAt)),
          ),
        ),
        el(
          'div',
          {},
          el('dt', {}, t('deadLetters.channel')),
          el('dd', { 'data-testid': 'dead-letter-channel' }, channelLabel(initial.channel)),
        ),
        el(
          'div',
          {},
          el('dt', {}, t('deadLetters.about')),
          el(
            'dd',
            {},
            about,
            el(
              'span',
              { class: 'muted block', 'data-testid': 'dead-letter-school' },
              schoolNames.get(initial.schoolId) ?? t('deadLetters.unknownSchool'),
            ),
            initial.campaignId || !initial.caseId
              ? el('span', { class: 'muted block' }, t('deadLetters.campaignLetter'))
              : null,
            caseLink,
          ),
        ),
        el(
          'div',
          {},
          el('dt', {}, t('deadLetters.contact')),
          el('dd', { 'data-testid': 'dead-letter-contact' }, contactLines(initial.guardian)),
        ),
        el(
          'div',
          {},
          el('dt', {}, t('deadLetters.why')),
          el(
            'dd',
            {},
            el('span', { 'data-testid': 'dead-letter-why' }, failureText(initial.reason, initial.channel)),
            el(
              'details',
              {},
              el('summary', {}, t('deadLetters.technical')),
              el('p', { class: 'mono', 'data-testid': 'dead-letter-reason' }, initial.reason),
            ),
          ),
        ),
        el(
          'div',
          {},
          el('dt', {}, t('deadLetters.todo')),
          el('dd', { 'data-testid': 'dead-letter-todo' }, failureAdvice(initial.reason, initial.channel)),
        ),
        el('div', {}, el('dt', {}, t('deadLetters.statusLabel')), el('dd', {}, statusText, handled)),
      ),
      actions,
      resolveForm,
      message,
    );

    const update = (next) => {
      dead = { ...dead, ...next };
      node.dataset.status = dead.status;
      setText(statusText, deadLetterStatusLabel(dead.status));
      const who = dead.handledBy ? team.nameOf(dead.handledBy) : '';
      const when = dead.handledAt ? formatDateTime(dead.handledAt) : '';
      handled.hidden = dead.status === 'open';
      setText(
        handled,
        dead.status === 'resolved'
          ? t('deadLetters.resolvedBy', { who, when, note: dead.note ?? '' })
          : dead.status === 'retried'
            ? t('deadLetters.retriedBy', { who, when })
            : '',
      );
      actions.hidden = dead.status !== 'open';
      if (dead.status !== 'open') resolveForm.hidden = true;
    };
    update(initial);

    const finish = (answer, text) => {
      update(answer && typeof answer === 'object' && answer.id ? answer : {});
      setText(message, text);
      message.focus();
    };

    retryButton.addEventListener('click', () => {
      if (retryButton.disabled) return;
      retryButton.disabled = true;
      retryButton.setAttribute('aria-busy', 'true');
      void api(`${API}/${encodeURIComponent(dead.id)}/retry`, { method: 'POST', signal })
        .then((answer) => finish(answer, t('deadLetters.retried')))
        .catch((error) => {
          if (signal.aborted || error?.name === 'AbortError') return;
          setText(message, errorText(error));
          if (error instanceof ApiError && error.status === 409) void refresh();
        })
        .finally(() => {
          retryButton.disabled = false;
          retryButton.removeAttribute('aria-busy');
        });
    });

    resolveButton.addEventListener('click', () => {
      resolveForm.hidden = !resolveForm.hidden;
      resolveButton.setAttribute('aria-expanded', String(!resolveForm.hidden));
      if (!resolveForm.hidden) note.focus();
    });

    resolveForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const submit = resolveForm.querySelector('button[type="submit"]');
      if (submit.disabled) return;
      const text = note.value.trim();
      if (!text) {
        showErrors(resolveForm, {
          message: t('form.errorSummary'),
          fields: [{ field: 'note', messages: [t('deadLetters.noteRequired')] }],
        });
        return;
      }
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      void api(`${API}/${encodeURIComponent(dead.id)}/resolve`, {
        method: 'POST',
        json: { note: text },
        signal,
      })
        .then((answer) => {
          clearErrors(resolveForm);
          finish(answer, t('deadLetters.resolved'));
        })
        .catch((error) => {
          if (signal.aborted || error?.name === 'AbortError') return;
          if (error instanceof ApiError && error.status === 409) {
            // A colleague handled it meanwhile: say so and show what they did (the form goes away).
            clearErrors(resolveForm);
            setText(message, errorText(error));
            void refresh().then(() => message.focus());
            return;
          }
          showErrors(resolveForm, {
            message: errorText(error),
            fields: error instanceof ApiError ? error.fields : [],
          });
        })
        .finally(() => {
          submit.disabled = false;
          submit.removeAttribute('aria-busy');
        });
    });

    /** After a conflict: what the list says now about this one (someone else handled it). */
    const refresh = async () => {
      try {
        const body = await api(`${API}?status=all&limit=500&offset=0`, { signal, background: true });
        const now = (body?.items ?? []).find((candidate) => candidate.id === dead.id);
        if (now) update(now);
      } catch {
        // the message says what happened; a reload shows the rest
      }
    };

    return node;
  };

  async function load(nextOffset = 0) {
    setText(summary, t('list.loading'));
    summary.classList.remove('error');
    let body;
    try {
      body = await api(
        `${API}?status=${encodeURIComponent(filter)}&limit=${PAGE_SIZE}&offset=${nextOffset}`,
        {
          signal,
        },
      );
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return;
      setText(summary, errorText(error));
      summary.classList.add('error');
      return;
    }
    offset = nextOffset;
    const items = Array.isArray(body?.items) ? body.items : [];
    const total = typeof body?.total === 'number' ? body.total : undefined;
    await lookUpNames(items);
    if (signal.aborted) return;
    replace(list, items.map(item));
    list.start = offset + 1;
    setText(
      summary,
      items.length === 0
        ? t(`deadLetters.none.${filter}`)
        : tPlural(`deadLetters.count.${filter}`, total ?? items.length),
    );
    pages.update({ offset, limit: PAGE_SIZE, shown: items.length, total });
  }

  statusSelect.addEventListener('change', () => {
    filter = statusSelect.value;
    const url = new URL(location.href);
    if (filter === 'open') url.searchParams.delete('status');
    else url.searchParams.set('status', filter);
    history.replaceState(null, '', url);
    void load(0);
  });

  await load(0);
}
