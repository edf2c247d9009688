import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { RiskMeasuresDecidedV1 } from '@meldpunt/contracts';
import { NonRetriableError, OutboxRelay } from '@meldpunt/messaging';
import type { EntityManager } from 'typeorm';
import { GuardianContactRepository } from '../../contacts/guardian-contact.repository';
import { AfterCommit } from '../after-commit';
import { Clock } from '../clock';
import { DeliveryUpdates } from '../delivery-updates';
import { LetterMessage } from '../letter-message.entity';
import { LetterMessageRepository } from '../letter-message.repository';
import { LetterQueues } from '../letter-queues';
import { messageKey, planLetters, UnknownLetterKindError, type LetterPlan } from '../planning/plan-letters';

export class UnplannableDecisionError extends NonRetriableError {
  constructor(message: string) {
    super(message);
    this.name = 'UnplannableDecisionError';
  }
}

export interface DecisionSource {
  readonly correlationId: string;
}

/**
 * A doctor's decision → letters, in the inbox transaction: the decision version is claimed once (a redelivered
 * or replayed event plans nothing), the letters are stored `queued` and the unreachable contacts published, and
 * after the commit the letters go to their channel's queue (deterministic job ids; the sweeper catches up when
 * Redis was down).
 */
@Injectable()
export class PlanDecisionLettersUseCase {
  private readonly logger = new Logger('DecisionLetters');

  constructor(
    private readonly contacts: GuardianContactRepository,
    private readonly messages: LetterMessageRepository,
    private readonly deliveries: DeliveryUpdates,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    decision: RiskMeasuresDecidedV1,
    source: DecisionSource,
  ): Promise<LetterPlan> {
    const pupilRefs = decision.contacts
      .filter((contact) => contact.contactKind === 'pupil' && contact.letterKind !== null)
      .map((contact) => contact.contactRef);
    const guardians = await this.contacts.guardiansOf(decision.schoolId, pupilRefs, manager);
    let plan: LetterPlan;
    try {
      plan = planLetters(decision, guardians);
    } catch (error) {
      if (error instanceof UnknownLetterKindError) throw new UnplannableDecisionError(error.message);
      throw error;
    }
    const claimed = await this.messages.claimDecision(manager, {
      caseId: decision.caseId,
      decisionVersion: decision.decisionVersion,
      clbId: decision.clbId,
      schoolId: decision.schoolId,
      decidedAt: new Date(decision.decidedAt),
      unreachable: [...plan.unreachable],
    });
    if (!claimed) {
      this.logger.log(
        `case ${decision.caseId} v${decision.decisionVersion}: letters planned before, nothing to do`,
      );
      return { messages: [], unreachable: [] };
    }
    const rows = plan.messages.map((planned) =>
      Object.assign(new LetterMessage(), {
        id: randomUUID(),
        messageKey: messageKey(
          decision.caseId,
          decision.decisionVersion,
          planned.guardianRef,
          planned.channel,
        ),
        caseId: decision.caseId,
        decisionVersion: decision.decisionVersion,
        campaignId: null,
        clbId: decision.clbId,
        schoolId: decision.schoolId,
        disease: decision.disease,
        kind: planned.kind,
        channel: planned.channel,
        guardianRef: planned.guardianRef,
        pupilRef: planned.pupilRef,
        isUpdate: planned.isUpdate,
        children: [...planned.children],
        recipients: [...planned.recipients],
        state: 'queued' as const,
        fallbackOf: null,
        retries: 0,
        lastError: null,
        providerMessageId: null,
        correlationId: source.correlationId,
        decidedAt: new Date(decision.decidedAt),
        sentAt: null,
      }),
    );
    const inserted = await this.messages.insertMessages(manager, rows);
    await this.deliveries.publish(
      manager,
      {
        caseId: decision.caseId,
        decisionVersion: decision.decisionVersion,
        status: 'unreachable',
        channel: null,
        at: this.clock.now(),
        correlationId: source.correlationId,
      },
      plan.unreachable.map((entry) => ({ contactRef: entry.contactRef, guardianRef: entry.guardianRef })),
    );
    this.afterCommit.run(manager, async () => {
      if (plan.unreachable.length > 0) this.relay.poke();
      await this.queues.enqueueQuietly(inserted);
    });
    this.logger.log(
      `case ${decision.caseId} v${decision.decisionVersion}: ${inserted.length} letter(s) queued, ${plan.unreachable.length} unreachable`,
    );
    return plan;
  }
}
