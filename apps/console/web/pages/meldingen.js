// The school's meldingen, newest first, each with its stage in words: ontvangen, in beoordeling, maatregelen
// beslist, brieven verstuurd.
import { api, errorText } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { t, tPlural } from '../lib/i18n.js';
import { diseaseLabel, meldingStage, meldingStatusLabel, subjectKindLabel } from '../lib/labels.js';
import { currentSchoolId, schoolName } from '../lib/schools.js';

/** The most intake lists at once (ListMeldingenRequestDto: limit ≤ 100). */
const PAGE_SIZE = 100;

function fact(label, value, testid) {
  return el('div', {}, el('dt', {}, label), el('dd', testid ? { 'data-testid': testid } : {}, value));
}

/** One melding of intake's list (MeldingResponseDto: no names, no contact details). */
function row(melding) {
  const stage = meldingStage(melding.status);
  return el(
    'li',
    {
      class: 'card melding',
      'data-testid': 'melding-row',
      'data-stage': stage ?? 'unknown',
      'data-reference': melding.reference,
    },
    el(
      'div',
      { class: 'melding-head' },
      el('h2', { class: 'melding-title' }, diseaseLabel(melding.disease)),
      el(
        'span',
        { class: `stage stage-${stage ?? 'unknown'}`, 'data-testid': 'melding-status' },
        meldingStatusLabel(melding.status),
      ),
    ),
    el(
      'dl',
      { class: 'facts' },
      fact(t('meldingen.reference'), melding.reference, 'melding-row-reference'),
      fact(t('meldingen.subject'), subjectKindLabel(melding.subjectKind)),
      melding.onsetDate ? fact(t('meldingen.onsetDate'), formatDate(melding.onsetDate)) : null,
      fact(t('meldingen.lastDayPresent'), formatDate(melding.lastDayPresent)),
      fact(
        t('meldingen.receivedAt'),
        el('time', { datetime: melding.createdAt }, formatDateTime(melding.createdAt)),
      ),
      melding.status !== 'received'
        ? fact(
            t('meldingen.statusChangedAt'),
            el('time', { datetime: melding.statusChangedAt }, formatDateTime(melding.statusChangedAt)),
          )
        : null,
    ),
  );
}

export async function render({ main, session, signal }) {
  const schoolId = currentSchoolId(session);
  const heading = el('h1', {}, t('meldingen.heading'));
  const summary = el(
    'p',
    { class: 'intro', role: 'status', 'data-testid': 'meldingen-summary' },
    t('meldingen.loading'),
  );
  const list = el('ul', {
    class: 'cards',
    'data-testid': 'meldingen-list',
    'aria-labelledby': 'meldingen-heading',
  });
  heading.id = 'meldingen-heading';
  main.append(
    heading,
    el(
      'p',
      {},
      el(
        'a',
        { href: '/melding', 'data-link': true, class: 'button primary', 'data-testid': 'meldingen-new' },
        t('home.school.report'),
      ),
    ),
    summary,
    list,
  );
  if (!schoolId) {
    summary.textContent = t('school.none');
    return;
  }
  void schoolName(schoolId).then((name) => {
    if (!signal.aborted && name !== schoolId)
      heading.textContent = t('meldingen.headingFor', { school: name });
  });
  try {
    // Newest first, as intake lists them.
    const body = await api(
      `/api/intake/v1/meldingen?schoolId=${encodeURIComponent(schoolId)}&limit=${PAGE_SIZE}`,
      { signal },
    );
    const meldingen = body?.items ?? [];
    summary.textContent =
      meldingen.length === 0
        ? t('meldingen.none')
        : meldingen.length >= PAGE_SIZE
          ? t('meldingen.latest', { count: PAGE_SIZE })
          : tPlural('meldingen.count', meldingen.length);
    replace(list, meldingen.map(row));
  } catch (error) {
    if (error?.name === 'AbortError') return;
    summary.textContent = errorText(error);
    summary.classList.add('error');
  }
}
