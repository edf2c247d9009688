// The CLB's risk queue (doctors, CLB staff; coordinators read): cases in the API's order (urgency, deadline,
// waiting time), the waiting time counting live, new cases appearing without a reload (server-sent events), and a
// claim button. Made for a desktop; on a phone the table becomes a list of cards.
import { ApiError, api, errorText } from '../lib/api.js';
import { el, replace, setText } from '../lib/dom.js';
import { t, tPlural } from '../lib/i18n.js';
import { diseaseLabel } from '../lib/labels.js';
import { watchCases } from '../lib/live.js';
import {
  QUEUE_FILTERS,
  caseStatusLabel,
  compareQueue,
  deadlineText,
  inFilter,
  urgencyLabel,
  waitingText,
} from '../lib/risk.js';
import { loadTeam } from '../lib/team.js';

/** The most cases the API lists at once (ListCasesRequestDto: limit ≤ 500). */
const PAGE_SIZE = 200;
/** The waiting times and deadlines are rewritten this often. */
const TICK_MS = 15_000;
/** A case that arrived live stays marked as new this long. */
const NEW_MARK_MS = 60_000;

const CLAIMERS = ['doctor', 'clb-staff'];

function cell(label, ...children) {
  return el('td', { 'data-label': label }, ...children);
}

