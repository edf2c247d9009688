// Roster upload: the school picks its CSV export, the console forwards it to intake, and the page follows the
// import until it is applied or rejected, with a row-level report (line, field, reason) of what to fix.
// The import status is intake's RosterImportResponseDto (apps/intake/src/rosters/dto/roster-import.response.dto.ts):
// { importId, status: queued|validating|applying|applied|rejected|failed, total, processed,
//   counts: { created, updated, unchanged, gone }, errors: [{ line, field, reason }], errorCount, ignoredColumns,
//   createdAt, finishedAt }.
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace, setText } from '../lib/dom.js';
import { formatDateTime, nextSchoolYear, schoolYearOf, todayInBrussels } from '../lib/format.js';
import { busy, clearErrors, errorSummary, field, showErrors, submitButton } from '../lib/forms.js';
import { t, tPlural } from '../lib/i18n.js';
import { currentSchoolId, schoolName } from '../lib/schools.js';

const POLL_MS = 1000;
const MAX_BYTES = 50 * 1024 * 1024;
const RUNNING = new Set(['queued', 'validating', 'applying']);
const COUNTS = ['created', 'updated', 'unchanged', 'gone'];
/** Intake's field names for a refused upload → this form's fields. */
const ALIASES = { body: 'file', schoolYear: 'schoolYear' };

/** applied | rejected | failed | running, from an import's status. */
export function importOutcome(status) {
  if (status === 'applied' || status === 'rejected' || status === 'failed') return status;
  return RUNNING.has(status) ? 'running' : 'failed';
}

/** The rows of the report: [{ line, field, reason }]. */
function rowErrors(body) {
  return Array.isArray(body?.errors) ? body.errors : [];
}

