// The CLB's class notices for the school (intake's GET /v1/school-notices): per case the latest version, with the
// classes concerned, how many pupils and staff members got which measures and until when. Never a name.
import { api, errorText } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { t, tPlural } from '../lib/i18n.js';
import { activityLabel, diseaseLabel } from '../lib/labels.js';
import { exposureKindLabel, measureLabel, riskLabel } from '../lib/risk.js';

/** The most intake lists at once (PageRequestDto: limit ≤ 100). */
const PAGE_SIZE = 100;

/** "Quarantaine: van 20/11/2026 tot en met 27/11/2026, terug naar school op 30/11/2026". */
export function measureText(measure) {
  const parts = [];
  if (measure.from && measure.until)
    parts.push(t('notices.period', { from: formatDate(measure.from), until: formatDate(measure.until) }));
  else if (measure.until) parts.push(t('notices.until', { date: formatDate(measure.until) }));
  if (measure.onDate) parts.push(t('notices.onDate', { date: formatDate(measure.onDate) }));
  if (measure.deadline) parts.push(t('notices.deadline', { date: formatDateTime(measure.deadline) }));
  if (measure.returnToSchool) parts.push(t('notices.return', { date: formatDate(measure.returnToSchool) }));
  if (measure.earlyReturnToSchool)
    parts.push(t('notices.earlyReturn', { date: formatDate(measure.earlyReturnToSchool) }));
  const label = measureLabel(measure.kind);
  return parts.length > 0 ? `${label}: ${parts.join(', ')}` : label;
}

function who(group) {
  const parts = [];
  if (group.pupils > 0) parts.push(tPlural('notices.pupils', group.pupils));
  if (group.staff > 0) parts.push(tPlural('notices.staff', group.staff));
  return parts.join(t('notices.and'));
}

function classCard(notice, item) {
  // The roster's name of the class or group (intake adds it), else the kind of activity or exposure, in words.
  const name = item.name ?? (item.activity ? activityLabel(item.activity) : exposureKindLabel(item.kind));
  return el(
    'section',
    { class: 'notice-class', 'data-testid': 'notice-class', 'data-name': name },
    el(
      'h3',
      {},
      name,
      item.changed && notice.decisionVersion > 1
        ? el('span', { class: 'badge', 'data-testid': 'notice-changed' }, t('notices.changed'))
        : null,
    ),
    el('p', { class: 'muted' }, t('notices.lastContact', { date: formatDate(item.lastContactDate) })),
    el(
      'ul',
      { class: 'notice-groups' },
      item.groups.map((group) =>
        el(
          'li',
          { 'data-testid': 'notice-group', 'data-risk': group.risk },
          el('strong', {}, `${riskLabel(group.risk)} — ${who(group)}`),
          group.measures.length === 0
            ? el('p', {}, t('notices.noMeasures'))
            : el(
                'ul',
                {},
                group.measures.map((measure) => el('li', {}, measureText(measure))),
              ),
        ),
      ),
    ),
  );
}

function noticeCard(notice) {
  return el(
    'li',
    { class: 'card notice', 'data-testid': 'notice', 'data-version': String(notice.decisionVersion) },
    el(
      'div',
      { class: 'melding-head' },
      el('h2', {}, diseaseLabel(notice.disease)),
      notice.decisionVersion > 1
        ? el('span', { class: 'stage', 'data-testid': 'notice-updated' }, t('notices.updated'))
        : null,
    ),
    el(
      'p',
      { class: 'muted' },
      t('notices.issuedAt'),
      ' ',
      el('time', { datetime: notice.issuedAt }, formatDateTime(notice.issuedAt)),
    ),
    notice.classes.map((item) => classCard(notice, item)),
  );
}

export async function render({ main, signal }) {
  const heading = el('h1', { id: 'notices-heading' }, t('notices.heading'));
  const summary = el(
    'p',
    { class: 'intro', role: 'status', 'data-testid': 'notices-summary' },
    t('notices.loading'),
  );
  const list = el('ul', {
    class: 'cards',
    'data-testid': 'notices-list',
    'aria-labelledby': 'notices-heading',
  });
  main.append(heading, el('p', {}, t('notices.intro')), summary, list);
  try {
    const body = await api(`/api/intake/v1/school-notices?limit=${PAGE_SIZE}`, { signal });
    const notices = body?.items ?? [];
    summary.textContent = notices.length === 0 ? t('notices.none') : tPlural('notices.count', notices.length);
    replace(list, notices.map(noticeCard));
  } catch (error) {
    if (error?.name === 'AbortError') return;
    summary.textContent = errorText(error);
    summary.classList.add('error');
  }
}
