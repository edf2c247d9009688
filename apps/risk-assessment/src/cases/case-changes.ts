import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseRepository } from './case.repository';
import { CaseError } from './cases.errors';
import { MESSAGES } from './cases.messages';
import { Clock } from '../calendar/clock';
import {
  CaseTimelineEntry,
  type TimelineDetails,
  type TimelineKind,
} from './entities/case-timeline-entry.entity';
import type { RiskCase } from './entities/risk-case.entity';
import { CaseNotifier } from './live/case-notifier';

/** The console user id of the actor, or `system` for what the service does itself. */
export const SYSTEM_ACTOR = 'system';

export function timelineEntry(
  riskCase: Pick<RiskCase, 'id'>,
  kind: TimelineKind,
  actor: string,
  at: Date,
  details: TimelineDetails = {},
): CaseTimelineEntry {
  return Object.assign(new CaseTimelineEntry(), {
    id: randomUUID(),
    caseId: riskCase.id,
    kind,
    actor,
    at,
    details,
  });
}

/**
 * Puts a decided case back in the queue: new facts or edits wait for a new approval (the next one is
 * decisionVersion + 1). Returns the timeline entry, or null when the case was open already.
 */
export function reopen(riskCase: RiskCase, actor: string, at: Date, cause: string): CaseTimelineEntry | null {
  if (riskCase.status !== 'decided') return null;
  riskCase.status = 'open';
  riskCase.reassessment = true;
  riskCase.queuedAt = at;
  return timelineEntry(riskCase, 'reopened', actor, at, { cause });
}

export interface ChangeOutcome<T> {
  readonly result: T;
  readonly timeline: readonly CaseTimelineEntry[];
  /** The change alters what a decision would say: a decided case is reopened. */
  readonly reopens: boolean;
}

/**
 * Runs a user's change of one case in a transaction: the case is locked (404 when the caller's CLBs may not see
 * it), the change runs, a decided case is reopened when the change alters the decision, the timeline is written
 * and the live queue is told on commit.
 */
@Injectable()
export class CaseChanges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly notifier: CaseNotifier,
    private readonly clock: Clock,
  ) {}

  async apply<T>(
    scope: TenancyScope,
    caseId: string,
    change: (manager: EntityManager, riskCase: RiskCase, now: Date) => Promise<ChangeOutcome<T>>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const riskCase = await this.cases.lockVisible(manager, scope, caseId);
      if (!riskCase) throw CaseError.notFound(MESSAGES.notFound);
      const now = this.clock.now();
      const outcome = await change(manager, riskCase, now);
      const entries = [...outcome.timeline];
      if (outcome.reopens) {
        const reopened = reopen(riskCase, scope.principal.userId, now, outcome.timeline[0]?.kind ?? 'edit');
        if (reopened) entries.push(reopened);
      }
      riskCase.changedAt = now;
      await this.cases.save(manager, riskCase);
      await this.cases.addTimeline(manager, entries);
      await this.notifier.notify(manager, {
        kind: 'case-changed',
        caseId: riskCase.id,
        clbId: riskCase.clbId,
      });
      return outcome.result;
    });
  }
}
