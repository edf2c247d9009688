// A school reports a case (melding). Built for a phone and for speed: find the pupil (or staff member, or enter
// someone who is on neither list), pick the disease, two dates, tick the groups (the person's own are ticked
// already), send. The service validates; its field errors are shown next to the fields.
// Intake's API (apps/intake/src/meldingen/README.md, rosters/README.md):
//   POST /v1/meldingen                    SubmitMeldingRequestDto → { reference, meldingId, status, merged }
//   GET  /v1/schools/:id/pupils?search=   { items: [{ id, pupilNumber, name, className, livingGroup, groupIds }] }
//   GET  /v1/schools/:id/staff            { items: [{ id, staffNumber, firstName, lastName, classes: [{ id }] }] }
//   GET  /v1/schools/:id/groups           { schoolYear, items: [{ id, kind, name }] }
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace, uid } from '../lib/dom.js';
import { todayInBrussels } from '../lib/format.js';
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
import {
  ACTIVITIES,
  DISEASES,
  SUBJECT_KINDS,
  TEST_RESULTS,
  UNLISTED_ROLES,
  activityLabel,
  diseaseLabel,
  groupKindLabel,
  subjectKindChoiceLabel,
  testResultLabel,
  unlistedRoleLabel,
} from '../lib/labels.js';
import { currentSchoolId, schoolName } from '../lib/schools.js';

const SEARCH_DELAY_MS = 250;

/** Server field names → this form's field keys, where they differ (the person's fields depend on the kind). */
function aliasesFor(kind) {
  return {
    subject: kind === 'unlisted' ? 'subjectKind' : kind,
    'subject.kind': 'subjectKind',
    'subject.rosterId': kind === 'staff' ? 'staff' : 'pupil',
    'test.date': 'testDate',
    'test.result': 'testResult',
    test: 'testDate',
    groups: 'groupIds',
    contactPerson: 'contactName',
    'contactPerson.name': 'contactName',
    'contactPerson.phone': 'contactPhone',
    'contactPerson.email': 'contactEmail',
  };
}

/** Lower case without accents, for matching "zoe" to "Zoë". */
function folded(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/**
 * A person search: a search box, results as big buttons, and the chosen person with a "change" button.
 * `find(term, signal)` answers [{ id, title, sub, groupIds, groups }]; `texts` names the i18n keys.
 */
function personPicker({ key, texts, signal, find, onChosen }) {
  const input = el('input', {
    type: 'search',
    autocomplete: 'off',
    autocapitalize: 'words',
    spellcheck: 'false',
    enterkeyhint: 'search',
    'data-testid': `${key}-search`,
  });
  const chosenInput = el('input', { type: 'hidden', value: '' });
  const results = el('ul', { class: 'pick-list', 'data-testid': `${key}-results` });
  const announce = el('p', {
    class: 'hint',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': `${key}-search-status`,
  });
  const chosen = el('div', { class: 'chosen', hidden: true, 'data-testid': `${key}-chosen` });
  const searchArea = el('div', {}, input, announce, results);
  const wrapper = field({ key, label: t(texts.label), hint: t(texts.hint), control: input });
  wrapper.append(searchArea, chosenInput, chosen);
  // The label and hint stay on the search box; the error line is announced with it.
  searchArea.prepend(input);

  let timer;
  let pending = null;
  const search = async () => {
    const term = input.value.trim();
    pending?.abort();
    if (term.length < 2) {
      results.replaceChildren();
      announce.textContent = '';
      return;
    }
    const controller = new AbortController();
    pending = controller;
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      const people = await find(term, controller.signal);
      if (controller.signal.aborted) return;
      replace(
        results,
        people.map((person) =>
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: 'pick',
                'data-testid': `${key}-option`,
                onclick: () => choose(person),
              },
              el('span', { class: 'pick-title' }, person.title),
              person.sub ? el('span', { class: 'pick-sub' }, person.sub) : null,
            ),
          ),
        ),
      );
      announce.textContent = people.length === 0 ? t(texts.none) : tPlural(texts.found, people.length);
    } catch (error) {
      if (error?.name === 'AbortError') return;
      announce.textContent = errorText(error);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      void search();
    }
  });

  const choose = (person) => {
    chosenInput.value = person.id;
    replace(
      chosen,
      el(
        'p',
        { class: 'chosen-name' },
        el('strong', {}, person.title),
        person.groupNames ? ` — ${person.groupNames}` : '',
      ),
      el(
        'button',
        { type: 'button', class: 'button secondary', 'data-testid': `${key}-change`, onclick: reset },
        t(texts.change),
      ),
    );
    chosen.hidden = false;
    searchArea.hidden = true;
    onChosen(person);
    chosen.querySelector('button').focus();
  };
  const reset = () => {
    chosenInput.value = '';
    chosen.hidden = true;
    searchArea.hidden = false;
    input.focus();
  };
  return { wrapper, value: () => chosenInput.value };
}

