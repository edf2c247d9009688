import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The Postgres channel on which committed case changes are announced (see CaseEventStream). */
export const CASE_EVENTS_CHANNEL = 'risk_case_events';

export const CASE_CHANGE_KINDS = ['case-opened', 'case-changed'] as const;
export type CaseChangeKind = (typeof CASE_CHANGE_KINDS)[number];

export interface CaseChange {
  readonly kind: CaseChangeKind;
  readonly caseId: string;
  readonly clbId: string;
}

/**
 * Announces a case change with NOTIFY inside the caller's transaction: Postgres delivers it to every listening
 * instance only when (and if) the transaction commits, so the live queue never shows a case a query cannot find.
 */
@Injectable()
export class CaseNotifier {
  async notify(manager: EntityManager, change: CaseChange): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CASE_EVENTS_CHANNEL, JSON.stringify(change)]);
  }
}
