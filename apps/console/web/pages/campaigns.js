// Campaigns (communication): an information letter to the guardians of some schools, classes or levels of a CLB.
// The form asks what and to whom, "Voorbeeld" shows how many guardians it reaches per language and channel,
// "Versturen" asks once more naming the number of recipients and sends it with one Idempotency-Key per
// submission (a double click or a resend after a network error makes one campaign). The list below shows every
// campaign with a live progress bar (GET /:id every 2 s while it is sending and the page is visible) and cancel.
import { ApiError, api, errorText, idOf, listOf } from '../lib/api.js';
import {
  campaignProgress,
  campaignStatusLabel,
  channelLabel,
  isSending,
  languageLabel,
} from '../lib/communication.js';
import { el, replace, setText, uid } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import {
  checkedValues,
  choice,
  clearErrors,
  errorSummary,
  field,
  fieldset,
  showErrors,
} from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';
import { DISEASES, SCHOOL_LEVELS, diseaseLabel, groupKindLabel, levelLabel } from '../lib/labels.js';
import { pager } from '../lib/pager.js';
import { loadTeam } from '../lib/team.js';

const API = '/api/communication/v1/campaigns';
export const POLL_MS = 2000;
const PAGE_SIZE = 20;
const TITLE_MAX = 200;
/** The API's field names → the form's fields. */
const ALIASES = {
  'audience.schoolIds': 'audience',
  'audience.groupIds': 'audience',
  'audience.levels': 'levels',
};

/** A fresh key for one submission of the form (crypto.randomUUID needs a secure context; fall back otherwise). */
function newKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The CLBs the user can run a campaign for: their own, or every CLB for an admin. */
async function clbChoices(session, signal) {
  let named = [];
  try {
    named = listOf(await api('/api/intake/v1/clbs', { signal }), 'clbs').map((clb) => ({
      ...clb,
      id: idOf(clb, 'clb'),
    }));
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
  }
  const own = session.user.clbIds ?? [];
  const list =
    session.user.role === 'admin' && own.length === 0
      ? named
      : own.map((id) => ({ id, name: named.find((clb) => clb.id === id)?.name ?? id }));
  return list.sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl'));
}

