import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { CaseChanges, timelineEntry } from '../case-changes';
import { CaseError } from '../cases.errors';
import { MESSAGES } from '../cases.messages';

/**
 * Who works on a case. Claiming takes an unassigned case (or one already yours; a colleague's case is a 409:
 * assign it instead). Assigning gives it to any user of the CLB, or to nobody (null). Neither reopens a decision.
 */
@Injectable()
export class AssignCaseUseCase {
  constructor(private readonly changes: CaseChanges) {}

  async claim(scope: TenancyScope, caseId: string): Promise<void> {
    const userId = scope.principal.userId;
    await this.changes.apply(scope, caseId, async (_manager, riskCase, now) => {
      if (riskCase.assigneeId !== null && riskCase.assigneeId !== userId) {
        throw CaseError.conflict(MESSAGES.claimedByOther);
      }
      const already = riskCase.assigneeId === userId;
      if (!already) Object.assign(riskCase, { assigneeId: userId, assignedAt: now });
      return {
        result: undefined,
        timeline: already ? [] : [timelineEntry(riskCase, 'claimed', userId, now)],
        reopens: false,
      };
    });
  }

  async assign(scope: TenancyScope, caseId: string, assigneeId: string | null): Promise<void> {
    const userId = scope.principal.userId;
    await this.changes.apply(scope, caseId, async (_manager, riskCase, now) => {
      if (riskCase.assigneeId === assigneeId) return { result: undefined, timeline: [], reopens: false };
      Object.assign(riskCase, { assigneeId, assignedAt: assigneeId === null ? null : now });
      return {
        result: undefined,
        timeline: [timelineEntry(riskCase, 'assigned', userId, now, { assigneeId })],
        reopens: false,
      };
    });
  }
}
