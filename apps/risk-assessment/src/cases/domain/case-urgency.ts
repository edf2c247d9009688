import type { CaseUrgency } from '../../protocols/protocol-engine.types';
import { URGENCY_RANK, type CaseStatus } from './case-types';

export interface UrgencyState {
  readonly urgency: CaseUrgency['urgency'];
  readonly deadline: Date | null;
  readonly alwaysPage: boolean;
  readonly rule: CaseUrgency['rule'];
}

/** Whether a case must be announced to the on-call rota (risk.case.opened.v1). */
export function isUrgent(state: Pick<UrgencyState, 'urgency' | 'alwaysPage'>): boolean {
  return state.urgency !== 'normal' || state.alwaysPage;
}

export function urgencyStateOf(urgency: CaseUrgency): UrgencyState {
  return {
    urgency: urgency.urgency,
    deadline: urgency.deadline === null ? null : new Date(urgency.deadline),
    alwaysPage: urgency.alwaysPage,
    rule: urgency.rule,
  };
}

/**
 * The urgency of a case after a new melding. A decided case starts afresh with the new melding's urgency (it is
 * new work). An open case keeps the most pressing of both: the higher urgency (and its rule), the earlier
 * deadline, paging if either says so.
 */
export function mergeUrgency(
  status: CaseStatus,
  current: UrgencyState,
  incoming: UrgencyState,
): UrgencyState {
  if (status === 'decided') return incoming;
  const higher = URGENCY_RANK[incoming.urgency] < URGENCY_RANK[current.urgency] ? incoming : current;
  const deadlines = [current.deadline, incoming.deadline].filter(
    (deadline): deadline is Date => deadline !== null,
  );
  const earliest =
    deadlines.length === 0 ? null : new Date(Math.min(...deadlines.map((deadline) => deadline.getTime())));
  return {
    urgency: higher.urgency,
    rule: higher.rule,
    deadline: earliest,
    alwaysPage: current.alwaysPage || incoming.alwaysPage,
  };
}