export async function render({ main, session, signal }) {
  const schoolId = currentSchoolId(session);
  const heading = el('h1', {}, t('roster.heading'));
  main.append(heading, el('p', { class: 'intro' }, t('roster.intro')));
  if (!schoolId) {
    main.append(el('p', { class: 'notice error' }, t('school.none')));
    return;
  }
  void schoolName(schoolId).then((name) => {
    if (!signal.aborted && name !== schoolId) heading.textContent = t('roster.headingFor', { school: name });
  });

  const thisYear = schoolYearOf(todayInBrussels());
  const year = el(
    'select',
    { 'data-testid': 'roster-school-year' },
    [thisYear, nextSchoolYear(thisYear)].map((value) =>
      el('option', { value }, t('roster.schoolYearValue', { year: value })),
    ),
  );
  const file = el('input', { type: 'file', accept: '.csv,text/csv', 'data-testid': 'roster-file' });
  const form = el(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'roster-form' },
    errorSummary(),
    field({ key: 'schoolYear', label: t('roster.schoolYear'), control: year }),
    field({ key: 'file', label: t('roster.file'), hint: t('roster.fileHint'), control: file }),
    el('p', { class: 'form-actions' }, submitButton(t('roster.submit'), 'roster-submit')),
  );
  const status = el('p', {
    class: 'import-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'roster-status',
    hidden: true,
  });
  const when = el('p', { class: 'hint', hidden: true, 'data-testid': 'roster-when' });
  const progress = el('progress', { max: '100', hidden: true, 'data-testid': 'roster-progress' });
  const counts = el('dl', { class: 'counts import-counts', hidden: true, 'data-testid': 'roster-counts' });
  const ignored = el('p', { class: 'hint', hidden: true, 'data-testid': 'roster-ignored' });
  const report = el('section', {
    class: 'report',
    hidden: true,
    'data-testid': 'roster-report',
    'aria-labelledby': 'roster-report-title',
  });
  main.append(form, el('div', { class: 'import' }, status, when, progress, counts, ignored), report);

  const show = (state, text) => {
    status.dataset.state = state;
    setText(status, text);
    status.hidden = false;
  };

  const showReport = (errors, errorCount) => {
    if (errors.length === 0) {
      report.hidden = true;
      report.replaceChildren();
      return;
    }
    replace(
      report,
      el('h2', { id: 'roster-report-title' }, tPlural('roster.reportTitle', errorCount)),
      el('p', {}, t('roster.reportIntro')),
      errorCount > errors.length
        ? el(
            'p',
            { class: 'notice warning', 'data-testid': 'roster-report-truncated' },
            t('roster.reportTruncated', { shown: errors.length, count: errorCount }),
          )
        : null,
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          { class: 'report-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'col' }, t('roster.line')),
              el('th', { scope: 'col' }, t('roster.field')),
              el('th', { scope: 'col' }, t('roster.reason')),
            ),
          ),
          el(
            'tbody',
            {},
            errors.map((error) =>
              el(
                'tr',
                { 'data-testid': 'roster-error-row' },
                el('td', { class: 'num' }, String(error.line)),
                el('td', {}, String(error.field)),
                el('td', {}, String(error.reason)),
              ),
            ),
          ),
        ),
      ),
    );
    report.hidden = false;
  };

  const showCounts = (body) => {
    if (!body?.counts) {
      counts.hidden = true;
      return;
    }
    replace(
      counts,
      COUNTS.map((key) =>
        el(
          'div',
          { class: 'count' },
          el('dt', {}, t(`roster.count.${key}`)),
          el('dd', { 'data-testid': `roster-count-${key}` }, String(body.counts[key] ?? 0)),
        ),
      ),
    );
    counts.hidden = false;
  };

  const showIgnored = (body) => {
    const columns = Array.isArray(body?.ignoredColumns) ? body.ignoredColumns : [];
    ignored.hidden = columns.length === 0;
    ignored.textContent =
      columns.length > 0 ? t('roster.ignoredColumns', { columns: columns.join(', ') }) : '';
  };

  const clearResult = () => {
    progress.hidden = true;
    counts.hidden = true;
    ignored.hidden = true;
    when.hidden = true;
    showReport([], 0);
  };

  /** Shows one import's state; true when it is finished. */
  const showImport = (body) => {
    const outcome = importOutcome(body?.status);
    if (body?.createdAt) {
      when.textContent = t('roster.uploadedAt', {
        at: formatDateTime(body.createdAt),
        year: body.schoolYear ?? '',
      });
      when.hidden = false;
    }
    if (outcome === 'running') {
      const { processed, total } = body;
      if (body.status === 'validating' && total > 0) {
        progress.max = total;
        progress.value = Math.min(processed, total);
        progress.hidden = false;
        show('running', t('roster.progress', { processed: Math.min(processed, total), total }));
      } else {
        progress.hidden = true;
        show('running', t(body.status === 'applying' ? 'roster.applying' : 'roster.queued'));
      }
      return false;
    }
    progress.hidden = true;
    if (outcome === 'applied') {
      show('applied', t('roster.appliedRows', { pupils: tPlural('roster.pupils', body.total) }));
      showCounts(body);
      showIgnored(body);
      showReport([], 0);
    } else if (outcome === 'rejected') {
      const errors = rowErrors(body);
      const errorCount = Math.max(body.errorCount ?? 0, errors.length);
      show('rejected', tPlural('roster.rejectedErrors', errorCount));
      counts.hidden = true;
      showIgnored(body);
      showReport(errors, errorCount);
    } else {
      show('rejected', t('roster.failed'));
      counts.hidden = true;
      ignored.hidden = true;
      showReport([], 0);
    }
    return true;
  };

  // Each upload (and the look at the latest one) is a generation: an older one stops updating the view.
  let generation = 0;

  /** Follows one import until it ends, the user leaves the view or uploads another file. */
  const follow = async (importId, mine) => {
    for (;;) {
      const body = await api(`/api/intake/v1/roster-imports/${encodeURIComponent(importId)}`, { signal });
      if (mine !== generation) return;
      if (showImport(body)) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (signal.aborted || mine !== generation) return;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      const chosen = file.files?.[0];
      if (!chosen) {
        showErrors(form, {
          message: t('form.errorSummary'),
          fields: [{ field: 'file', messages: [t('roster.fileMissing')] }],
        });
        return;
      }
      if (chosen.size > MAX_BYTES) {
        showErrors(form, {
          message: t('form.errorSummary'),
          fields: [{ field: 'file', messages: [t('roster.fileTooLarge')] }],
        });
        return;
      }
      const mine = ++generation;
      clearErrors(form);
      clearResult();
      show('running', t('roster.uploading'));
      try {
        const answer = await api(
          `/api/intake/v1/schools/${encodeURIComponent(schoolId)}/roster-imports/csv?schoolYear=${encodeURIComponent(year.value)}`,
          { method: 'POST', body: chosen, headers: { 'content-type': 'text/csv' }, signal },
        );
        await follow(answer.importId, mine);
        file.value = '';
      } catch (error) {
        if (error?.name === 'AbortError' || mine !== generation) return;
        progress.hidden = true;
        show('rejected', errorText(error));
        if (error instanceof ApiError && error.fields.length > 0) {
          showErrors(form, { message: errorText(error), fields: error.fields }, ALIASES);
        }
      }
    });
  });

  // The latest upload, so a school that comes back sees how its last file fared (or follows it while it runs).
  const mine = generation;
  try {
    const latest = await api(`/api/intake/v1/schools/${encodeURIComponent(schoolId)}/roster-imports`, {
      signal,
    });
    const last = Array.isArray(latest?.items) ? latest.items[0] : undefined;
    if (last && mine === generation && !showImport(last)) await follow(last.importId, mine);
  } catch (error) {
    if (error?.name === 'AbortError') return;
    // Not knowing the last upload does not stop a new one; the form stays usable.
  }
}
