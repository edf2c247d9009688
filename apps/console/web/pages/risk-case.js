// One case of the risk queue: the melding's facts, the exposures, the contacts with the proposal per contact (risk,
// measures with dates, the rule that produced it), overrides with their reason and the letter status per contact.
// CLB staff and doctors select many contacts and change them at once (a reason is mandatory), add and remove
// contacts, claim or assign the case; only a doctor approves. The page follows the case live (server-sent events;
// polling while the stream is down), so letter statuses appear as communication reports them.
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace, setText, uid } from '../lib/dom.js';
import { formatDate, formatDateTime, todayInBrussels } from '../lib/format.js';
import {
  busy,
  clearErrors,
  errorSummary,
  field,
  fieldset,
  choice,
  showErrors,
  submitButton,
} from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';
import {
  activityLabel,
  diseaseLabel,
  levelLabel,
  subjectKindLabel,
  testResultLabel,
  ACTIVITIES,
} from '../lib/labels.js';
import { watchCases } from '../lib/live.js';
import {
  CONTACT_KINDS,
  CONTACT_TYPES,
  LETTER_STATES,
  MANUAL_EXPOSURE_KINDS,
  RISK_LEVELS,
  caseStatusLabel,
  contactKindLabel,
  contactTypeLabel,
  deadlineText,
  exposureKindLabel,
  letterStateLabel,
  measureLabel,
  riskLabel,
  shortRef,
  timelineLabel,
  urgencyLabel,
  waitingText,
} from '../lib/risk.js';
import { ASSIGNABLE_ROLES, loadTeam } from '../lib/team.js';

const EDITORS = ['doctor', 'clb-staff'];
/** While the live stream is down, the case is fetched this often. */
const POLL_MS = 10_000;
/** Several live changes in a row cause one fetch. */
const RELOAD_DELAY_MS = 250;

function section(id, title, ...children) {
  return el(
    'section',
    { class: 'case-section', 'aria-labelledby': id },
    el('h2', { id }, title),
    ...children,
  );
}

function fact(label, value, testid) {
  return el('div', {}, el('dt', {}, label), el('dd', testid ? { 'data-testid': testid } : {}, value));
}

function exposureName(exposure) {
  const kind =
    exposure.kind === 'activity' && exposure.activity
      ? activityLabel(exposure.activity)
      : exposureKindLabel(exposure.kind);
  return exposure.label ? `${kind} ${exposure.label}` : kind;
}

