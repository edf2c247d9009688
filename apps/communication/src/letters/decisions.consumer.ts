import { Injectable } from '@nestjs/common';
import { TOPICS, type CONTRACTS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import { IssueSchoolNoticeUseCase } from '../school-notices/use-cases/issue-school-notice.use-case';
import { PlanDecisionLettersUseCase } from './use-cases/plan-decision-letters.use-case';

/** risk.measures.decided.v1 → the letters and the school's class notice of that decision version, in the inbox transaction. */
@Injectable()
export class DecisionsConsumer implements EventHandlers {
  constructor(
    private readonly planLetters: PlanDecisionLettersUseCase,
    private readonly issueNotice: IssueSchoolNoticeUseCase,
  ) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.RISK_MEASURES_DECIDED]: async (event, { manager }) => {
        await this.planLetters.execute(manager, event.payload, { correlationId: event.correlationId });
        await this.issueNotice.execute(manager, event.payload, {
          eventId: event.eventId,
          correlationId: event.correlationId,
        });
      },
    };
  }
}
