/**
 * Where a melding is in its life. Only `received` is reachable today: the events that move it on (case opened,
 * decision made, letters sent) arrive with issues 4 and 5 and call UpdateMeldingStatusUseCase.
 */
export const MELDING_STATUSES = ['received', 'being-assessed', 'measures-decided', 'letters-sent'] as const;
export type MeldingStatus = (typeof MELDING_STATUSES)[number];

/** Statuses only move forward; skipping one is allowed (a decision can come before "being assessed" is seen). */
export function canMoveStatus(from: MeldingStatus, to: MeldingStatus): boolean {
  return MELDING_STATUSES.indexOf(to) > MELDING_STATUSES.indexOf(from);
}