export async function render({ main, session, signal }) {
  main.classList.add('wide');
  signal.addEventListener('abort', () => main.classList.remove('wide'));
  const canClaim = CLAIMERS.includes(session.user.role);
  const params = new URLSearchParams(location.search);
  let filter = QUEUE_FILTERS.includes(params.get('status')) ? params.get('status') : 'open';
  /** id → { item, receivedAt (performance.now()), isNew } */
  const cases = new Map();
  let total = 0;

  const filterSelect = el(
    'select',
    { id: 'queue-filter', 'data-testid': 'queue-filter' },
    QUEUE_FILTERS.map((id) => el('option', { value: id, selected: id === filter }, t(`queue.filter.${id}`))),
  );
  const live = el(
    'p',
    { class: 'live-state', 'data-testid': 'queue-live', 'data-state': 'connecting' },
    t('live.connecting'),
  );
  const summary = el(
    'p',
    { class: 'intro', role: 'status', 'data-testid': 'queue-summary' },
    t('list.loading'),
  );
  const announcer = el('p', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'data-testid': 'queue-announcer',
  });
  const notice = el('p', {
    class: 'notice error',
    role: 'alert',
    hidden: true,
    'data-testid': 'queue-error',
  });
  const body = el('tbody', { 'data-testid': 'queue-rows' });
  const headings = [
    'queue.col.urgency',
    'queue.col.case',
    'queue.col.school',
    'queue.col.deadline',
    'queue.col.waiting',
    'queue.col.contacts',
    'queue.col.assignee',
  ];
  const table = el(
    'table',
    { class: 'data-table queue-table', 'data-testid': 'queue-table', 'aria-describedby': 'queue-intro' },
    el('caption', { class: 'visually-hidden' }, t('queue.caption')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headings.map((key) => el('th', { scope: 'col' }, t(key))),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('queue.col.actions'))),
      ),
    ),
    body,
  );
  main.append(
    el('h1', {}, t('queue.heading')),
    el('p', { class: 'intro', id: 'queue-intro' }, t('queue.intro')),
    el(
      'div',
      { class: 'toolbar' },
      el(
        'div',
        { class: 'field inline' },
        el('label', { for: 'queue-filter' }, t('queue.filter')),
        filterSelect,
      ),
      live,
    ),
    notice,
    summary,
    announcer,
    el('div', { class: 'table-scroll' }, table),
  );

  const team = await loadTeam(session, signal);
  if (signal.aborted) return;

  const assigneeCell = (item) => {
    if (item.assigneeId) {
      return item.assigneeId === session.user.id ? t('queue.assignedToYou') : team.nameOf(item.assigneeId);
    }
    if (!canClaim || item.status !== 'open') return t('queue.unassigned');
    return el(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        'data-testid': 'queue-claim',
        'aria-label': t('queue.claimFor', { reference: item.reference }),
        onclick: (event) => void claim(item, event.currentTarget),
      },
      t('queue.claim'),
    );
  };

  const row = ({ item, receivedAt, isNew }) => {
    const deadline = deadlineText(item.deadline);
    return el(
      'tr',
      {
        class: `queue-row queue-urgency-${item.urgency}${isNew ? ' is-new' : ''}`,
        'data-testid': 'queue-row',
        'data-case-id': item.id,
        'data-reference': item.reference,
        'data-urgency': item.urgency,
        'data-status': item.status,
      },
      cell(
        t('queue.col.urgency'),
        el(
          'span',
          { class: `urgency urgency-${item.urgency}`, 'data-testid': 'queue-urgency' },
          urgencyLabel(item.urgency),
        ),
        isNew ? el('span', { class: 'badge-new', 'data-testid': 'queue-new' }, t('queue.new')) : null,
      ),
      cell(
        t('queue.col.case'),
        el(
          'a',
          {
            href: `/dossiers/${encodeURIComponent(item.id)}`,
            'data-link': true,
            'data-testid': 'queue-open',
          },
          diseaseLabel(item.disease),
        ),
        el('span', { class: 'muted block', 'data-testid': 'queue-reference' }, item.reference),
        item.status !== 'open' || item.reassessment
          ? el(
              'span',
              { class: 'muted block' },
              item.reassessment && item.status === 'open'
                ? t('queue.reassessment')
                : caseStatusLabel(item.status),
            )
          : null,
      ),
      cell(t('queue.col.school'), item.schoolName ?? t('queue.unknownSchool')),
      cell(
        t('queue.col.deadline'),
        el(
          'span',
          {
            class: deadline.overdue ? 'deadline overdue' : 'deadline',
            'data-testid': 'queue-deadline',
            'data-deadline': item.deadline ?? '',
          },
          deadline.text,
        ),
      ),
      cell(
        t('queue.col.waiting'),
        el(
          'span',
          { class: 'waiting', 'data-testid': 'queue-waiting', 'data-case-id': item.id },
          waitingText(item, receivedAt),
        ),
      ),
      cell(
        t('queue.col.contacts'),
        tPlural('queue.contacts', item.contactCount),
        item.highRiskCount > 0
          ? el('span', { class: 'muted block' }, tPlural('queue.highRisk', item.highRiskCount))
          : null,
      ),
      cell(t('queue.col.assignee'), assigneeCell(item)),
      cell(
        t('queue.col.actions'),
        el(
          'a',
          {
            href: `/dossiers/${encodeURIComponent(item.id)}`,
            'data-link': true,
            class: 'button primary small',
            'aria-label': t('queue.openFor', { reference: item.reference }),
          },
          t('queue.open'),
        ),
      ),
    );
  };

  const sorted = () => [...cases.values()].sort((a, b) => compareQueue(filter)(a.item, b.item));

  const draw = () => {
    const entries = sorted();
    replace(body, entries.map(row));
    table.hidden = entries.length === 0;
    const count = entries.length;
    setText(
      summary,
      count === 0
        ? t(`queue.none.${filter}`)
        : total > count
          ? t('queue.partial', { count, total })
          : tPlural(`queue.count.${filter}`, count),
    );
  };

  /** Rewrites only the clock texts (no re-render, so focus and screen readers are left alone). */
  const tick = () => {
    for (const tr of body.querySelectorAll('tr[data-case-id]')) {
      const entry = cases.get(tr.dataset.caseId);
      if (!entry) continue;
      setText(tr.querySelector('.waiting'), waitingText(entry.item, entry.receivedAt));
      const deadline = deadlineText(entry.item.deadline);
      const span = tr.querySelector('.deadline');
      setText(span, deadline.text);
      span.classList.toggle('overdue', deadline.overdue);
    }
  };

  let loading = null;
  let again = false;
  /** Live changes that arrived while a fetch ran: the fetch may have read the database before them. */
  let arrivedDuringLoad = [];
  /** Fetches the queue; a request while one is running is done once more afterwards. */
  const load = async () => {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        arrivedDuringLoad = [];
        try {
          const answer = await api(
            `/api/risk-assessment/v1/cases?status=${encodeURIComponent(filter)}&limit=${PAGE_SIZE}`,
            { signal, background: cases.size > 0 },
          );
          const now = performance.now();
          const fresh = new Map();
          for (const item of answer?.items ?? []) {
            fresh.set(item.id, { item, receivedAt: now, isNew: cases.get(item.id)?.isNew ?? false });
          }
          cases.clear();
          for (const [id, entry] of fresh) cases.set(id, entry);
          total = typeof answer?.total === 'number' ? answer.total : cases.size;
          notice.hidden = true;
          draw();
          for (const { kind, item } of arrivedDuringLoad) {
            const listed = fresh.get(item.id)?.item;
            if (!listed || Date.parse(item.changedAt) > Date.parse(listed.changedAt)) apply(kind, item);
          }
          arrivedDuringLoad = [];
          main.dataset.loaded = 'true';
        } catch (error) {
          if (signal.aborted || error?.name === 'AbortError') return;
          notice.textContent = errorText(error);
          notice.hidden = false;
          if (cases.size === 0) setText(summary, '');
        }
      } while (again && !signal.aborted);
    })().finally(() => {
      loading = null;
    });
    return loading;
  };

  const upsert = (kind, item) => {
    if (loading) arrivedDuringLoad.push({ kind, item });
    apply(kind, item);
  };

  const apply = (kind, item) => {
    const known = cases.has(item.id);
    if (!inFilter(item, filter)) {
      if (known) {
        cases.delete(item.id);
        total = Math.max(0, total - 1);
        draw();
      }
      return;
    }
    const isNew = kind === 'case-opened' || (!known && item.status === 'open');
    cases.set(item.id, {
      item,
      receivedAt: performance.now(),
      isNew: isNew || (cases.get(item.id)?.isNew ?? false),
    });
    if (!known) total += 1;
    draw();
    if (isNew && !known) {
      setText(
        announcer,
        t('queue.arrived', {
          disease: diseaseLabel(item.disease),
          school: item.schoolName ?? '',
          urgency: urgencyLabel(item.urgency),
        }),
      );
      setTimeout(() => {
        const entry = cases.get(item.id);
        if (!entry || signal.aborted) return;
        entry.isNew = false;
        body.querySelector(`tr[data-case-id="${CSS.escape(item.id)}"]`)?.classList.remove('is-new');
        body.querySelector(`tr[data-case-id="${CSS.escape(item.id)}"] [data-testid="queue-new"]`)?.remove();
      }, NEW_MARK_MS);
    }
  };

  const claim = async (item, button) => {
    button.disabled = true;
    notice.hidden = true;
    try {
      const detail = await api(`/api/risk-assessment/v1/cases/${encodeURIComponent(item.id)}/claim`, {
        method: 'POST',
        signal,
      });
      upsert('case-changed', detail);
    } catch (error) {
      if (signal.aborted || error?.name === 'AbortError') return;
      notice.textContent = errorText(error);
      notice.hidden = false;
      button.disabled = false;
      if (error instanceof ApiError && error.status === 409) void load();
    }
  };

  filterSelect.addEventListener('change', () => {
    filter = filterSelect.value;
    const url = new URL(location.href);
    if (filter === 'open') url.searchParams.delete('status');
    else url.searchParams.set('status', filter);
    history.replaceState(null, '', url);
    cases.clear();
    total = 0;
    setText(summary, t('list.loading'));
    void load();
  });

  const ticker = setInterval(tick, TICK_MS);
  signal.addEventListener('abort', () => clearInterval(ticker));
  watchCases({
    signal,
    onChange: upsert,
    onResync: () => void load(),
    onState: (state) => {
      live.dataset.state = state;
      setText(live, t(`live.${state}`));
    },
  });
  await load();
}