/** A pupil of intake's pupil search as the picker shows it. */
function pupilChoice(pupil) {
  const groups = [pupil.className, pupil.livingGroup?.name].filter(Boolean).join(', ');
  return {
    id: pupil.id,
    title: pupil.name,
    sub: t('melding.pupilSub', { groups, number: pupil.pupilNumber }),
    groupNames: groups,
    groupIds: pupil.groupIds,
    // A boarder's living group may belong to another school's internaat: it is not in this school's list.
    extraGroups: pupil.livingGroup ? [{ id: pupil.livingGroup.id, name: pupil.livingGroup.name }] : [],
  };
}

/** A staff member of intake's staff list as the picker shows it. */
function staffChoice(member) {
  const groups = member.classes.map((klas) => klas.name).join(', ');
  return {
    id: member.id,
    title: `${member.firstName} ${member.lastName}`,
    sub: groups
      ? t('melding.staffSub', { groups, number: member.staffNumber })
      : t('melding.staffSubNoClasses', { number: member.staffNumber }),
    groupNames: groups,
    groupIds: member.classes.map((klas) => klas.id),
    extraGroups: [],
  };
}

function dateInput(testid, max) {
  return el('input', { type: 'date', max, 'data-testid': testid });
}

function select(testid, options, placeholder) {
  return el(
    'select',
    { 'data-testid': testid },
    placeholder ? el('option', { value: '' }, placeholder) : null,
    options.map(([value, label]) => el('option', { value }, label)),
  );
}

function groupLabel(group) {
  return group.kind && group.kind !== 'class' ? `${group.name} (${groupKindLabel(group.kind)})` : group.name;
}

