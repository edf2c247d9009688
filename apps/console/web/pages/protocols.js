// Disease protocols (risk-assessment): every protocol with its version in force and effective-from date, shipped
// examples flagged "voorbeeld — te valideren door een CLB-arts"; one protocol's versions, rules and audit trail.
// Admins add a version (JSON editor prefilled with the version in force, effective-from date, mandatory reason);
// doctors, coordinators and CLB staff read.
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace, setText } from '../lib/dom.js';
import { formatDate, formatDateTime, todayInBrussels } from '../lib/format.js';
import { busy, clearErrors, errorSummary, field, showErrors, submitButton } from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';
import { diseaseLabel, levelLabel } from '../lib/labels.js';
import { contactTypeLabel, measureLabel, riskLabel } from '../lib/risk.js';

const API = '/api/risk-assessment/v1/protocols';
/** Set by the service, not part of what an admin posts (CreateProtocolVersionRequestDto.definition). */
const SERVICE_FIELDS = ['protocolId', 'version', 'effectiveFrom'];

/** A definition without the fields the service sets: what the editor starts from. */
export function editableDefinition(definition) {
  const copy = { ...(definition ?? {}) };
  for (const key of SERVICE_FIELDS) delete copy[key];
  return copy;
}

/**
 * The API's field errors for the form: `definition.rules[0].measures[1].days` belongs to the definition field and
 * says where inside it ("rules[0].measures[1].days: …").
 */
export function formFieldErrors(fields) {
  return fields.map(({ field: name, messages }) => {
    if (!name.startsWith('definition.')) return { field: name, messages };
    const where = name.slice('definition.'.length);
    return { field: 'definition', messages: messages.map((text) => `${where}: ${text}`) };
  });
}

function measureText(measure) {
  const parts = [measureLabel(measure.kind)];
  if (measure.days !== undefined) parts.push(t('protocols.measureDays', { days: measure.days }));
  if (measure.onDay !== undefined) parts.push(t('protocols.measureOnDay', { day: measure.onDay }));
  if (typeof measure.withinHours === 'number')
    parts.push(t('protocols.measureHours', { hours: measure.withinHours }));
  if (typeof measure.withinHoursOfLastContact === 'number') {
    parts.push(t('protocols.measureHours', { hours: measure.withinHoursOfLastContact }));
  }
  return parts.join(' ');
}

function conditionsText(rule) {
  const parts = [];
  parts.push(rule.levels ? rule.levels.map(levelLabel).join(', ') : t('protocols.allLevels'));
  parts.push(
    rule.contactTypes ? rule.contactTypes.map(contactTypeLabel).join(', ') : t('protocols.allTypes'),
  );
  if (rule.when?.vaccinated) {
    parts.push(rule.when.vaccinated.map((state) => t(`protocols.vaccinated.${state}`)).join('/'));
  }
  if (rule.when?.minCasesInGroup) parts.push(t('protocols.minCases', { count: rule.when.minCasesInGroup }));
  if (rule.when?.maxCasesInGroup) parts.push(t('protocols.maxCases', { count: rule.when.maxCasesInGroup }));
  return parts.join(' · ');
}