export async function render({ main, session, signal, params }) {
  const caseId = params.id;
  const role = session.user.role;
  const canEdit = EDITORS.includes(role);
  const canApprove = role === 'doctor';
  const base = `/api/risk-assessment/v1/cases/${encodeURIComponent(caseId)}`;
  /** The case as last read (CaseDetailDto) and when (performance.now(), for the waiting time). */
  let current = null;
  let readAt = 0;
  const selected = new Set();

  main.classList.add('wide');
  signal.addEventListener('abort', () => main.classList.remove('wide'));
  const heading = el('h1', {}, t('case.heading'));
  const actionNotice = el('p', {
    class: 'notice success',
    role: 'status',
    hidden: true,
    'data-testid': 'case-action-notice',
  });
  const errorNotice = el('p', {
    class: 'notice error',
    role: 'alert',
    hidden: true,
    'data-testid': 'case-error',
  });
  const live = el(
    'p',
    { class: 'live-state', 'data-testid': 'case-live', 'data-state': 'connecting' },
    t('live.connecting'),
  );
  const summary = el('dl', { class: 'facts case-summary', 'data-testid': 'case-summary' });
  const factsList = el('dl', { class: 'facts', 'data-testid': 'case-facts' });
  const decisionBox = el('div', { 'data-testid': 'case-decision' });
  const exposuresBody = el('tbody', { 'data-testid': 'exposure-rows' });
  const contactsBody = el('tbody', { 'data-testid': 'contact-rows' });
  const removedBox = el('div', { 'data-testid': 'contacts-removed-box' });
  const timelineList = el('ol', { class: 'timeline', 'data-testid': 'case-timeline' });
  const contactsSummary = el('p', { class: 'muted', 'data-testid': 'contacts-summary' });

  main.append(
    el('p', { class: 'back' }, el('a', { href: '/wachtrij', 'data-link': true }, t('case.back'))),
    heading,
    el('div', { class: 'toolbar' }, live),
    errorNotice,
    actionNotice,
    summary,
  );

  const showError = (error) => {
    if (signal.aborted || error?.name === 'AbortError') return;
    errorNotice.textContent = errorText(error);
    errorNotice.hidden = false;
  };
  const showDone = (text) => {
    errorNotice.hidden = true;
    actionNotice.textContent = text;
    actionNotice.hidden = false;
  };

  let team;
  try {
    [team, current] = await Promise.all([loadTeam(session, signal), api(base, { signal })]);
    readAt = performance.now();
  } catch (error) {
    if (signal.aborted || error?.name === 'AbortError') return;
    heading.textContent = t('case.heading');
    showError(error);
    return;
  }
  if (signal.aborted) return;

  // ---- Names: risk-assessment only knows pseudonymous refs; intake tells this CLB who they are ------------------
  /** ref → { name, groupName } for the refs intake answered (refs of schools outside the scope stay codes). */
  const names = new Map();
  const asked = new Set();
  const resolveNames = async () => {
    const refs = [
      current.subject?.kind === 'unlisted' ? null : current.subject?.ref,
      ...(current.contacts ?? [])
        .filter((contact) => contact.contactKind !== 'external')
        .map((contact) => contact.contactRef),
    ].filter((ref) => ref && !asked.has(ref));
    if (refs.length === 0) return;
    for (const ref of refs) asked.add(ref);
    try {
      const body = await api('/api/intake/v1/people/lookup', {
        method: 'POST',
        json: { refs: refs.slice(0, 2000) },
        signal,
        background: true,
      });
      for (const person of body?.items ?? []) names.set(person.ref, person);
      if (!signal.aborted && (body?.items ?? []).length > 0) draw();
    } catch {
      // Without names the page still works with the codes.
    }
  };
  const nameOf = (ref) => names.get(ref)?.name ?? null;

  // ---- Actions: claim, assign, approve (doctors) or prepare (staff) -------------------------------------------
  const claimButton = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'case-claim' },
    t('case.claim'),
  );
  const assignSelect = el('select', { id: uid('assignee'), 'data-testid': 'case-assignee' });
  const assignButton = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'case-assign' },
    t('case.assign'),
  );
  const approveButton = el(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'case-approve' },
    t('case.approve'),
  );
  const approveQuestion = el('p', { id: uid('approve-question') });
  const approveConfirm = el(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'case-approve-confirm' },
    t('case.approveConfirm'),
  );
  const approveCancel = el(
    'button',
    { type: 'button', class: 'button secondary', 'data-testid': 'case-approve-cancel' },
    t('case.approveCancel'),
  );
  const approveBox = el(
    'div',
    {
      class: 'notice warning',
      role: 'group',
      'aria-labelledby': approveQuestion.id,
      hidden: true,
      'data-testid': 'case-approve-box',
    },
    approveQuestion,
    el('div', { class: 'action-row' }, approveConfirm, approveCancel),
  );
  const actions = el(
    'section',
    { class: 'case-actions', 'aria-labelledby': 'case-actions-heading', 'data-testid': 'case-actions' },
    el('h2', { id: 'case-actions-heading', class: 'visually-hidden' }, t('case.actions')),
    canEdit
      ? el(
          'div',
          { class: 'action-row' },
          claimButton,
          el(
            'div',
            { class: 'field inline' },
            el('label', { for: assignSelect.id }, t('case.assignee')),
            assignSelect,
          ),
          assignButton,
        )
      : null,
    canApprove
      ? el(
          'div',
          {},
          el(
            'div',
            { class: 'action-row' },
            approveButton,
            el('p', { class: 'hint' }, t('case.approveHint')),
          ),
          approveBox,
        )
      : canEdit
        ? el('p', { class: 'notice info', 'data-testid': 'case-prepare-note' }, t('case.prepareNote'))
        : el('p', { class: 'notice info', 'data-testid': 'case-readonly-note' }, t('case.readOnlyNote')),
  );

  // ---- Bulk change of the selected contacts --------------------------------------------------------------------
  const selectedCount = el('p', { class: 'selected-count', 'data-testid': 'bulk-selected-count' });
  const reason = el('textarea', { rows: '2', maxlength: '500', 'data-testid': 'bulk-reason' });
  const vaccinated = el(
    'select',
    { 'data-testid': 'bulk-vaccinated' },
    el('option', { value: '' }, t('case.vaccinatedChoose')),
    el('option', { value: 'true' }, t('case.vaccinated.true')),
    el('option', { value: 'false' }, t('case.vaccinated.false')),
    el('option', { value: 'null' }, t('case.vaccinated.null')),
  );
  const bulkForm = el(
    'form',
    { class: 'form bulk-form', novalidate: true, 'data-testid': 'bulk-form' },
    el('h3', {}, t('case.bulkHeading')),
    errorSummary(),
    el(
      'div',
      { class: 'field', 'data-field': 'contactIds' },
      el('p', { class: 'field-error', 'data-testid': 'field-error-contactIds', hidden: true }),
      selectedCount,
    ),
    fieldset({
      key: 'risk',
      legend: t('case.bulkRisk'),
      choices: RISK_LEVELS.map((id) =>
        choice({ type: 'radio', name: 'risk', value: id, label: riskLabel(id), testid: `bulk-risk-${id}` }),
      ),
    }),
    field({ key: 'reason', label: t('case.bulkReason'), hint: t('case.bulkReasonHint'), control: reason }),
    el(
      'p',
      { class: 'form-actions' },
      submitButton(t('case.bulkSubmit'), 'bulk-submit'),
      el(
        'button',
        { type: 'button', class: 'button secondary', 'data-testid': 'bulk-clear' },
        t('case.bulkClear'),
      ),
    ),
    el(
      'div',
      { class: 'action-row' },
      field({
        key: 'vaccinated',
        label: t('case.vaccinated'),
        hint: t('case.vaccinatedHint'),
        control: vaccinated,
      }),
      el(
        'button',
        { type: 'button', class: 'button secondary', 'data-testid': 'bulk-vaccinated-submit' },
        t('case.vaccinatedSubmit'),
      ),
    ),
  );

  const selectAll = el('input', {
    type: 'checkbox',
    id: uid('select-all'),
    'data-testid': 'contacts-select-all',
  });
  const selectAllChoice = el(
    'div',
    { class: 'choice select-all' },
    selectAll,
    el('label', { for: selectAll.id }, t('case.selectAll')),
  );
  const contactHeadings = [
    'case.col.contact',
    'case.col.type',
    'case.col.exposure',
    'case.col.lastContact',
    'case.col.proposal',
    'case.col.risk',
    'case.col.measures',
    'case.col.letter',
  ];
  const contactsTable = el(
    'table',
    { class: 'data-table contacts-table', 'data-testid': 'contacts-table' },
    el('caption', { class: 'visually-hidden' }, t('case.contactsCaption')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        canEdit
          ? el(
              'th',
              { scope: 'col', class: 'select' },
              el('span', { class: 'visually-hidden' }, t('case.col.select')),
            )
          : null,
        contactHeadings.map((key) => el('th', { scope: 'col' }, t(key))),
        canEdit
          ? el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('case.col.actions')))
          : null,
      ),
    ),
    contactsBody,
  );

  // ---- Add a contact, add an exposure ------------------------------------------------------------------------------
  const addExposureSelect = el('select', { 'data-testid': 'add-contact-exposure' });
  const addKind = fieldset({
    key: 'kind',
    legend: t('case.addKind'),
    choices: CONTACT_KINDS.map((id) =>
      choice({
        type: 'radio',
        name: 'kind',
        value: id,
        label: contactKindLabel(id),
        checked: id === 'pupil',
        testid: `add-contact-kind-${id}`,
      }),
    ),
  });
  const personSearch = el('input', {
    type: 'search',
    autocomplete: 'off',
    'data-testid': 'add-contact-search',
  });
  const personResults = el('ul', { class: 'picker-results', 'data-testid': 'add-contact-results' });
  const personStatus = el('p', { class: 'hint', role: 'status', 'data-testid': 'add-contact-search-status' });
  const chosenPerson = el('p', { class: 'chosen', hidden: true, 'data-testid': 'add-contact-chosen' });
  const addLabel = el('input', { type: 'text', maxlength: '100', 'data-testid': 'add-contact-label' });
  const addType = el(
    'select',
    { 'data-testid': 'add-contact-type' },
    el('option', { value: '' }, t('case.addTypeDefault')),
    CONTACT_TYPES.map((id) => el('option', { value: id }, contactTypeLabel(id))),
  );
  const addDate = el('input', { type: 'date', max: todayInBrussels(), 'data-testid': 'add-contact-date' });
  const personField = field({
    key: 'contacts[0].ref',
    label: t('case.addPerson'),
    hint: t('case.addPersonHint'),
    control: personSearch,
  });
  personField.append(personStatus, personResults, chosenPerson);
  const labelField = field({
    key: 'contacts[0].label',
    label: t('case.addLabel'),
    hint: t('case.addLabelHint'),
    control: addLabel,
    optional: true,
  });
  const addContactForm = el(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'add-contact-form' },
    el('h3', {}, t('case.addContactHeading')),
    errorSummary(),
    field({ key: 'exposureId', label: t('case.addExposure'), control: addExposureSelect }),
    addKind,
    personField,
    labelField,
    field({ key: 'contacts[0].type', label: t('case.addType'), control: addType, optional: true }),
    field({
      key: 'contacts[0].lastContactDate',
      label: t('case.addDate'),
      hint: t('case.addDateHint'),
      control: addDate,
      optional: true,
    }),
    el('p', { class: 'form-actions' }, submitButton(t('case.addContactSubmit'), 'add-contact-submit')),
  );

  const exposureKind = el(
    'select',
    { 'data-testid': 'add-exposure-kind' },
    MANUAL_EXPOSURE_KINDS.map((id) => el('option', { value: id }, exposureKindLabel(id))),
  );
  const exposureActivity = el(
    'select',
    { 'data-testid': 'add-exposure-activity' },
    el('option', { value: '' }, t('case.exposureActivityChoose')),
    ACTIVITIES.map((id) => el('option', { value: id }, activityLabel(id))),
  );
  const exposureLabel = el('input', { type: 'text', maxlength: '100', 'data-testid': 'add-exposure-label' });
  const exposureDate = el('input', {
    type: 'date',
    max: todayInBrussels(),
    'data-testid': 'add-exposure-date',
  });
  const activityField = field({
    key: 'activity',
    label: t('case.exposureActivity'),
    control: exposureActivity,
  });
  const addExposureForm = el(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'add-exposure-form' },
    el('h3', {}, t('case.addExposureHeading')),
    errorSummary(),
    field({ key: 'kind', label: t('case.exposureKind'), control: exposureKind }),
    activityField,
    field({
      key: 'label',
      label: t('case.exposureLabel'),
      hint: t('case.addLabelHint'),
      control: exposureLabel,
      optional: true,
    }),
    field({ key: 'lastContactDate', label: t('case.exposureDate'), control: exposureDate }),
    el('p', { class: 'form-actions' }, submitButton(t('case.addExposureSubmit'), 'add-exposure-submit')),
  );

  main.append(
    actions,
    section('case-decision-heading', t('case.decisionHeading'), decisionBox),
    section('case-facts-heading', t('case.factsHeading'), factsList),
    section(
      'case-exposures-heading',
      t('case.exposuresHeading'),
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'data-table', 'data-testid': 'exposures-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              [
                'case.exp.name',
                'case.exp.level',
                'case.exp.lastContact',
                'case.exp.members',
                'case.exp.source',
              ].map((key) => el('th', { scope: 'col' }, t(key))),
            ),
          ),
          exposuresBody,
        ),
      ),
    ),
    section(
      'case-contacts-heading',
      t('case.contactsHeading'),
      el('p', { class: 'hint' }, t('case.contactsIntro')),
      contactsSummary,
      canEdit ? bulkForm : null,
      canEdit ? selectAllChoice : null,
      el('div', { class: 'table-scroll' }, contactsTable),
      removedBox,
    ),
    canEdit
      ? section(
          'case-edit-heading',
          t('case.editHeading'),
          el('div', { class: 'form-grid' }, addContactForm, addExposureForm),
        )
      : null,
    section('case-timeline-heading', t('case.timelineHeading'), timelineList),
  );

  // ---- Drawing ----------------------------------------------------------------------------------------------------
  const exposureById = () => new Map((current.exposures ?? []).map((exposure) => [exposure.id, exposure]));
  const activeContacts = () => (current.contacts ?? []).filter((contact) => !contact.removed);

  const drawSummary = () => {
    const c = current;
    heading.textContent = t('case.headingFor', { disease: diseaseLabel(c.disease), reference: c.reference });
    document.title = `${heading.textContent} — Meldpunt`;
    const deadline = deadlineText(c.deadline);
    replace(
      summary,
      fact(
        t('case.status'),
        el(
          'span',
          { class: `stage case-status-${c.status}`, 'data-testid': 'case-status', 'data-status': c.status },
          c.status === 'open' && c.reassessment ? t('queue.reassessment') : caseStatusLabel(c.status),
        ),
      ),
      fact(
        t('case.urgency'),
        el(
          'span',
          { class: `urgency urgency-${c.urgency}`, 'data-testid': 'case-urgency' },
          urgencyLabel(c.urgency),
        ),
      ),
      fact(
        t('queue.col.deadline'),
        el(
          'span',
          { class: deadline.overdue ? 'deadline overdue' : 'deadline', 'data-testid': 'case-deadline' },
          deadline.text,
        ),
      ),
      c.status === 'open'
        ? fact(t('queue.col.waiting'), el('span', { 'data-testid': 'case-waiting' }, waitingText(c, readAt)))
        : null,
      fact(
        t('queue.col.assignee'),
        el(
          'span',
          { 'data-testid': 'case-assignee-name' },
          c.assigneeId ? team.nameOf(c.assigneeId) : t('queue.unassigned'),
        ),
      ),
      fact(t('case.urgencyRule'), c.urgencyRule?.description ?? ''),
    );
    if (canEdit) {
      claimButton.hidden = c.assigneeId === session.user.id;
      const options = [
        el('option', { value: '' }, t('case.assignNobody')),
        ...team.list
          .filter((member) => ASSIGNABLE_ROLES.includes(member.role))
          .map((member) => el('option', { value: member.id }, member.displayName)),
      ];
      if (c.assigneeId && !team.list.some((member) => member.id === c.assigneeId)) {
        options.push(el('option', { value: c.assigneeId }, team.nameOf(c.assigneeId)));
      }
      replace(assignSelect, options);
      assignSelect.value = c.assigneeId ?? '';
    }
    if (canApprove) {
      approveButton.disabled = c.status !== 'open';
      approveButton.title = c.status !== 'open' ? t('case.approveNothing') : '';
    }
  };

  const drawFacts = () => {
    const c = current;
    const activities = [...new Set((c.meldingen ?? []).flatMap((melding) => melding.activities ?? []))];
    replace(
      factsList,
      fact(
        t('case.references'),
        (c.meldingen ?? []).map((melding) => melding.reference).join(', ') || c.reference,
        'case-references',
      ),
      fact(t('case.disease'), diseaseLabel(c.disease), 'case-disease'),
      fact(t('case.school'), c.schoolName ?? t('queue.unknownSchool'), 'case-school'),
      fact(t('case.level'), levelLabel(c.level)),
      fact(
        t('case.subject'),
        el(
          'span',
          {},
          nameOf(c.subject?.ref)
            ? el('strong', { 'data-testid': 'case-subject-name' }, nameOf(c.subject?.ref))
            : null,
          nameOf(c.subject?.ref) ? ' · ' : '',
          subjectKindLabel(c.subject?.kind),
          ' ',
          el('code', { title: c.subject?.ref ?? '' }, shortRef(c.subject?.ref)),
        ),
      ),
      fact(
        t('case.onsetDate'),
        c.facts?.onsetDate ? formatDate(c.facts.onsetDate) : t('case.noSymptoms'),
        'case-onset',
      ),
      c.facts?.test
        ? fact(
            t('case.test'),
            t('case.testValue', {
              date: formatDate(c.facts.test.date),
              result: testResultLabel(c.facts.test.result),
            }),
          )
        : null,
      fact(t('case.lastDayPresent'), formatDate(c.facts?.lastDayPresent), 'case-last-day'),
      fact(t('case.receivedAt'), formatDateTime(c.receivedAt)),
      fact(
        t('case.activities'),
        activities.length > 0 ? activities.map(activityLabel).join(', ') : t('case.none'),
        'case-activities',
      ),
    );
  };

  const drawDecision = () => {
    const c = current;
    if (!c.decisionVersion) {
      replace(
        decisionBox,
        el('p', { class: 'muted', 'data-testid': 'case-no-decision' }, t('case.noDecision')),
      );
      return;
    }
    const latest = [...(c.decisions ?? [])].sort((a, b) => b.version - a.version)[0];
    const counts = Object.fromEntries(LETTER_STATES.map((state) => [state, 0]));
    for (const contact of activeContacts())
      counts[contact.letterStatus] = (counts[contact.letterStatus] ?? 0) + 1;
    replace(
      decisionBox,
      el(
        'p',
        {
          class: 'decision-version',
          'data-testid': 'case-decision-version',
          'data-version': String(c.decisionVersion),
        },
        latest
          ? t('case.decisionVersion', {
              version: c.decisionVersion,
              at: formatDateTime(latest.decidedAt),
              by: team.nameOf(latest.decidedBy),
            })
          : t('case.decisionVersionShort', { version: c.decisionVersion }),
      ),
      c.status === 'open'
        ? el(
            'p',
            { class: 'notice info', 'data-testid': 'case-reopened' },
            t('case.reopenedNote', { version: c.decisionVersion }),
          )
        : null,
      el(
        'ul',
        { class: 'letter-summary', 'data-testid': 'case-letters-summary' },
        ['delivered', 'failed', 'unreachable', 'pending'].map((state) =>
          el(
            'li',
            { class: `letter letter-${state}`, 'data-state': state, 'data-count': String(counts[state]) },
            tPlural(`case.letters.${state}`, counts[state]),
          ),
        ),
      ),
      counts.failed + counts.unreachable > 0
        ? el('p', { class: 'notice error', 'data-testid': 'case-letters-call' }, t('case.lettersCall'))
        : null,
    );
  };

  const drawExposures = () => {
    replace(
      exposuresBody,
      (current.exposures ?? []).map((exposure) =>
        el(
          'tr',
          { 'data-testid': 'exposure-row', 'data-exposure-id': exposure.id },
          el(
            'td',
            { 'data-label': t('case.exp.name') },
            exposureName(exposure),
            exposure.awaitingRoster ? el('span', { class: 'muted block' }, t('case.awaitingRoster')) : null,
          ),
          el('td', { 'data-label': t('case.exp.level') }, levelLabel(exposure.level)),
          el('td', { 'data-label': t('case.exp.lastContact') }, formatDate(exposure.lastContactDate)),
          el('td', { 'data-label': t('case.exp.members') }, String(exposure.memberCount)),
          el('td', { 'data-label': t('case.exp.source') }, t(`case.exp.source.${exposure.source}`)),
        ),
      ),
    );
    const chosen = addExposureSelect.value;
    replace(
      addExposureSelect,
      (current.exposures ?? []).map((exposure) =>
        el('option', { value: exposure.id }, exposureName(exposure)),
      ),
    );
    if ([...addExposureSelect.options].some((option) => option.value === chosen))
      addExposureSelect.value = chosen;
  };

  const measuresOf = (measures) =>
    measures.length === 0
      ? el('span', { class: 'muted' }, t('case.noMeasures'))
      : el(
          'ul',
          { class: 'measures' },
          measures.map((measure) =>
            el(
              'li',
              { 'data-kind': measure.kind },
              el('strong', {}, measureLabel(measure.kind)),
              measure.description ? `: ${measure.description}` : '',
            ),
          ),
        );

  const drawSelection = () => {
    const active = activeContacts();
    for (const id of [...selected]) if (!active.some((contact) => contact.id === id)) selected.delete(id);
    for (const box of contactsBody.querySelectorAll('input[data-testid="contact-select"]')) {
      box.checked = selected.has(box.value);
    }
    selectAll.checked = active.length > 0 && selected.size === active.length;
    selectAll.indeterminate = selected.size > 0 && selected.size < active.length;
    setText(
      selectedCount,
      selected.size === 0 ? t('case.selectedNone') : tPlural('case.selected', selected.size),
    );
  };

  const contactRow = (contact, exposures) => {
    const checkbox = canEdit
      ? el('input', {
          type: 'checkbox',
          value: contact.id,
          'data-testid': 'contact-select',
          'aria-label': t('case.selectContact', { ref: shortRef(contact.contactRef) }),
          onchange: (event) => {
            if (event.currentTarget.checked) selected.add(contact.id);
            else selected.delete(contact.id);
            drawSelection();
          },
        })
      : null;
    const exposureNames = contact.exposureIds
      .map((id) => exposures.get(id))
      .filter(Boolean)
      .map(exposureName);
    const effective = contact.effective;
    return el(
      'tr',
      {
        'data-testid': 'contact-row',
        'data-contact-id': contact.id,
        'data-ref': contact.contactRef,
        'data-risk': effective.risk,
        'data-letter': contact.letterStatus,
        class: `contact-risk-${effective.risk}`,
      },
      canEdit ? el('td', { class: 'select', 'data-label': t('case.col.select') }, checkbox) : null,
      el(
        'td',
        { 'data-label': t('case.col.contact') },
        nameOf(contact.contactRef)
          ? el('strong', { class: 'block', 'data-testid': 'contact-name' }, nameOf(contact.contactRef))
          : null,
        el(
          'span',
          { class: 'block' },
          contactKindLabel(contact.contactKind),
          contact.label ? ` · ${contact.label}` : '',
        ),
        el('code', { title: contact.contactRef, 'data-testid': 'contact-ref' }, shortRef(contact.contactRef)),
        contact.vaccinated !== null
          ? el('span', { class: 'muted block' }, t(`case.vaccinated.${contact.vaccinated}`))
          : null,
      ),
      el('td', { 'data-label': t('case.col.type') }, contactTypeLabel(contact.contactType)),
      el('td', { 'data-label': t('case.col.exposure') }, exposureNames.join(', ')),
      el('td', { 'data-label': t('case.col.lastContact') }, formatDate(contact.lastContactDate)),
      el(
        'td',
        { 'data-label': t('case.col.proposal') },
        el(
          'span',
          { class: `risk risk-${contact.proposal.risk}`, 'data-testid': 'contact-proposal' },
          riskLabel(contact.proposal.risk),
        ),
        el(
          'span',
          {
            class: 'rule muted block',
            'data-testid': 'contact-rule',
            title: contact.proposal.rule?.ruleId ?? '',
          },
          t('case.rule', {
            description: contact.proposal.rule?.description ?? '',
            version: contact.proposal.rule?.protocolVersion ?? '',
          }),
        ),
      ),
      el(
        'td',
        { 'data-label': t('case.col.risk') },
        el(
          'span',
          { class: `risk risk-${effective.risk}`, 'data-testid': 'contact-risk' },
          riskLabel(effective.risk),
        ),
        contact.override
          ? el(
              'span',
              { class: 'override block', 'data-testid': 'contact-override' },
              t('case.override', {
                by: team.nameOf(contact.override.by),
                at: formatDateTime(contact.override.at),
                reason: contact.override.reason,
              }),
            )
          : null,
        effective.source === 'override-kept'
          ? el('span', { class: 'notice-inline block' }, t('case.overrideKept'))
          : null,
        contact.decision
          ? el(
              'span',
              { class: 'muted block', 'data-testid': 'contact-decided' },
              t('case.decidedAs', {
                version: contact.decision.version,
                risk: riskLabel(contact.decision.risk),
              }),
            )
          : null,
      ),
      el('td', { 'data-label': t('case.col.measures') }, measuresOf(effective.measures ?? [])),
      el(
        'td',
        { 'data-label': t('case.col.letter') },
        el(
          'span',
          {
            class: `letter letter-${contact.letterStatus}`,
            'data-testid': 'contact-letter-status',
            'data-state': contact.letterStatus,
          },
          letterStateLabel(contact.letterStatus),
        ),
      ),
      canEdit
        ? el(
            'td',
            { 'data-label': t('case.col.actions') },
            el(
              'button',
              {
                type: 'button',
                class: 'button link',
                'data-testid': 'contact-remove',
                'aria-label': t('case.removeContact', { ref: shortRef(contact.contactRef) }),
                onclick: (event) => void removeContact(contact, event.currentTarget),
              },
              t('case.remove'),
            ),
          )
        : null,
    );
  };

  const drawContacts = () => {
    const exposures = exposureById();
    const active = activeContacts();
    const removed = (current.contacts ?? []).filter((contact) => contact.removed);
    replace(
      contactsBody,
      active.map((contact) => contactRow(contact, exposures)),
    );
    contactsTable.hidden = active.length === 0;
    const high = active.filter((contact) => contact.effective.risk === 'high').length;
    setText(
      contactsSummary,
      active.length === 0 ? t('case.noContacts') : t('case.contactsCount', { count: active.length, high }),
    );
    replace(
      removedBox,
      removed.length === 0
        ? null
        : el(
            'details',
            { class: 'removed', 'data-testid': 'contacts-removed' },
            el('summary', {}, tPlural('case.removedCount', removed.length)),
            el(
              'ul',
              {},
              removed.map((contact) =>
                el(
                  'li',
                  { 'data-testid': 'removed-contact', 'data-ref': contact.contactRef },
                  contactKindLabel(contact.contactKind),
                  ' ',
                  el('code', { title: contact.contactRef }, shortRef(contact.contactRef)),
                  contact.label ? ` · ${contact.label}` : '',
                  canEdit
                    ? el(
                        'button',
                        {
                          type: 'button',
                          class: 'button link',
                          'data-testid': 'contact-restore',
                          onclick: (event) => void restoreContact(contact, event.currentTarget),
                        },
                        t('case.restore'),
                      )
                    : null,
                ),
              ),
            ),
          ),
    );
    drawSelection();
  };

  const timelineText = (entry) => {
    const d = entry.details ?? {};
    const count = (list) => (Array.isArray(list) ? list.length : 0);
    switch (entry.kind) {
      case 'opened':
      case 'melding-added':
      case 'related-case':
        return d.reference ? t('timeline.reference', { reference: d.reference }) : '';
      case 'assigned':
        return d.assigneeId ? t('timeline.to', { name: team.nameOf(d.assigneeId) }) : t('timeline.toNobody');
      case 'reclassified':
        return d.cleared
          ? tPlural('timeline.cleared', count(d.contactIds))
          : tPlural('timeline.reclassified', count(d.contactIds), {
              risk: riskLabel(d.risk),
              reason: d.reason ?? '',
            });
      case 'facts-recorded':
        return tPlural('timeline.vaccinated', count(d.contactIds), {
          state: t(`case.vaccinated.${d.vaccinated === undefined ? 'null' : String(d.vaccinated)}`),
        });
      case 'exposure-added':
        return d.activity ? activityLabel(d.activity) : exposureKindLabel(d.kind);
      case 'contacts-added':
        return tPlural('timeline.contactsAdded', count(d.contactRefs));
      case 'contact-removed':
        return shortRef(d.contactRef);
      case 'approved':
        return tPlural('timeline.approved', Number(d.changed ?? 0), { version: d.version });
      case 'approved-unchanged':
        return t('timeline.approvedUnchanged', { version: d.version });
      case 'roster-arrived':
        return d.label ? String(d.label) : '';
      default:
        return '';
    }
  };

  const drawTimeline = () => {
    replace(
      timelineList,
      [...(current.timeline ?? [])]
        .reverse()
        .map((entry) =>
          el(
            'li',
            { 'data-testid': 'timeline-entry', 'data-kind': entry.kind },
            el('time', { datetime: entry.at }, formatDateTime(entry.at)),
            ' ',
            el('strong', {}, timelineLabel(entry.kind)),
            ` — ${team.nameOf(entry.actor)}`,
            timelineText(entry) ? el('span', { class: 'block' }, timelineText(entry)) : null,
          ),
        ),
    );
  };

  const draw = () => {
    drawSummary();
    drawFacts();
    drawDecision();
    drawExposures();
    drawContacts();
    drawTimeline();
    main.dataset.loaded = 'true';
  };

  // ---- Reading and acting ---------------------------------------------------------------------------------------
  let reloadTimer = null;
  let reloading = null;
  let reloadAgain = false;
  /** Fetches the case; a change announced while a fetch runs is fetched once more afterwards. */
  const fetchNow = () => {
    if (reloading) {
      reloadAgain = true;
      return;
    }
    reloading = api(base, { signal, background: true })
      .then((detail) => {
        current = detail;
        readAt = performance.now();
        draw();
        void resolveNames();
      })
      .catch(showError)
      .finally(() => {
        reloading = null;
        if (reloadAgain && !signal.aborted) {
          reloadAgain = false;
          fetchNow();
        }
      });
  };
  const reload = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(fetchNow, RELOAD_DELAY_MS);
  };

  /** Runs a change; the answer is the case as it is now (CaseDetailDto), or { case } (approval). */
  const act = async (work) => {
    errorNotice.hidden = true;
    actionNotice.hidden = true;
    try {
      const answer = await work();
      const detail = answer?.case ?? answer;
      if (detail?.id === caseId) {
        current = detail;
        readAt = performance.now();
        draw();
      }
      return answer;
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return undefined;
      throw error;
    }
  };

  const simple = async (button, work, done) => {
    button.disabled = true;
    try {
      const answer = await act(work);
      if (answer !== undefined && done) showDone(done(answer));
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
      drawSummary();
    }
  };

  claimButton.addEventListener(
    'click',
    () =>
      void simple(
        claimButton,
        () => api(`${base}/claim`, { method: 'POST', signal }),
        () => t('case.claimed'),
      ),
  );
  assignButton.addEventListener(
    'click',
    () =>
      void simple(
        assignButton,
        () =>
          api(`${base}/assign`, { method: 'POST', json: { assigneeId: assignSelect.value || null }, signal }),
        () =>
          assignSelect.value
            ? t('case.assigned', { name: team.nameOf(assignSelect.value) })
            : t('case.unassignedDone'),
      ),
  );
  // Approval sends letters to parents: asked once more, with how many contacts it concerns.
  approveButton.addEventListener('click', () => {
    setText(approveQuestion, tPlural('case.approveQuestion', activeContacts().length));
    approveBox.hidden = false;
    approveConfirm.focus();
  });
  approveCancel.addEventListener('click', () => {
    approveBox.hidden = true;
    approveButton.focus();
  });
  approveConfirm.addEventListener('click', () => {
    approveBox.hidden = true;
    void simple(
      approveButton,
      () => api(`${base}/approve`, { method: 'POST', signal }),
      (answer) =>
        answer.published
          ? tPlural('case.approved', answer.changedCount, { version: answer.decisionVersion })
          : t('case.approvedUnchanged', { version: answer.decisionVersion }),
    );
  });

  const removeContact = (contact, button) =>
    simple(
      button,
      () => api(`${base}/contacts/${encodeURIComponent(contact.id)}`, { method: 'DELETE', signal }),
      () => t('case.removed', { ref: shortRef(contact.contactRef) }),
    );

  const restoreContact = (contact, button) =>
    simple(
      button,
      () =>
        api(`${base}/contacts`, {
          method: 'POST',
          json: {
            exposureId: contact.exposureIds[0],
            contacts: [
              {
                ref: contact.contactRef,
                kind: contact.contactKind,
                type: contact.contactType,
                lastContactDate: contact.lastContactDate,
              },
            ],
          },
          signal,
        }),
      () => t('case.restored', { ref: shortRef(contact.contactRef) }),
    );

  selectAll.addEventListener('change', () => {
    selected.clear();
    if (selectAll.checked) for (const contact of activeContacts()) selected.add(contact.id);
    drawSelection();
  });

  /** PATCH /contacts for the selection; field errors beside the bulk form's fields. */
  const changeSelected = (body, done) =>
    busy(bulkForm, async () => {
      try {
        const answer = await act(() =>
          api(`${base}/contacts`, { method: 'PATCH', json: { contactIds: [...selected], ...body }, signal }),
        );
        if (answer === undefined) return;
        clearErrors(bulkForm);
        showDone(done);
        selected.clear();
        bulkForm.reset();
        drawSelection();
      } catch (error) {
        showErrors(bulkForm, {
          message: errorText(error),
          fields: error instanceof ApiError ? error.fields : [],
        });
      }
    });

  bulkForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const risk = bulkForm.querySelector('input[name="risk"]:checked')?.value ?? '';
    const text = reason.value.trim();
    const problems = [];
    if (selected.size === 0) problems.push({ field: 'contactIds', messages: [t('case.required.selection')] });
    if (!risk) problems.push({ field: 'risk', messages: [t('case.required.risk')] });
    if (!text) problems.push({ field: 'reason', messages: [t('case.required.reason')] });
    if (problems.length > 0) {
      showErrors(bulkForm, { message: t('form.errorSummary'), fields: problems });
      return;
    }
    void changeSelected(
      { risk, reason: text },
      tPlural('case.reclassified', selected.size, { risk: riskLabel(risk) }),
    );
  });
  bulkForm.querySelector('[data-testid="bulk-clear"]').addEventListener('click', () => {
    if (selected.size === 0) {
      showErrors(bulkForm, {
        message: t('form.errorSummary'),
        fields: [{ field: 'contactIds', messages: [t('case.required.selection')] }],
      });
      return;
    }
    void changeSelected({ clearOverride: true }, tPlural('case.clearedDone', selected.size));
  });
  bulkForm.querySelector('[data-testid="bulk-vaccinated-submit"]').addEventListener('click', () => {
    const problems = [];
    if (selected.size === 0) problems.push({ field: 'contactIds', messages: [t('case.required.selection')] });
    if (!vaccinated.value) problems.push({ field: 'vaccinated', messages: [t('case.required.vaccinated')] });
    if (problems.length > 0) {
      showErrors(bulkForm, { message: t('form.errorSummary'), fields: problems });
      return;
    }
    void changeSelected(
      { vaccinated: JSON.parse(vaccinated.value) },
      tPlural('case.vaccinatedDone', selected.size),
    );
  });

  // Adding a contact: pupils and staff are found on the school's roster (intake), by name; what is sent is only the
  // pseudonymous ref. External contacts get a label (never a name).
  let chosenRef = null;
  const kindOf = () => addContactForm.querySelector('input[name="kind"]:checked')?.value ?? 'pupil';
  const showKind = () => {
    const kind = kindOf();
    personField.hidden = kind === 'external';
    chosenRef = null;
    chosenPerson.hidden = true;
    replace(personResults);
    setText(personStatus, '');
    personSearch.value = '';
  };
  addKind.addEventListener('change', showKind);
  let searchTimer = null;
  let staffCache = null;
  const search = async () => {
    const words = personSearch.value.trim();
    replace(personResults);
    if (words.length < 2) {
      setText(personStatus, '');
      return;
    }
    const schoolPath = `/api/intake/v1/schools/${encodeURIComponent(current.schoolId)}`;
    try {
      let found;
      if (kindOf() === 'staff') {
        staffCache ??= api(`${schoolPath}/staff`, { signal }).then((body) => body?.items ?? []);
        const needles = words.toLowerCase().split(/\s+/);
        found = (await staffCache)
          .filter((member) =>
            needles.every((needle) =>
              `${member.firstName} ${member.lastName} ${member.staffNumber}`.toLowerCase().includes(needle),
            ),
          )
          .slice(0, 20)
          .map((member) => ({
            ref: member.ref,
            name: `${member.firstName} ${member.lastName}`,
            sub: (member.classes ?? []).map((klas) => klas.name).join(', '),
          }));
      } else {
        const body = await api(`${schoolPath}/pupils?search=${encodeURIComponent(words)}&limit=20`, {
          signal,
        });
        found = (body?.items ?? []).map((pupil) => ({
          ref: pupil.ref,
          name: pupil.name,
          sub: pupil.className,
        }));
      }
      setText(
        personStatus,
        found.length === 0 ? t('case.searchNone') : tPlural('case.searchFound', found.length),
      );
      replace(
        personResults,
        found.map((person) =>
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: 'button link',
                'data-testid': 'add-contact-option',
                onclick: () => {
                  chosenRef = person.ref;
                  setText(chosenPerson, t('case.chosen', { name: person.name, sub: person.sub }));
                  chosenPerson.hidden = false;
                  replace(personResults);
                },
              },
              person.name,
              person.sub ? el('span', { class: 'muted' }, ` — ${person.sub}`) : null,
            ),
          ),
        ),
      );
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return;
      setText(personStatus, errorText(error));
    }
  };
  personSearch.addEventListener('input', () => {
    clearTimeout(searchTimer);
    chosenRef = null;
    chosenPerson.hidden = true;
    searchTimer = setTimeout(() => void search(), 250);
  });

  addContactForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = kindOf();
    const problems = [];
    if (!addExposureSelect.value)
      problems.push({ field: 'exposureId', messages: [t('case.required.exposure')] });
    if (kind !== 'external' && !chosenRef)
      problems.push({ field: 'contacts[0].ref', messages: [t('case.required.person')] });
    if (problems.length > 0) {
      showErrors(addContactForm, { message: t('form.errorSummary'), fields: problems });
      return;
    }
    const contact = { kind };
    if (kind !== 'external') contact.ref = chosenRef;
    if (addLabel.value.trim()) contact.label = addLabel.value.trim();
    if (addType.value) contact.type = addType.value;
    if (addDate.value) contact.lastContactDate = addDate.value;
    void busy(addContactForm, async () => {
      try {
        const answer = await act(() =>
          api(`${base}/contacts`, {
            method: 'POST',
            json: { exposureId: addExposureSelect.value, contacts: [contact] },
            signal,
          }),
        );
        if (answer === undefined) return;
        clearErrors(addContactForm);
        showDone(t('case.contactAdded'));
        addLabel.value = '';
        addDate.value = '';
        addType.value = '';
        showKind();
      } catch (error) {
        showErrors(addContactForm, {
          message: errorText(error),
          fields: error instanceof ApiError ? error.fields : [],
        });
      }
    });
  });

  const showActivity = () => {
    activityField.hidden = exposureKind.value !== 'activity';
  };
  exposureKind.addEventListener('change', showActivity);
  showActivity();
  addExposureForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = [];
    if (exposureKind.value === 'activity' && !exposureActivity.value)
      problems.push({ field: 'activity', messages: [t('case.required.activity')] });
    if (!exposureDate.value) problems.push({ field: 'lastContactDate', messages: [t('case.required.date')] });
    if (problems.length > 0) {
      showErrors(addExposureForm, { message: t('form.errorSummary'), fields: problems });
      return;
    }
    const body = { kind: exposureKind.value, lastContactDate: exposureDate.value };
    if (exposureKind.value === 'activity') body.activity = exposureActivity.value;
    if (exposureLabel.value.trim()) body.label = exposureLabel.value.trim();
    void busy(addExposureForm, async () => {
      try {
        const answer = await act(() => api(`${base}/exposures`, { method: 'POST', json: body, signal }));
        if (answer === undefined) return;
        clearErrors(addExposureForm);
        showDone(t('case.exposureAdded'));
        addExposureForm.reset();
        showActivity();
        const added = (current.exposures ?? []).at(-1);
        if (added) addExposureSelect.value = added.id;
      } catch (error) {
        showErrors(addExposureForm, {
          message: errorText(error),
          fields: error instanceof ApiError ? error.fields : [],
        });
      }
    });
  });

  draw();
  void resolveNames();

  // ---- Live: the stream, or polling while it is down -------------------------------------------------------------
  let poller = null;
  const ticker = setInterval(() => {
    const waiting = summary.querySelector('[data-testid="case-waiting"]');
    if (waiting && current) setText(waiting, waitingText(current, readAt));
  }, 15_000);
  signal.addEventListener('abort', () => {
    clearInterval(ticker);
    clearInterval(poller);
    clearTimeout(reloadTimer);
    clearTimeout(searchTimer);
  });
  watchCases({
    signal,
    onChange: (_kind, item) => {
      if (item.id === caseId) reload();
    },
    onResync: reload,
    onState: (state) => {
      live.dataset.state = state;
      setText(live, t(`live.${state}`));
      clearInterval(poller);
      poller = state === 'live' ? null : setInterval(reload, POLL_MS);
    },
  });
}