export async function render({ main, session, signal, navigate }) {
  const schoolId = currentSchoolId(session);
  const heading = el('h1', {}, t('melding.heading'));
  main.append(heading);
  if (!schoolId) {
    main.append(el('p', { class: 'notice error' }, t('school.none')));
    return;
  }
  void schoolName(schoolId).then((name) => {
    if (!signal.aborted && name !== schoolId) heading.textContent = t('melding.headingFor', { school: name });
  });
  const today = todayInBrussels();
  const school = encodeURIComponent(schoolId);
  let idempotencyKey = crypto.randomUUID();

  // Groups and classes: checkboxes, filled when intake answers.
  const groupChoices = el(
    'div',
    { class: 'choice-list scroll', 'data-testid': 'groups' },
    el('p', { class: 'hint' }, t('melding.groupsLoading')),
  );
  const groupsField = fieldset({
    key: 'groupIds',
    legend: t('melding.groups'),
    hint: t('melding.groupsHint'),
    choices: [],
  });
  groupsField.querySelector('.choice-list').replaceWith(groupChoices);

  /** Living groups of other schools' internaten that boarders brought along (not in this school's list). */
  const extraGroups = new Map();
  const groupChoice = (group, checked = false) =>
    choice({ name: 'groupIds', value: group.id, label: groupLabel(group), checked, testid: 'group-option' });

  /** Ticks the chosen person's own classes and groups (adding a boarder's living group of another school). */
  const tickGroups = (person) => {
    const boxes = () => [...groupChoices.querySelectorAll('input[type="checkbox"]')];
    for (const extra of person.extraGroups) {
      if (boxes().some((box) => box.value === extra.id)) continue;
      extraGroups.set(extra.id, { ...extra, kind: 'living-group' });
      groupChoices.querySelector('p.hint')?.remove();
      groupChoices.append(groupChoice(extraGroups.get(extra.id)));
    }
    for (const box of boxes()) {
      if (person.groupIds.includes(box.value)) box.checked = true;
    }
  };

  // Who: a pupil or staff member from the school's lists, or someone on neither.
  const kindChoices = SUBJECT_KINDS.map((kind) =>
    choice({
      type: 'radio',
      name: 'subjectKind',
      value: kind,
      label: subjectKindChoiceLabel(kind),
      checked: kind === 'pupil',
      testid: `subject-kind-${kind}`,
    }),
  );
  const kindField = fieldset({ key: 'subjectKind', legend: t('melding.subjectKind'), choices: kindChoices });
  const kind = () => kindField.querySelector('input[name="subjectKind"]:checked')?.value ?? 'pupil';

  const pupilPicker = personPicker({
    key: 'pupil',
    texts: {
      label: 'melding.pupil',
      hint: 'melding.pupilHint',
      none: 'melding.pupilNone',
      found: 'melding.pupilFound',
      change: 'melding.pupilChange',
    },
    signal,
    find: async (term, searchSignal) => {
      const body = await api(`/api/intake/v1/schools/${school}/pupils?search=${encodeURIComponent(term)}`, {
        signal: searchSignal,
      });
      return (body?.items ?? []).map(pupilChoice);
    },
    onChosen: tickGroups,
  });

  let staffList = null;
  const staffPicker = personPicker({
    key: 'staff',
    texts: {
      label: 'melding.staff',
      hint: 'melding.staffHint',
      none: 'melding.staffNone',
      found: 'melding.staffFound',
      change: 'melding.staffChange',
    },
    signal,
    find: async (term) => {
      // The staff list is short: fetched once, searched here (accents ignored, like the pupil search).
      staffList ??= api(`/api/intake/v1/schools/${school}/staff`, { signal }).then(
        (body) => body?.items ?? [],
        (error) => {
          staffList = null;
          throw error;
        },
      );
      const words = folded(term).split(/\s+/).filter(Boolean);
      return (await staffList)
        .filter((member) => {
          const text = folded(`${member.firstName} ${member.lastName} ${member.staffNumber}`);
          return words.every((word) => text.includes(word));
        })
        .slice(0, 50)
        .map(staffChoice);
    },
    onChosen: tickGroups,
  });

  const firstName = el('input', {
    type: 'text',
    maxlength: '100',
    autocomplete: 'off',
    'data-testid': 'unlisted-first-name',
  });
  const lastName = el('input', {
    type: 'text',
    maxlength: '100',
    autocomplete: 'off',
    'data-testid': 'unlisted-last-name',
  });
  const birthDate = dateInput('unlisted-birth-date', today);
  const unlistedRole = select(
    'unlisted-role',
    UNLISTED_ROLES.map((id) => [id, unlistedRoleLabel(id)]),
    t('melding.unlistedRoleChoose'),
  );
  const unlistedArea = el(
    'div',
    { 'data-testid': 'unlisted' },
    el('p', { class: 'hint' }, t('melding.unlistedIntro')),
    field({ key: 'subject.firstName', label: t('melding.firstName'), control: firstName }),
    field({ key: 'subject.lastName', label: t('melding.lastName'), control: lastName }),
    field({ key: 'subject.birthDate', label: t('melding.birthDate'), control: birthDate, optional: true }),
    field({ key: 'subject.role', label: t('melding.unlistedRole'), control: unlistedRole }),
  );
  const showKind = () => {
    pupilPicker.wrapper.hidden = kind() !== 'pupil';
    staffPicker.wrapper.hidden = kind() !== 'staff';
    unlistedArea.hidden = kind() !== 'unlisted';
  };
  for (const radio of kindField.querySelectorAll('input')) radio.addEventListener('change', showKind);

  const disease = select(
    'disease',
    DISEASES.map((id) => [id, diseaseLabel(id)]),
    t('melding.diseaseChoose'),
  );
  const diseaseOther = el('input', { type: 'text', maxlength: '100', 'data-testid': 'disease-other' });
  const diseaseOtherField = field({
    key: 'diseaseOther',
    label: t('melding.diseaseOther'),
    control: diseaseOther,
  });
  diseaseOtherField.hidden = true;
  disease.addEventListener('change', () => {
    diseaseOtherField.hidden = disease.value !== 'other';
  });

  const onset = dateInput('onset-date', today);
  const noSymptoms = el('input', { type: 'checkbox', id: uid('no-symptoms'), 'data-testid': 'no-symptoms' });
  noSymptoms.addEventListener('change', () => {
    onset.disabled = noSymptoms.checked;
    if (noSymptoms.checked) onset.value = '';
  });
  const onsetField = field({
    key: 'onsetDate',
    label: t('melding.onsetDate'),
    hint: t('melding.onsetDateHint'),
    control: onset,
  });
  onsetField.append(
    el('div', { class: 'choice' }, noSymptoms, el('label', { for: noSymptoms.id }, t('melding.noSymptoms'))),
  );

  const lastDay = dateInput('last-day-present', today);
  const testDate = dateInput('test-date', today);
  const testResult = select(
    'test-result',
    TEST_RESULTS.map((id) => [id, testResultLabel(id)]),
    t('melding.testResultChoose'),
  );

  const activities = fieldset({
    key: 'activities',
    legend: t('melding.activities'),
    hint: t('melding.activitiesHint'),
    optional: true,
    choices: ACTIVITIES.map((id) =>
      choice({ name: 'activities', value: id, label: activityLabel(id), testid: `activity-${id}` }),
    ),
  });

  const contactName = el('input', {
    type: 'text',
    autocomplete: 'name',
    value: session.user.displayName,
    'data-testid': 'contact-name',
  });
  const contactPhone = el('input', {
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    'data-testid': 'contact-phone',
  });
  const contactEmail = el('input', {
    type: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    autocapitalize: 'none',
    value: session.user.email ?? '',
    'data-testid': 'contact-email',
  });
  const remarks = el('textarea', { rows: '3', maxlength: '2000', 'data-testid': 'remarks' });

  const form = el(
    'form',
    {
      class: 'form',
      novalidate: true,
      'data-testid': 'melding-form',
      'aria-labelledby': 'melding-form-title',
    },
    el('h2', { id: 'melding-form-title', class: 'visually-hidden' }, t('melding.heading')),
    errorSummary(),
    el(
      'section',
      { class: 'form-section' },
      el('h2', {}, t('melding.sectionWho')),
      kindField,
      pupilPicker.wrapper,
      staffPicker.wrapper,
      unlistedArea,
    ),
    el(
      'section',
      { class: 'form-section' },
      el('h2', {}, t('melding.sectionWhat')),
      field({ key: 'disease', label: t('melding.disease'), control: disease }),
      diseaseOtherField,
      onsetField,
      field({
        key: 'lastDayPresent',
        label: t('melding.lastDayPresent'),
        hint: t('melding.lastDayPresentHint'),
        control: lastDay,
      }),
      el(
        'div',
        { class: 'field-row' },
        field({ key: 'testDate', label: t('melding.testDate'), control: testDate, optional: true }),
        field({ key: 'testResult', label: t('melding.testResult'), control: testResult, optional: true }),
      ),
    ),
    el(
      'section',
      { class: 'form-section' },
      el('h2', {}, t('melding.sectionWhere')),
      groupsField,
      activities,
    ),
    el(
      'section',
      { class: 'form-section' },
      el('h2', {}, t('melding.sectionContact')),
      field({ key: 'contactName', label: t('melding.contactName'), control: contactName }),
      field({
        key: 'contactPhone',
        label: t('melding.contactPhone'),
        hint: t('melding.contactPhoneHint'),
        control: contactPhone,
      }),
      field({ key: 'contactEmail', label: t('melding.contactEmail'), control: contactEmail, optional: true }),
      field({
        key: 'remarks',
        label: t('melding.remarks'),
        hint: t('melding.remarksHint'),
        control: remarks,
        optional: true,
      }),
    ),
    el('p', { class: 'form-actions' }, submitButton(t('melding.submit'), 'melding-submit')),
  );
  showKind();
  const result = el('div', {
    class: 'result',
    hidden: true,
    'data-testid': 'melding-result',
    tabindex: '-1',
  });
  main.append(el('p', { class: 'intro' }, t('melding.intro')), form, result);

  const subject = () => {
    switch (kind()) {
      case 'staff':
        return { kind: 'staff', rosterId: staffPicker.value() };
      case 'unlisted':
        return {
          kind: 'unlisted',
          firstName: firstName.value.trim(),
          lastName: lastName.value.trim(),
          birthDate: birthDate.value || null,
          role: unlistedRole.value,
        };
      default:
        return { kind: 'pupil', rosterId: pupilPicker.value() };
    }
  };

  /** The request body of POST /v1/meldingen (SubmitMeldingRequestDto). */
  const request = () => ({
    schoolId,
    subject: subject(),
    disease: disease.value,
    ...(disease.value === 'other' ? { diseaseOther: diseaseOther.value.trim() } : {}),
    onsetDate: noSymptoms.checked ? null : onset.value,
    lastDayPresent: lastDay.value,
    test: testDate.value && testResult.value ? { date: testDate.value, result: testResult.value } : null,
    groupIds: checkedValues(form, 'groupIds'),
    activities: checkedValues(form, 'activities'),
    contactPerson: {
      name: contactName.value.trim(),
      phone: contactPhone.value.trim(),
      ...(contactEmail.value.trim() ? { email: contactEmail.value.trim() } : {}),
    },
    ...(remarks.value.trim() ? { remarks: remarks.value.trim() } : {}),
  });

  /** What the browser can tell without asking the service: the required fields are there. */
  const missing = () => {
    const fields = [];
    const need = (ok, fieldName, key) => {
      if (!ok) fields.push({ field: fieldName, messages: [t(`melding.required.${key ?? fieldName}`)] });
    };
    if (kind() === 'pupil') need(pupilPicker.value(), 'pupil');
    if (kind() === 'staff') need(staffPicker.value(), 'staff');
    if (kind() === 'unlisted') {
      need(firstName.value.trim(), 'subject.firstName', 'firstName');
      need(lastName.value.trim(), 'subject.lastName', 'lastName');
      need(unlistedRole.value, 'subject.role', 'unlistedRole');
    }
    need(disease.value, 'disease');
    if (disease.value === 'other') need(diseaseOther.value.trim(), 'diseaseOther');
    need(noSymptoms.checked || onset.value, 'onsetDate');
    need(lastDay.value, 'lastDayPresent');
    // A test is optional, but then with its date and result; without symptoms it is needed.
    if (testResult.value || noSymptoms.checked) need(testDate.value, 'testDate');
    if (testDate.value || noSymptoms.checked) need(testResult.value, 'testResult');
    need(contactName.value.trim(), 'contactName');
    need(contactPhone.value.trim(), 'contactPhone');
    return fields;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      clearErrors(form);
      const absent = missing();
      if (absent.length > 0) {
        showErrors(form, { message: t('form.errorSummary'), fields: absent }, aliasesFor(kind()));
        return;
      }
      try {
        const answer = await api('/api/intake/v1/meldingen', {
          method: 'POST',
          json: request(),
          headers: { 'idempotency-key': idempotencyKey },
          signal,
        });
        idempotencyKey = crypto.randomUUID();
        showResult(answer);
      } catch (error) {
        if (error?.name === 'AbortError') return;
        if (
          error instanceof ApiError &&
          (error.status === 400 || error.status === 422) &&
          error.fields.length > 0
        ) {
          showErrors(form, { message: t('form.errorSummary'), fields: error.fields }, aliasesFor(kind()));
        } else {
          showErrors(form, { message: errorText(error) });
        }
      }
    });
  });

  const showResult = (answer) => {
    form.hidden = true;
    replace(
      result,
      el('h2', {}, t('melding.sent')),
      el(
        'p',
        { class: 'reference' },
        t('melding.reference'),
        ' ',
        el('strong', { 'data-testid': 'melding-reference' }, answer.reference),
      ),
      answer.merged === true
        ? el('p', { class: 'notice warning', 'data-testid': 'melding-merged' }, t('melding.merged'))
        : null,
      el('p', {}, t('melding.sentText')),
      el(
        'p',
        { class: 'actions' },
        el(
          'a',
          { href: '/meldingen', 'data-link': true, class: 'button primary', 'data-testid': 'to-meldingen' },
          t('melding.toList'),
        ),
        el(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            onclick: () => navigate('/melding'),
            'data-testid': 'melding-new',
          },
          t('melding.another'),
        ),
      ),
    );
    result.hidden = false;
    result.focus();
  };

  try {
    const body = await api(`/api/intake/v1/schools/${school}/groups`, { signal });
    const groups = [...(body?.items ?? [])].sort((a, b) =>
      String(a.name).localeCompare(String(b.name), 'nl', { numeric: true }),
    );
    const ticked = new Set(checkedValues(form, 'groupIds'));
    const extras = [...extraGroups.values()].filter(
      (extra) => !groups.some((group) => group.id === extra.id),
    );
    replace(
      groupChoices,
      groups.length + extras.length === 0
        ? el('p', { class: 'hint' }, t('melding.groupsNone'))
        : [...groups, ...extras].map((group) => groupChoice(group, ticked.has(group.id))),
    );
  } catch (error) {
    if (error?.name === 'AbortError') return;
    replace(groupChoices, el('p', { class: 'notice error' }, errorText(error)));
  }
}
