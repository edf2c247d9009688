import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { Campaign } from '../campaign.entity';
import { CampaignRepository, type CampaignProgress } from '../campaign.repository';
import { CampaignsError } from '../campaigns.errors';
import { CAMPAIGN_MESSAGES } from '../campaigns.messages';
import type { CampaignDto } from '../dto/campaign.response.dto';

/** A campaign with its progress: `completed` once no letter is queued any more (sent, failed or cancelled). */
export function campaignView(campaign: Campaign, progress: CampaignProgress): CampaignDto {
  const total = progress.sent + progress.failed + progress.cancelled + progress.pending;
  const status =
    campaign.status === 'cancelled' ? 'cancelled' : progress.pending === 0 ? 'completed' : 'sending';
  const completedAt =
    status === 'cancelled'
      ? campaign.cancelledAt
      : status === 'completed'
        ? (progress.finishedAt ?? campaign.createdAt)
        : null;
  return {
    id: campaign.id,
    title: campaign.title,
    disease: campaign.disease,
    clbId: campaign.clbId,
    audience: {
      schoolIds: [...campaign.audience.schoolIds],
      groupIds: [...campaign.audience.groupIds],
      levels: [...campaign.audience.levels],
    },
    status,
    total,
    sent: progress.sent,
    failed: progress.failed,
    cancelled: progress.cancelled,
    pending: progress.pending,
    pupils: campaign.pupils,
    optedOut: campaign.optedOut,
    unreachable: campaign.unreachable,
    createdAt: campaign.createdAt.toISOString(),
    createdBy: campaign.createdBy,
    completedAt: completedAt?.toISOString() ?? null,
    cancelledAt: campaign.cancelledAt?.toISOString() ?? null,
  };
}

/** One campaign of the caller's CLBs with its live progress (the console polls it for the progress bar). */
@Injectable()
export class GetCampaignUseCase {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute(scope: TenancyScope, id: string): Promise<CampaignDto> {
    const campaign = await this.campaigns.findInScope(scope, id);
    if (!campaign) throw new CampaignsError('not-found', CAMPAIGN_MESSAGES.notFound);
    return this.view(campaign);
  }

  async view(campaign: Campaign): Promise<CampaignDto> {
    const progress = await this.campaigns.progress([campaign.id]);
    return campaignView(
      campaign,
      progress.get(campaign.id) ?? { sent: 0, failed: 0, cancelled: 0, pending: 0, finishedAt: null },
    );
  }
}

/** The caller's CLBs' campaigns, newest first, with their progress. */
@Injectable()
export class ListCampaignsUseCase {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute(
    scope: TenancyScope,
    filter: { clbId: string | null; limit: number; offset: number },
  ): Promise<{ items: CampaignDto[]; total: number }> {
    if (filter.clbId !== null && !scope.allowsClb(filter.clbId))
      throw new CampaignsError('forbidden', CAMPAIGN_MESSAGES.clbNotAllowed);
    const page = await this.campaigns.list(scope, filter);
    const progress = await this.campaigns.progress(page.items.map((campaign) => campaign.id));
    return {
      items: page.items.map((campaign) =>
        campaignView(
          campaign,
          progress.get(campaign.id) ?? { sent: 0, failed: 0, cancelled: 0, pending: 0, finishedAt: null },
        ),
      ),
      total: page.total,
    };
  }
}
