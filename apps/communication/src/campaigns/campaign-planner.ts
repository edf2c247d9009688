import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { SchoolLevel } from '@meldpunt/contracts';
import type { EntityManager } from 'typeorm';
import { GuardianContactRepository, type StoredGuardian } from '../contacts/guardian-contact.repository';
import { OptOutRepository } from '../opt-outs/opt-out.repository';
import { AudienceRepository } from './audience.repository';
import { CampaignsError } from './campaigns.errors';
import { CAMPAIGN_MESSAGES } from './campaigns.messages';
import { planCampaign, selectAudience, type CampaignPlan } from './planning/plan-campaign';

export interface CampaignRequest {
  readonly clbId: string;
  readonly audience: {
    readonly schoolIds: readonly string[];
    readonly groupIds?: readonly string[];
    readonly levels?: readonly SchoolLevel[];
  };
}

/**
 * Turns a chosen audience into its letters (the preview's numbers and the campaign's messages come from the same
 * plan): checks the CLB is the caller's and the schools and groups are that CLB's, reads the newest groups, opens
 * the guardians' contacts and the SMS opt-outs, and plans (planCampaign).
 */
@Injectable()
export class CampaignPlanner {
  constructor(
    private readonly audiences: AudienceRepository,
    private readonly contacts: GuardianContactRepository,
    private readonly optOuts: OptOutRepository,
  ) {}

  async plan(scope: TenancyScope, request: CampaignRequest, manager?: EntityManager): Promise<CampaignPlan> {
    if (!scope.allowsClb(request.clbId))
      throw new CampaignsError('forbidden', CAMPAIGN_MESSAGES.clbNotAllowed);
    const schoolIds = [...new Set(request.audience.schoolIds.map((id) => id.toLowerCase()))];
    const schools = await this.audiences.schoolsByIds(schoolIds, manager);
    if (schools.length !== schoolIds.length || schools.some((school) => school.clbId !== request.clbId))
      throw new CampaignsError('invalid', CAMPAIGN_MESSAGES.schoolNotInClb, 'audience.schoolIds');
    const groups = await this.audiences.currentGroups(schoolIds, manager);
    const groupIds = [...new Set((request.audience.groupIds ?? []).map((id) => id.toLowerCase()))];
    const known = new Set(groups.map((group) => group.id));
    if (groupIds.some((id) => !known.has(id)))
      throw new CampaignsError('invalid', CAMPAIGN_MESSAGES.groupNotInSchools, 'audience.groupIds');
    const audience = selectAudience(groups, {
      schoolIds,
      groupIds,
      levels: request.audience.levels ?? [],
    });
    const guardiansBySchool = new Map<string, StoredGuardian[]>();
    for (const [schoolId, pupilRefs] of audience)
      guardiansBySchool.set(schoolId, await this.contacts.guardiansOf(schoolId, pupilRefs, manager));
    const mobiles = [...guardiansBySchool.values()]
      .flat()
      .flatMap((guardian) => (guardian.contact.mobile ? [guardian.contact.mobile.trim()] : []));
    const optedOut = await this.optOuts.optedOutAmong(mobiles, manager);
    return planCampaign(audience, guardiansBySchool, optedOut);
  }
}
