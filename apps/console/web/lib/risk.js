// The risk queue's vocabulary (apps/risk-assessment/src/cases/dto/case.response.dto.ts) in Dutch, and the
// queue's order and clock texts ("wacht 12 min").
import { has, t } from './i18n.js';
import { formatDateTime } from './format.js';

export const URGENCIES = ['critical', 'high', 'normal'];
export const RISK_LEVELS = ['high', 'low', 'none'];
export const CASE_STATUSES = ['open', 'decided'];
export const QUEUE_FILTERS = ['open', 'decided', 'all'];
export const CONTACT_KINDS = ['pupil', 'staff', 'external'];
export const CONTACT_TYPES = ['classmate', 'teacher', 'boarding-group', 'household', 'activity'];
export const EXPOSURE_KINDS = ['class', 'group', 'living-group', 'activity', 'household', 'other'];
export const MANUAL_EXPOSURE_KINDS = ['activity', 'household', 'other'];
export const MEASURE_KINDS = [
  'quarantine',
  'exclusion',
  'test',
  'chemoprophylaxis',
  'vaccination-proposal',
  'watch-symptoms',
];
export const LETTER_STATES = ['none', 'pending', 'delivered', 'failed', 'unreachable'];

function labelOr(key, fallback) {
  return has(key) ? t(key) : String(fallback ?? '');
}

export const urgencyLabel = (id) => labelOr(`urgency.${id}`, id);
export const riskLabel = (id) => labelOr(`risk.${id}`, id);
export const caseStatusLabel = (id) => labelOr(`caseStatus.${id}`, id);
export const contactKindLabel = (id) => labelOr(`contactKind.${id}`, id);
export const contactTypeLabel = (id) => labelOr(`contactType.${id}`, id);
export const exposureKindLabel = (id) => labelOr(`exposureKind.${id}`, id);
export const measureLabel = (id) => labelOr(`measure.${id}`, id);
export const letterStateLabel = (id) => labelOr(`letterState.${id}`, id);
export const timelineLabel = (id) => labelOr(`timeline.${id}`, id);

const URGENCY_RANK = { critical: 0, high: 1, normal: 2 };

function time(value) {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The API's queue order (CaseRepository.listVisible), so a case that arrives live lands where a reload would put
 * it: open before decided, urgency, deadline (soonest first, none last), waiting longest first; decided cases
 * newest decision first.
 */
export function compareQueue(filter) {
  if (filter === 'decided') {
    return (a, b) =>
      (time(b.decidedAt) ?? -Infinity) - (time(a.decidedAt) ?? -Infinity) || a.id.localeCompare(b.id);
  }
  return (a, b) =>
    (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) ||
    (URGENCY_RANK[a.urgency] ?? 9) - (URGENCY_RANK[b.urgency] ?? 9) ||
    (time(a.deadline) ?? Infinity) - (time(b.deadline) ?? Infinity) ||
    (time(a.queuedAt) ?? 0) - (time(b.queuedAt) ?? 0) ||
    a.id.localeCompare(b.id);
}

/** Whether a case belongs in the list of a status filter. */
export function inFilter(item, filter) {
  return filter === 'all' || item.status === filter;
}

/** "12 min", "2 u 05 min", "3 d 4 u": a duration in seconds as people read it. */
export function durationText(seconds) {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 1) return t('duration.underMinute');
  if (minutes < 60) return t('duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return t('duration.hours', { hours, minutes: String(minutes % 60).padStart(2, '0') });
  }
  return t('duration.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/**
 * How long an open case has waited now: the API's waitingSeconds plus the time since it was received, so the
 * device's clock does not matter. `receivedAt` is performance.now() when the item arrived.
 */
export function waitingSecondsNow(item, receivedAt, now = performance.now()) {
  if (typeof item.waitingSeconds !== 'number') return null;
  return item.waitingSeconds + Math.max(0, (now - receivedAt) / 1000);
}

/** "wacht 12 min" for an open case, "beslist op …" for a decided one. */
export function waitingText(item, receivedAt) {
  const seconds = waitingSecondsNow(item, receivedAt);
  if (seconds !== null) return t('queue.waiting', { duration: durationText(seconds) });
  return item.decidedAt ? t('queue.decidedAt', { at: formatDateTime(item.decidedAt) }) : '';
}

/** The decision deadline: "vóór 14/05/2026 16:00 (nog 3 u 20 min)" or "verstreken"; '' without one. */
export function deadlineText(deadline, now = Date.now()) {
  const at = time(deadline);
  if (at === null) return { text: t('queue.noDeadline'), overdue: false };
  const left = (at - now) / 1000;
  if (left <= 0) {
    return { text: t('queue.deadlinePassed', { at: formatDateTime(deadline) }), overdue: true };
  }
  return {
    text: t('queue.deadlineLeft', { at: formatDateTime(deadline), duration: durationText(left) }),
    overdue: false,
  };
}

/** A pseudonymous ref as shown: its first 8 characters (the whole ref is in the title). */
export function shortRef(ref) {
  return String(ref ?? '').slice(0, 8);
}
