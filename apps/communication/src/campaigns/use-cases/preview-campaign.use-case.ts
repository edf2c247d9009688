import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { CampaignPlanner, type CampaignRequest } from '../campaign-planner';
import type { CampaignLanguageCount } from '../planning/plan-campaign';

export interface CampaignPreview {
  readonly pupils: number;
  readonly recipients: number;
  readonly byLanguage: readonly CampaignLanguageCount[];
  readonly optedOut: number;
  readonly unreachable: number;
}

/** How many letters a campaign would send, per language and channel, before it is sent. Writes nothing. */
@Injectable()
export class PreviewCampaignUseCase {
  constructor(private readonly planner: CampaignPlanner) {}

  async execute(scope: TenancyScope, request: CampaignRequest): Promise<CampaignPreview> {
    const plan = await this.planner.plan(scope, request);
    return {
      pupils: plan.pupils,
      recipients: plan.messages.length,
      byLanguage: plan.byLanguage,
      optedOut: plan.optedOut,
      unreachable: plan.unreachable,
    };
  }
}
