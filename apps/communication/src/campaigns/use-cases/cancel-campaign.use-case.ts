import { Injectable, Logger } from '@nestjs/common';
import type { Principal, TenancyScope } from '@meldpunt/auth';
import { DataSource } from 'typeorm';
import { AfterCommit } from '../../letters/after-commit';
import { Clock } from '../../letters/clock';
import { LetterQueues } from '../../letters/letter-queues';
import type { Campaign } from '../campaign.entity';
import { CampaignRepository } from '../campaign.repository';
import { CampaignsError } from '../campaigns.errors';
import { CAMPAIGN_MESSAGES } from '../campaigns.messages';

/**
 * Stops a campaign: its letters not sent yet become `cancelled` (their jobs are removed after the commit; one that
 * runs anyway finds its letter, or its campaign, cancelled and sends nothing); letters already sent stay sent. A
 * letter being sent at this very moment holds its row lock, so it is either sent before the cancel or not at all.
 * A finished or already cancelled campaign is a 409.
 */
@Injectable()
export class CancelCampaignUseCase {
  private readonly logger = new Logger('Campaigns');

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly queues: LetterQueues,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
  ) {}

  execute(scope: TenancyScope, principal: Principal, id: string): Promise<Campaign> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.lockInScope(manager, scope, id);
      if (!campaign) throw new CampaignsError('not-found', CAMPAIGN_MESSAGES.notFound);
      if (campaign.status === 'cancelled')
        throw new CampaignsError('conflict', CAMPAIGN_MESSAGES.alreadyCancelled);
      const progress = (await this.campaigns.progress([id])).get(id);
      if (!progress || progress.pending === 0)
        throw new CampaignsError('conflict', CAMPAIGN_MESSAGES.alreadyFinished);
      const cancelled = await this.campaigns.cancelQueuedLetters(
        manager,
        id,
        CAMPAIGN_MESSAGES.cancelledReason,
      );
      Object.assign(campaign, {
        status: 'cancelled',
        cancelledAt: this.clock.now(),
        cancelledBy: principal.userId,
      });
      await this.campaigns.save(manager, campaign);
      this.afterCommit.run(manager, async () => {
        await this.queues.removeQuietly(cancelled.map((letter) => ({ ...letter, campaignId: id })));
      });
      this.logger.log(`campaign ${id} cancelled: ${cancelled.length} letter(s) not sent`);
      return campaign;
    });
  }
}
