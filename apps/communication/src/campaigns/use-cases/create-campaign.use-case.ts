import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Principal, TenancyScope } from '@meldpunt/auth';
import type { Disease } from '@meldpunt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AfterCommit } from '../../letters/after-commit';
import { Clock } from '../../letters/clock';
import { LetterMessage } from '../../letters/letter-message.entity';
import { LetterMessageRepository } from '../../letters/letter-message.repository';
import { LetterQueues } from '../../letters/letter-queues';
import { campaignMessageKey } from '../../letters/planning/plan-letters';
import { Campaign } from '../campaign.entity';
import { CampaignPlanner, type CampaignRequest } from '../campaign-planner';
import { CampaignRepository } from '../campaign.repository';
import { CampaignsError } from '../campaigns.errors';
import { CAMPAIGN_MESSAGES } from '../campaigns.messages';

export interface CreateCampaignRequest extends CampaignRequest {
  readonly title: string;
  readonly disease: Disease;
  /** Client-generated id (a resent request returns the same campaign). */
  readonly id?: string;
}

/**
 * Stores a campaign and its letters in one transaction and queues them after the commit (behind decision
 * letters: LETTER_PRIORITIES). Idempotent: the same client id, or the same Idempotency-Key from the same user,
 * returns the campaign created the first time (a double click or a resend after a network error sends nothing
 * twice); the same id from someone else is a 409.
 */
@Injectable()
export class CreateCampaignUseCase {
  private readonly logger = new Logger('Campaigns');

  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: CampaignPlanner,
    private readonly campaigns: CampaignRepository,
    private readonly messages: LetterMessageRepository,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
  ) {}

  execute(
    scope: TenancyScope,
    principal: Principal,
    request: CreateCampaignRequest,
    idempotencyKey: string | null,
  ): Promise<Campaign> {
    const id = request.id?.toLowerCase() ?? randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const before = await this.existing(manager, scope, principal, id, idempotencyKey);
      if (before) return before;
      const plan = await this.planner.plan(scope, request, manager);
      if (plan.messages.length === 0)
        throw new CampaignsError('invalid', CAMPAIGN_MESSAGES.noRecipients, 'audience');
      const now = this.clock.now();
      const campaign = Object.assign(new Campaign(), {
        id,
        clbId: request.clbId,
        title: request.title.trim(),
        disease: request.disease,
        audience: {
          schoolIds: [...request.audience.schoolIds],
          groupIds: [...(request.audience.groupIds ?? [])],
          levels: [...(request.audience.levels ?? [])],
        },
        status: 'sending' as const,
        total: plan.messages.length,
        pupils: plan.pupils,
        optedOut: plan.optedOut,
        unreachable: plan.unreachable,
        createdBy: principal.userId,
        idempotencyKey,
        cancelledAt: null,
        cancelledBy: null,
      });
      if (!(await this.campaigns.insert(manager, campaign))) {
        // A concurrent twin committed first.
        const twin = await this.existing(manager, scope, principal, id, idempotencyKey);
        if (twin) return twin;
        throw new CampaignsError('conflict', CAMPAIGN_MESSAGES.idAlreadyUsed);
      }
      const rows = plan.messages.map((planned) =>
        Object.assign(new LetterMessage(), {
          id: randomUUID(),
          messageKey: campaignMessageKey(id, planned.guardianRef, planned.channel),
          caseId: null,
          decisionVersion: null,
          campaignId: id,
          clbId: request.clbId,
          schoolId: planned.schoolId,
          disease: request.disease,
          kind: 'information' as const,
          channel: planned.channel,
          guardianRef: planned.guardianRef,
          pupilRef: planned.pupilRef,
          isUpdate: false,
          children: [...planned.children],
          recipients: [...planned.recipients],
          state: 'queued' as const,
          fallbackOf: null,
          retries: 0,
          lastError: null,
          providerMessageId: null,
          correlationId: id,
          decidedAt: now,
          sentAt: null,
        }),
      );
      const inserted = await this.messages.insertMessages(manager, rows);
      this.afterCommit.run(manager, async () => {
        await this.queues.enqueueQuietly(inserted);
      });
      this.logger.log(`campaign ${id}: ${inserted.length} letter(s) queued`);
      const stored = await manager.getRepository(Campaign).findOneByOrFail({ id });
      return stored;
    });
  }

  private async existing(
    manager: EntityManager,
    scope: TenancyScope,
    principal: Principal,
    id: string,
    idempotencyKey: string | null,
  ): Promise<Campaign | null> {
    const found = await this.campaigns.findExisting(manager, id, principal.userId, idempotencyKey);
    if (!found) return null;
    if (found.createdBy !== principal.userId || !scope.allowsClb(found.clbId))
      throw new CampaignsError('conflict', CAMPAIGN_MESSAGES.idAlreadyUsed);
    return found;
  }
}