export async function render({ main, session, signal }) {
  main.classList.add('wide');
  signal.addEventListener('abort', () => main.classList.remove('wide'));
  main.append(el('h1', {}, t('campaigns.heading')), el('p', { class: 'intro' }, t('campaigns.intro')));

  const [clbs, team] = await Promise.all([clbChoices(session, signal), loadTeam(session, signal)]);
  if (signal.aborted) return;
  if (clbs.length === 0) {
    main.append(
      el('p', { class: 'notice warning', 'data-testid': 'campaigns-no-clb' }, t('campaigns.noClb')),
    );
    return;
  }
  let clbId = clbs[0].id;
  const clbSelect = el(
    'select',
    { 'data-testid': 'campaigns-clb' },
    clbs.map((clb) => el('option', { value: clb.id }, clb.name)),
  );
  if (clbs.length > 1) {
    main.append(
      el('div', { class: 'toolbar' }, field({ key: 'clb', label: t('campaigns.clb'), control: clbSelect })),
    );
  }

  // ---- The form ------------------------------------------------------------------------------------------------
  const title = el('input', {
    type: 'text',
    maxlength: String(TITLE_MAX),
    autocomplete: 'off',
    'data-testid': 'campaign-title',
  });
  const disease = el(
    'select',
    { 'data-testid': 'campaign-disease' },
    el('option', { value: '' }, t('campaigns.chooseDisease')),
    DISEASES.map((id) => el('option', { value: id }, diseaseLabel(id))),
  );
  const schoolList = el('div', { class: 'audience-schools', 'data-testid': 'campaign-schools' });
  const audience = fieldset({
    key: 'audience',
    legend: t('campaigns.audience'),
    hint: t('campaigns.audienceHint'),
    choices: [schoolList],
  });
  const levelChoices = fieldset({
    key: 'levels',
    legend: t('campaigns.levels'),
    hint: t('campaigns.levelsHint'),
    optional: true,
    choices: [],
  });
  const previewButton = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'campaign-preview-button' },
    t('campaigns.preview'),
  );
  const sendButton = el(
    'button',
    { type: 'submit', class: 'button primary', 'data-testid': 'campaign-submit' },
    t('campaigns.send'),
  );
  const preview = el('section', {
    class: 'campaign-preview',
    'aria-live': 'polite',
    'data-testid': 'campaign-preview',
    hidden: true,
  });
  const question = el('p', { id: uid('campaign-question'), 'data-testid': 'campaign-confirm-question' });
  const confirmButton = el(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'campaign-confirm' },
    t('campaigns.confirm'),
  );
  const keepButton = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'campaign-confirm-cancel' },
    t('campaigns.confirmCancel'),
  );
  const confirmBox = el(
    'div',
    {
      class: 'notice warning',
      role: 'group',
      'aria-labelledby': question.id,
      hidden: true,
      'data-testid': 'campaign-confirm-box',
    },
    question,
    el('div', { class: 'action-row' }, confirmButton, keepButton),
  );
  const formStatus = el('p', { role: 'status', class: 'form-status', 'data-testid': 'campaign-form-status' });
  const form = el(
    'form',
    { class: 'form wide', novalidate: true, 'data-testid': 'campaign-form' },
    el('h2', {}, t('campaigns.newHeading')),
    errorSummary(),
    field({ key: 'title', label: t('campaigns.title'), hint: t('campaigns.titleHint'), control: title }),
    field({ key: 'disease', label: t('campaigns.disease'), control: disease }),
    audience,
    levelChoices,
    el('p', { class: 'form-actions button-row' }, previewButton, sendButton),
    preview,
    confirmBox,
    formStatus,
  );
  const created = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'campaign-created',
  });

  // ---- The list ------------------------------------------------------------------------------------------------
  const listStatus = el('p', { role: 'status', 'data-testid': 'campaigns-summary' }, t('list.loading'));
  const announcer = el('p', {
    class: 'visually-hidden',
    role: 'status',
    'data-testid': 'campaigns-announcer',
  });
  const listBody = el('tbody', { 'data-testid': 'campaign-rows' });
  const table = el(
    'table',
    { class: 'data-table campaigns-table', 'data-testid': 'campaigns-table', 'data-polling': 'false' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        [
          'campaigns.col.campaign',
          'campaigns.col.started',
          'campaigns.col.status',
          'campaigns.col.progress',
        ].map((key) => el('th', { scope: 'col' }, t(key))),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('campaigns.col.actions'))),
      ),
    ),
    listBody,
  );
  let offset = 0;
  const pages = pager({
    label: t('campaigns.pages'),
    testid: 'campaigns-pager',
    go: (next) => void loadList(next),
  });

  main.append(
    created,
    form,
    el(
      'section',
      { class: 'campaign-list', 'aria-labelledby': 'campaigns-list-heading' },
      el('h2', { id: 'campaigns-list-heading' }, t('campaigns.listHeading')),
      listStatus,
      announcer,
      el('div', { class: 'table-scroll' }, table),
      pages.element,
    ),
  );

  // ---- Audience: schools of the CLB with their classes, levels -------------------------------------------------
  /** groupId → schoolId, to send only the classes of schools still chosen. */
  const groupSchool = new Map();
  const schoolNames = new Map();
  const loadAudience = async () => {
    groupSchool.clear();
    schoolNames.clear();
    replace(schoolList, el('p', { role: 'status' }, t('list.loading')));
    replace(levelChoices.querySelector('.choice-list'));
    let schools;
    try {
      const body = await api(`${API}/audiences?clbId=${encodeURIComponent(clbId)}`, { signal });
      schools = listOf(body, 'schools');
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return;
      replace(schoolList, el('p', { class: 'notice error', role: 'alert' }, errorText(error)));
      return;
    }
    if (schools.length === 0) {
      replace(schoolList, el('p', { class: 'muted' }, t('campaigns.noSchools')));
      return;
    }
    const levels = new Set();
    replace(
      schoolList,
      [...schools]
        .sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl'))
        .map((school) => {
          for (const level of school.levels ?? []) levels.add(level);
          schoolNames.set(school.id, school.name);
          for (const group of school.groups ?? []) groupSchool.set(group.id, school.id);
          const box = choice({
            name: 'schoolIds',
            value: school.id,
            label: school.name,
            testid: 'audience-school',
          });
          const groups = (school.groups ?? [])
            .slice()
            .sort((a, b) => String(a.name).localeCompare(String(b.name), 'nl', { numeric: true }));
          const groupList = el(
            'div',
            { class: 'choice-list audience-groups', hidden: true, 'data-school': school.id },
            groups.length > 0
              ? el('p', { class: 'hint' }, t('campaigns.groupsHint', { school: school.name }))
              : el('p', { class: 'muted' }, t('campaigns.noGroups')),
            groups.map((group) =>
              choice({
                name: 'groupIds',
                value: group.id,
                label: t('campaigns.groupLabel', {
                  name: group.name,
                  kind: groupKindLabel(group.kind),
                  level: levelLabel(group.level),
                  pupils: tPlural('campaigns.pupils', group.pupils ?? 0),
                }),
                testid: 'audience-group',
              }),
            ),
          );
          const input = box.querySelector('input');
          input.setAttribute('aria-controls', uid('groups'));
          groupList.id = input.getAttribute('aria-controls');
          input.setAttribute('aria-expanded', 'false');
          input.addEventListener('change', () => {
            groupList.hidden = !input.checked;
            input.setAttribute('aria-expanded', String(input.checked));
          });
          return el('div', { class: 'audience-school', 'data-school': school.id }, box, groupList);
        }),
    );
    replace(
      levelChoices.querySelector('.choice-list'),
      SCHOOL_LEVELS.filter((level) => levels.has(level)).map((level) =>
        choice({ name: 'levels', value: level, label: levelLabel(level), testid: 'audience-level' }),
      ),
    );
    levelChoices.hidden = levels.size === 0;
  };

  // ---- Preview, confirmation, sending --------------------------------------------------------------------------
  /** What the form asks for now: the preview's body (without the title). */
  const audienceBody = () => {
    const schoolIds = checkedValues(form, 'schoolIds');
    const groupIds = checkedValues(form, 'groupIds').filter((id) => schoolIds.includes(groupSchool.get(id)));
    const levels = [...new Set(checkedValues(form, 'levels'))];
    return {
      clbId,
      disease: disease.value,
      audience: {
        schoolIds,
        ...(groupIds.length > 0 ? { groupIds } : {}),
        ...(levels.length > 0 ? { levels } : {}),
      },
    };
  };

  /** Field errors the page finds itself (the API says the same, but this needs no round trip). */
  const problems = (withTitle) => {
    const found = [];
    if (withTitle && !title.value.trim())
      found.push({ field: 'title', messages: [t('campaigns.required.title')] });
    if (withTitle && title.value.trim().length > TITLE_MAX)
      found.push({ field: 'title', messages: [t('campaigns.titleTooLong', { max: TITLE_MAX })] });
    if (!disease.value) found.push({ field: 'disease', messages: [t('campaigns.required.disease')] });
    const schoolIds = checkedValues(form, 'schoolIds');
    if (schoolIds.length === 0)
      found.push({ field: 'audience', messages: [t('campaigns.required.audience')] });
    // Chosen classes narrow every chosen school (the API's audience): a school without chosen classes would get
    // nothing, which nobody means. Said here instead of sending a campaign that silently skips that school.
    const groupIds = checkedValues(form, 'groupIds').filter((id) => schoolIds.includes(groupSchool.get(id)));
    const without = schoolIds.filter((id) => !groupIds.some((groupId) => groupSchool.get(groupId) === id));
    if (groupIds.length > 0 && without.length > 0) {
      found.push({
        field: 'audience',
        messages: [
          t('campaigns.mixedAudience', {
            schools: without.map((id) => schoolNames.get(id) ?? id).join(', '),
          }),
        ],
      });
    }
    return found;
  };

  let key = newKey(); // one per submission: kept until the campaign is made or the form changes
  let shown = null; // the preview on screen and the body it was made for
  let sending = false;

  const showFailure = (error) => {
    showErrors(
      form,
      { message: errorText(error), fields: error instanceof ApiError ? error.fields : [] },
      ALIASES,
    );
  };

  const drawPreview = (answer) => {
    const rows = listOf(answer, 'byLanguage');
    const sum = (channel) => rows.reduce((total, row) => total + (Number(row[channel]) || 0), 0);
    replace(
      preview,
      el('h3', {}, t('campaigns.previewHeading')),
      el(
        'dl',
        { class: 'counts', 'data-testid': 'campaign-preview-counts' },
        [
          ['pupils', answer.pupils],
          ['recipients', answer.recipients],
          ['optedOut', answer.optedOut],
          ['unreachable', answer.unreachable],
        ].map(([name, value]) =>
          el(
            'div',
            { class: 'count', 'data-testid': `campaign-preview-${name}` },
            el('dt', {}, t(`campaigns.previewCount.${name}`)),
            el('dd', {}, String(value ?? 0)),
          ),
        ),
      ),
      rows.length === 0
        ? el('p', { class: 'muted' }, t('campaigns.previewEmpty'))
        : el(
            'div',
            { class: 'table-scroll' },
            el(
              'table',
              { class: 'data-table', 'data-testid': 'campaign-preview-table' },
              el('caption', { class: 'visually-hidden' }, t('campaigns.previewCaption')),
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  el('th', { scope: 'col' }, t('campaigns.col.language')),
                  el('th', { scope: 'col', class: 'num' }, channelLabel('email')),
                  el('th', { scope: 'col', class: 'num' }, channelLabel('sms')),
                  el('th', { scope: 'col', class: 'num' }, t('campaigns.col.total')),
                ),
              ),
              el(
                'tbody',
                {},
                rows.map((row) =>
                  el(
                    'tr',
                    { 'data-testid': 'campaign-preview-row', 'data-language': row.language },
                    el('th', { scope: 'row' }, languageLabel(row.language)),
                    el('td', { class: 'num', 'data-label': channelLabel('email') }, String(row.email ?? 0)),
                    el('td', { class: 'num', 'data-label': channelLabel('sms') }, String(row.sms ?? 0)),
                    el(
                      'td',
                      { class: 'num', 'data-label': t('campaigns.col.total') },
                      String((Number(row.email) || 0) + (Number(row.sms) || 0)),
                    ),
                  ),
                ),
              ),
              el(
                'tfoot',
                {},
                el(
                  'tr',
                  { 'data-testid': 'campaign-preview-total' },
                  el('th', { scope: 'row' }, t('campaigns.col.total')),
                  el('td', { class: 'num', 'data-label': channelLabel('email') }, String(sum('email'))),
                  el('td', { class: 'num', 'data-label': channelLabel('sms') }, String(sum('sms'))),
                  el(
                    'td',
                    { class: 'num', 'data-label': t('campaigns.col.total') },
                    String(sum('email') + sum('sms')),
                  ),
                ),
              ),
            ),
          ),
      answer.optedOut > 0
        ? el('p', { class: 'hint' }, tPlural('campaigns.optedOutNote', answer.optedOut))
        : null,
      answer.unreachable > 0
        ? el('p', { class: 'hint' }, tPlural('campaigns.unreachableNote', answer.unreachable))
        : null,
    );
    preview.hidden = false;
  };

  /** Asks the API for the preview of the form as it is; null when the form or the call failed. */
  const runPreview = async (withTitle) => {
    const found = problems(withTitle);
    if (found.length > 0) {
      showErrors(form, { message: t('form.errorSummary'), fields: found }, ALIASES);
      return null;
    }
    clearErrors(form);
    const body = audienceBody();
    setText(formStatus, t('campaigns.previewing'));
    try {
      const answer = await api(`${API}/preview`, { method: 'POST', json: body, signal });
      shown = { body: JSON.stringify(body), answer };
      drawPreview(answer);
      setText(formStatus, '');
      return answer;
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return null;
      setText(formStatus, '');
      showFailure(error);
      return null;
    }
  };

  // Any change to the form makes the preview and the question stale, and the next submission a new one.
  const formChanged = () => {
    if (sending) return;
    confirmBox.hidden = true;
    if (shown && shown.body !== JSON.stringify(audienceBody())) {
      preview.hidden = true;
      shown = null;
    }
    key = newKey();
  };
  form.addEventListener('input', formChanged);
  form.addEventListener('change', formChanged);

  previewButton.addEventListener('click', () => {
    if (previewButton.disabled) return;
    previewButton.disabled = true;
    void runPreview(false).finally(() => {
      previewButton.disabled = false;
    });
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending || sendButton.disabled) return;
    sendButton.disabled = true;
    void (async () => {
      try {
        const answer = await runPreview(true);
        if (!answer) return;
        setText(
          question,
          tPlural('campaigns.confirmQuestion', answer.recipients ?? 0, { title: title.value.trim() }),
        );
        confirmButton.disabled = (answer.recipients ?? 0) === 0;
        confirmBox.hidden = false;
        if (confirmButton.disabled) keepButton.focus();
        else confirmButton.focus();
      } finally {
        sendButton.disabled = false;
      }
    })();
  });

  keepButton.addEventListener('click', () => {
    confirmBox.hidden = true;
    sendButton.focus();
  });

  confirmButton.addEventListener('click', () => {
    if (sending) return;
    sending = true;
    confirmButton.disabled = true;
    sendButton.disabled = true;
    confirmButton.setAttribute('aria-busy', 'true');
    setText(formStatus, t('campaigns.sending'));
    const body = { ...audienceBody(), title: title.value.trim() };
    void (async () => {
      try {
        const campaign = await api(API, {
          method: 'POST',
          json: body,
          headers: { 'idempotency-key': key },
          signal,
        });
        key = newKey();
        confirmBox.hidden = true;
        preview.hidden = true;
        shown = null;
        form.reset();
        for (const list of form.querySelectorAll('.audience-groups')) list.hidden = true;
        for (const box of form.querySelectorAll('input[name="schoolIds"]'))
          box.setAttribute('aria-expanded', 'false');
        clearErrors(form);
        setText(formStatus, '');
        created.hidden = false;
        setText(
          created,
          tPlural('campaigns.created', campaign?.total ?? 0, { title: campaign?.title ?? body.title }),
        );
        await loadList(0);
      } catch (error) {
        if (signal.aborted || error?.name === 'AbortError') return;
        setText(formStatus, '');
        confirmBox.hidden = true;
        showFailure(error);
        if (error instanceof ApiError && error.status === 0) setText(formStatus, t('campaigns.retrySafe'));
      } finally {
        sending = false;
        confirmButton.disabled = false;
        sendButton.disabled = false;
        confirmButton.removeAttribute('aria-busy');
      }
    })();
  });

  // ---- The list with live progress ----------------------------------------------------------------------------
  /** id → row: the campaign shown and how to update it in place (focus stays where it is while it polls). */
  const rows = new Map();

  const campaignRow = (initial) => {
    let campaign = initial;
    const progress = el('progress', {
      max: '1',
      value: '0',
      'aria-label': t('campaigns.progressLabel', { title: initial.title }),
      'data-testid': 'campaign-progress',
    });
    const progressText = el('span', { class: 'block', 'data-testid': 'campaign-progress-text' });
    const countsText = el('span', { class: 'muted block', 'data-testid': 'campaign-counts' });
    const status = el('span', { 'data-testid': 'campaign-status' });
    const message = el('p', {
      class: 'notice-inline',
      role: 'status',
      tabindex: '-1',
      'data-testid': 'campaign-message',
    });
    const cancelQuestion = el('p', { id: uid('cancel-question') });
    const cancelButton = el(
      'button',
      { type: 'button', class: 'button secondary small', 'data-testid': 'campaign-cancel' },
      t('campaigns.cancel'),
    );
    const cancelConfirm = el(
      'button',
      { type: 'button', class: 'button primary small', 'data-testid': 'campaign-cancel-confirm' },
      t('campaigns.cancelConfirm'),
    );
    const cancelKeep = el(
      'button',
      { type: 'button', class: 'button secondary small', 'data-testid': 'campaign-cancel-keep' },
      t('campaigns.cancelKeep'),
    );
    const cancelBox = el(
      'div',
      {
        class: 'notice warning',
        role: 'group',
        'aria-labelledby': cancelQuestion.id,
        hidden: true,
        'data-testid': 'campaign-cancel-box',
      },
      cancelQuestion,
      el('div', { class: 'action-row' }, cancelConfirm, cancelKeep),
    );
    const row = el(
      'tr',
      { 'data-testid': 'campaign-row', 'data-campaign-id': initial.id },
      el(
        'td',
        { 'data-label': t('campaigns.col.campaign') },
        el('strong', { 'data-testid': 'campaign-title-cell' }, initial.title),
        el('span', { class: 'muted block' }, diseaseLabel(initial.disease)),
      ),
      el(
        'td',
        { 'data-label': t('campaigns.col.started') },
        el('time', { datetime: initial.createdAt }, formatDateTime(initial.createdAt)),
        el('span', { class: 'muted block' }, team.nameOf(initial.createdBy)),
      ),
      el('td', { 'data-label': t('campaigns.col.status') }, status),
      el(
        'td',
        { 'data-label': t('campaigns.col.progress'), class: 'progress-cell' },
        progress,
        progressText,
        countsText,
      ),
      el('td', { 'data-label': t('campaigns.col.actions') }, cancelButton, cancelBox, message),
    );

    const update = (next) => {
      const was = campaign.status;
      campaign = { ...campaign, ...next };
      const { total, done, percent } = campaignProgress(campaign);
      progress.max = Math.max(total, 1);
      progress.value = total === 0 ? (isSending(campaign) ? 0 : 1) : done;
      progress.setAttribute('aria-valuetext', t('campaigns.percent', { percent }));
      row.dataset.status = String(campaign.status);
      row.dataset.percent = String(percent);
      setText(status, campaignStatusLabel(campaign.status));
      setText(progressText, t('campaigns.progress', { done, total, percent }));
      setText(
        countsText,
        t('campaigns.counts', {
          sent: campaign.sent ?? 0,
          failed: campaign.failed ?? 0,
          cancelled: campaign.cancelled ?? 0,
        }),
      );
      cancelButton.hidden = !isSending(campaign);
      if (!isSending(campaign)) cancelBox.hidden = true;
      if (was === 'sending' && campaign.status !== 'sending') {
        const news =
          campaign.status === 'cancelled' ? 'campaigns.announceCancelled' : 'campaigns.announceDone';
        setText(announcer, t(news, { title: campaign.title }));
      }
    };

    cancelButton.addEventListener('click', () => {
      setText(
        cancelQuestion,
        tPlural('campaigns.cancelQuestion', Math.max(0, Number(campaign.pending) || 0), {
          title: campaign.title,
        }),
      );
      cancelBox.hidden = false;
      cancelConfirm.focus();
    });
    cancelKeep.addEventListener('click', () => {
      cancelBox.hidden = true;
      cancelButton.focus();
    });
    cancelConfirm.addEventListener('click', () => {
      if (cancelConfirm.disabled) return;
      cancelConfirm.disabled = true;
      void (async () => {
        try {
          const answer = await api(`${API}/${encodeURIComponent(campaign.id)}/cancel`, {
            method: 'POST',
            signal,
          });
          update(answer && typeof answer === 'object' && answer.id ? answer : { status: 'cancelled' });
          setText(message, t('campaigns.cancelled'));
        } catch (error) {
          if (signal.aborted || error?.name === 'AbortError') return;
          setText(message, errorText(error));
          try {
            update(await api(`${API}/${encodeURIComponent(campaign.id)}`, { signal }));
          } catch {
            // the poll brings it up to date
          }
        } finally {
          cancelConfirm.disabled = false;
          cancelBox.hidden = true;
          (cancelButton.hidden ? message : cancelButton).focus();
          schedule();
        }
      })();
    });

    update(initial);
    return {
      row,
      update,
      get campaign() {
        return campaign;
      },
    };
  };

  let timer = null;
  const anySending = () => [...rows.values()].some((entry) => isSending(entry.campaign));
  const stopPolling = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    table.dataset.polling = 'false';
  };
  /** Polls again in 2 s while a campaign is sending and the page is visible. */
  const schedule = () => {
    if (timer || signal.aborted || document.hidden || !anySending()) {
      if (!anySending() || document.hidden) table.dataset.polling = 'false';
      return;
    }
    table.dataset.polling = 'true';
    timer = setTimeout(() => void poll(), POLL_MS);
  };
  const poll = async () => {
    timer = null;
    if (signal.aborted || document.hidden) return stopPolling();
    const active = [...rows.values()].filter((entry) => isSending(entry.campaign));
    await Promise.all(
      active.map(async (entry) => {
        try {
          entry.update(
            await api(`${API}/${encodeURIComponent(entry.campaign.id)}`, { signal, background: true }),
          );
        } catch (error) {
          if (error?.name === 'AbortError') return;
          console.error(error); // the next poll tries again
        }
      }),
    );
    schedule();
  };
  const visibility = () => {
    if (document.hidden) stopPolling();
    else if (anySending()) void poll();
  };
  document.addEventListener('visibilitychange', visibility);
  signal.addEventListener('abort', () => {
    stopPolling();
    document.removeEventListener('visibilitychange', visibility);
  });

  async function loadList(nextOffset = offset) {
    let body;
    try {
      body = await api(`${API}?clbId=${encodeURIComponent(clbId)}&limit=${PAGE_SIZE}&offset=${nextOffset}`, {
        signal,
      });
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return;
      setText(listStatus, errorText(error));
      listStatus.classList.add('error');
      return;
    }
    offset = nextOffset;
    listStatus.classList.remove('error');
    const campaigns = listOf(body, 'campaigns').filter((item) => item && item.id);
    const total = typeof body?.total === 'number' ? body.total : undefined;
    stopPolling();
    rows.clear();
    for (const campaign of campaigns) rows.set(campaign.id, campaignRow(campaign));
    replace(
      listBody,
      [...rows.values()].map((entry) => entry.row),
    );
    table.hidden = campaigns.length === 0;
    setText(
      listStatus,
      campaigns.length === 0 ? t('campaigns.none') : tPlural('campaigns.count', total ?? campaigns.length),
    );
    pages.update({ offset, limit: PAGE_SIZE, shown: campaigns.length, total });
    schedule();
  }

  clbSelect.addEventListener('change', () => {
    clbId = clbSelect.value;
    formChanged();
    preview.hidden = true;
    shown = null;
    void loadAudience();
    void loadList(0);
  });

  await Promise.all([loadAudience(), loadList(0)]);
}