export async function render({ main, session, signal }) {
  main.classList.add('wide');
  signal.addEventListener('abort', () => main.classList.remove('wide'));
  const isAdmin = session.user.role === 'admin';
  const summary = el('p', { role: 'status', 'data-testid': 'protocols-summary' }, t('list.loading'));
  const listBody = el('tbody', { 'data-testid': 'protocol-rows' });
  const detail = el('section', { class: 'protocol-detail', 'data-testid': 'protocol-detail', hidden: true });
  main.append(
    el('h1', {}, t('protocols.heading')),
    el('p', { class: 'intro' }, t('protocols.intro')),
    el('p', { class: 'notice warning', 'data-testid': 'protocols-disclaimer' }, t('protocols.disclaimer')),
    summary,
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'data-table', 'data-testid': 'protocols-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            [
              'protocols.col.disease',
              'protocols.col.version',
              'protocols.col.effectiveFrom',
              'protocols.col.source',
            ].map((key) => el('th', { scope: 'col' }, t(key))),
            el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('protocols.col.actions'))),
          ),
        ),
        listBody,
      ),
    ),
    detail,
  );

  // Admins see who made a version; others see "een beheerder" (the user list is admin-only).
  const names = new Map();
  if (isAdmin) {
    try {
      for (const user of (await api('/api/admin/users', { signal }))?.users ?? [])
        names.set(user.id, user.displayName);
    } catch (error) {
      if (error?.name === 'AbortError') return;
    }
  }
  const who = (id) =>
    id === 'system'
      ? t('team.system')
      : (names.get(id) ?? (id === session.user.id ? session.user.displayName : t('protocols.anAdmin')));

  let protocols = [];
  const loadList = async () => {
    const body = await api(API, { signal });
    protocols = body?.items ?? [];
    setText(summary, tPlural('protocols.count', protocols.length));
    replace(
      listBody,
      protocols.map((protocol) =>
        el(
          'tr',
          { 'data-testid': 'protocol-row', 'data-protocol': protocol.protocolId },
          el(
            'td',
            { 'data-label': t('protocols.col.disease') },
            el('strong', {}, protocol.title || diseaseLabel(protocol.protocolId)),
            protocol.example
              ? el(
                  'span',
                  { class: 'badge-example block', 'data-testid': 'protocol-example-warning' },
                  t('protocols.exampleBadge'),
                )
              : null,
          ),
          el(
            'td',
            { 'data-label': t('protocols.col.version') },
            t('protocols.versionOf', { version: protocol.currentVersion }),
            protocol.latestVersion && protocol.latestVersion > protocol.currentVersion
              ? el(
                  'span',
                  { class: 'muted block' },
                  t('protocols.laterVersion', { version: protocol.latestVersion }),
                )
              : null,
          ),
          el('td', { 'data-label': t('protocols.col.effectiveFrom') }, formatDate(protocol.effectiveFrom)),
          el(
            'td',
            { 'data-label': t('protocols.col.source') },
            t(`protocols.source.${protocol.source}`),
            el('span', { class: 'muted block' }, tPlural('protocols.versions', protocol.versionCount)),
          ),
          el(
            'td',
            { 'data-label': t('protocols.col.actions') },
            el(
              'button',
              {
                type: 'button',
                class: 'button secondary small',
                'data-testid': 'protocol-open',
                onclick: () => void open(protocol.protocolId),
              },
              t('protocols.open'),
            ),
          ),
        ),
      ),
    );
  };

  /** One protocol: versions, the chosen version's rules and JSON, the form (admins), the audit trail. */
  const open = async (disease, { version, focus = true } = {}) => {
    const url = new URL(location.href);
    url.searchParams.set('protocol', disease);
    history.replaceState(null, '', url);
    detail.hidden = false;
    replace(detail, el('p', { role: 'status' }, t('list.loading')));
    let versions;
    let audit;
    try {
      [versions, audit] = await Promise.all([
        api(`${API}/${encodeURIComponent(disease)}`, { signal }),
        api(`${API}/${encodeURIComponent(disease)}/audit`, { signal }),
      ]);
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return;
      replace(detail, el('p', { class: 'notice error', role: 'alert' }, errorText(error)));
      return;
    }
    const stored = versions.versions ?? [];
    const currentDefinition =
      stored.find((row) => row.version === versions.current?.version)?.definition ?? versions.example;
    const shown = version ?? versions.current?.version;
    const shownDefinition = stored.find((row) => row.version === shown)?.definition ?? currentDefinition;
    const heading = el(
      'h2',
      { tabindex: '-1' },
      t('protocols.detailHeading', { title: shownDefinition?.title ?? diseaseLabel(disease) }),
    );

    const versionRows = stored.map((row) =>
      el(
        'tr',
        { 'data-testid': 'protocol-version-row', 'data-version': String(row.version) },
        el(
          'td',
          { 'data-label': t('protocols.col.version') },
          t('protocols.versionOf', { version: row.version }),
          row.version === versions.current?.version
            ? el('span', { class: 'badge-current block' }, t('protocols.inForce'))
            : null,
        ),
        el('td', { 'data-label': t('protocols.col.effectiveFrom') }, formatDate(row.effectiveFrom)),
        el(
          'td',
          { 'data-label': t('protocols.col.createdBy') },
          who(row.createdBy),
          el('span', { class: 'muted block' }, formatDateTime(row.createdAt)),
        ),
        el(
          'td',
          { 'data-label': t('protocols.col.actions') },
          el(
            'button',
            {
              type: 'button',
              class: 'button link',
              'data-testid': 'protocol-version-view',
              'aria-pressed': String(row.version === shown),
              onclick: () => void open(disease, { version: row.version }),
            },
            t('protocols.view'),
          ),
        ),
      ),
    );

    const rules = (shownDefinition?.rules ?? []).map((rule) =>
      el(
        'tr',
        { 'data-testid': 'protocol-rule', 'data-rule': rule.id },
        el(
          'td',
          { 'data-label': t('protocols.rule.description') },
          rule.description,
          el('code', { class: 'muted block' }, rule.id),
        ),
        el('td', { 'data-label': t('protocols.rule.when') }, conditionsText(rule)),
        el('td', { 'data-label': t('protocols.rule.risk') }, riskLabel(rule.risk)),
        el(
          'td',
          { 'data-label': t('protocols.rule.measures') },
          rule.measures.length > 0 ? rule.measures.map(measureText).join('; ') : t('case.noMeasures'),
        ),
        el('td', { 'data-label': t('protocols.rule.letter') }, rule.letterKind ?? t('protocols.noLetter')),
      ),
    );

    const auditItems = (audit?.items ?? []).map((entry) =>
      el(
        'li',
        {
          'data-testid': 'protocol-audit-entry',
          'data-action': entry.action,
          'data-version': String(entry.version),
        },
        el('time', { datetime: entry.at }, formatDateTime(entry.at)),
        ' — ',
        el('strong', {}, t(`protocols.audit.${entry.action}`, { version: entry.version })),
        ` — ${who(entry.actor)}`,
        el('span', { class: 'block', 'data-testid': 'protocol-audit-reason' }, entry.reason),
        entry.changes?.length > 0
          ? el(
              'details',
              {},
              el('summary', {}, tPlural('protocols.changes', entry.changes.length)),
              el(
                'ul',
                { class: 'changes' },
                entry.changes
                  .slice(0, 50)
                  .map((change) =>
                    el(
                      'li',
                      {},
                      el('code', {}, change.path || t('protocols.wholeDefinition')),
                      ': ',
                      change.before === undefined ? t('protocols.absent') : JSON.stringify(change.before),
                      ' → ',
                      change.after === undefined ? t('protocols.absent') : JSON.stringify(change.after),
                    ),
                  ),
              ),
            )
          : null,
      ),
    );

    replace(
      detail,
      heading,
      shownDefinition?.example
        ? el(
            'p',
            { class: 'notice warning', 'data-testid': 'protocol-warning' },
            el('strong', {}, t('protocols.exampleBadge')),
            shownDefinition.warning ? el('span', { class: 'block' }, shownDefinition.warning) : null,
          )
        : null,
      versions.current?.source === 'example'
        ? el('p', { class: 'hint' }, t('protocols.exampleInForce'))
        : null,
      el('h3', {}, t('protocols.versionsHeading')),
      stored.length === 0
        ? el('p', { class: 'muted' }, t('protocols.noStoredVersions'))
        : el(
            'div',
            { class: 'table-scroll' },
            el(
              'table',
              { class: 'data-table', 'data-testid': 'protocol-versions' },
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  ['protocols.col.version', 'protocols.col.effectiveFrom', 'protocols.col.createdBy'].map(
                    (key) => el('th', { scope: 'col' }, t(key)),
                  ),
                  el(
                    'th',
                    { scope: 'col' },
                    el('span', { class: 'visually-hidden' }, t('protocols.col.actions')),
                  ),
                ),
              ),
              el('tbody', {}, versionRows),
            ),
          ),
      el(
        'h3',
        { 'data-testid': 'protocol-shown-version', 'data-version': String(shownDefinition?.version ?? '') },
        t('protocols.rulesHeading', {
          version: shownDefinition?.version ?? '',
          from: formatDate(shownDefinition?.effectiveFrom),
        }),
      ),
      shownDefinition?.source ? el('p', { class: 'hint' }, shownDefinition.source) : null,
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'data-table', 'data-testid': 'protocol-rules' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              [
                'protocols.rule.description',
                'protocols.rule.when',
                'protocols.rule.risk',
                'protocols.rule.measures',
                'protocols.rule.letter',
              ].map((key) => el('th', { scope: 'col' }, t(key))),
            ),
          ),
          el('tbody', {}, rules),
        ),
      ),
      el(
        'details',
        { class: 'json' },
        el('summary', {}, t('protocols.json')),
        el('pre', { 'data-testid': 'protocol-definition' }, JSON.stringify(shownDefinition, null, 2)),
      ),
      isAdmin
        ? versionForm(disease, currentDefinition)
        : el('p', { class: 'hint' }, t('protocols.adminOnly')),
      el('h3', {}, t('protocols.auditHeading')),
      auditItems.length > 0
        ? el('ol', { class: 'timeline', 'data-testid': 'protocol-audit' }, auditItems)
        : el('p', { class: 'muted' }, t('protocols.noAudit')),
    );
    if (focus) heading.focus();
  };

  /** Admins: a new version, starting from the version in force. */
  const versionForm = (disease, currentDefinition) => {
    const effectiveFrom = el('input', {
      type: 'date',
      min: todayInBrussels(),
      value: todayInBrussels(),
      'data-testid': 'protocol-effective-from',
    });
    const reason = el('textarea', { rows: '2', maxlength: '1000', 'data-testid': 'protocol-reason' });
    const definition = el('textarea', {
      rows: '24',
      spellcheck: 'false',
      class: 'code',
      'data-testid': 'protocol-json',
    });
    definition.value = JSON.stringify(editableDefinition(currentDefinition), null, 2);
    const form = el(
      'form',
      { class: 'form wide', novalidate: true, 'data-testid': 'protocol-form' },
      el('h3', {}, t('protocols.newVersion')),
      el('p', { class: 'hint' }, t('protocols.newVersionIntro')),
      errorSummary(),
      field({
        key: 'effectiveFrom',
        label: t('protocols.effectiveFrom'),
        hint: t('protocols.effectiveFromHint'),
        control: effectiveFrom,
      }),
      field({
        key: 'reason',
        label: t('protocols.reason'),
        hint: t('protocols.reasonHint'),
        control: reason,
      }),
      field({
        key: 'definition',
        label: t('protocols.definition'),
        hint: t('protocols.definitionHint'),
        control: definition,
      }),
      el('p', { class: 'form-actions' }, submitButton(t('protocols.submit'), 'protocol-submit')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problems = [];
      if (!effectiveFrom.value)
        problems.push({ field: 'effectiveFrom', messages: [t('protocols.required.effectiveFrom')] });
      if (!reason.value.trim())
        problems.push({ field: 'reason', messages: [t('protocols.required.reason')] });
      let parsed = null;
      try {
        parsed = JSON.parse(definition.value);
      } catch (error) {
        problems.push({
          field: 'definition',
          messages: [t('protocols.invalidJson', { error: error.message })],
        });
      }
      if (problems.length > 0) {
        showErrors(form, { message: t('form.errorSummary'), fields: problems });
        return;
      }
      void busy(form, async () => {
        try {
          const created = await api(`${API}/${encodeURIComponent(disease)}/versions`, {
            method: 'POST',
            json: { effectiveFrom: effectiveFrom.value, reason: reason.value.trim(), definition: parsed },
            signal,
          });
          clearErrors(form);
          await loadList();
          await open(disease, { version: created.version, focus: false });
          const done = el(
            'p',
            { class: 'notice success', role: 'status', 'data-testid': 'protocol-created' },
            t('protocols.created', { version: created.version, from: formatDate(created.effectiveFrom) }),
          );
          detail.prepend(done);
          done.scrollIntoView({ block: 'nearest' });
        } catch (error) {
          if (signal.aborted || error?.name === 'AbortError') return;
          showErrors(form, {
            message: errorText(error),
            fields: error instanceof ApiError ? formFieldErrors(error.fields) : [],
          });
        }
      });
    });
    return form;
  };

  try {
    await loadList();
  } catch (error) {
    if (signal.aborted || error?.name === 'AbortError') return;
    setText(summary, errorText(error));
    summary.classList.add('error');
    return;
  }
  const wanted = new URLSearchParams(location.search).get('protocol');
  if (wanted && protocols.some((protocol) => protocol.protocolId === wanted))
    await open(wanted, { focus: false });
}
