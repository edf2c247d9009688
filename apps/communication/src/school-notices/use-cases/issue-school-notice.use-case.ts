import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CONTRACTS, TOPICS, type RiskMeasuresDecidedV1 } from '@meldpunt/contracts';
import { createEnvelope, OutboxRelay, OutboxWriter } from '@meldpunt/messaging';
import type { EntityManager } from 'typeorm';
import { AfterCommit } from '../../letters/after-commit';
import { Clock } from '../../letters/clock';
import { buildSchoolNotice } from '../build-school-notice';
import { SchoolNotice } from '../school-notice.entity';

export interface NoticeSource {
  readonly eventId: string;
  readonly correlationId: string;
}

/**
 * A doctor's decision → the school's anonymised class notice (communication.school-notice.issued.v1), in the
 * decision's inbox transaction: once per case and version. A decision without classes of the school issues none.
 */
@Injectable()
export class IssueSchoolNoticeUseCase {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    private readonly afterCommit: AfterCommit,
  ) {}

  async execute(
    manager: EntityManager,
    decision: RiskMeasuresDecidedV1,
    source: NoticeSource,
  ): Promise<boolean> {
    const classes = buildSchoolNotice(decision);
    if (classes.length === 0) return false;
    const issuedAt = this.clock.now();
    const noticeId = randomUUID();
    const claimed = await manager
      .createQueryBuilder()
      .insert()
      .into(SchoolNotice)
      .values({
        caseId: decision.caseId,
        decisionVersion: decision.decisionVersion,
        noticeId,
        schoolId: decision.schoolId,
        classes,
        issuedAt,
      })
      .orIgnore()
      .returning('case_id')
      .execute();
    if ((claimed.raw as unknown[]).length === 0) return false;
    await this.outbox.append(manager, [
      createEnvelope(
        CONTRACTS,
        TOPICS.SCHOOL_NOTICE_ISSUED,
        {
          noticeId,
          schoolId: decision.schoolId,
          clbId: decision.clbId,
          caseId: decision.caseId,
          decisionVersion: decision.decisionVersion,
          disease: decision.disease,
          issuedAt: issuedAt.toISOString(),
          classes,
        },
        {
          producer: 'communication',
          correlationId: source.correlationId,
          causationId: source.eventId,
          eventId: randomUUID(),
          occurredAt: issuedAt,
        },
      ),
    ]);
    this.afterCommit.run(manager, () => this.relay.poke());
    return true;
  }
}
