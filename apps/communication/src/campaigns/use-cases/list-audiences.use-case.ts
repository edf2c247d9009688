import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { AudienceRepository } from '../audience.repository';
import { CampaignsError } from '../campaigns.errors';
import { CAMPAIGN_MESSAGES } from '../campaigns.messages';
import type { AudiencesDto } from '../dto/campaign.response.dto';

/** What a campaign can be sent to: the schools of the caller's CLB(s), their levels and current groups. */
@Injectable()
export class ListAudiencesUseCase {
  constructor(private readonly audiences: AudienceRepository) {}

  async execute(scope: TenancyScope, clbId: string | null): Promise<AudiencesDto> {
    if (clbId !== null && !scope.allowsClb(clbId))
      throw new CampaignsError('forbidden', CAMPAIGN_MESSAGES.clbNotAllowed);
    const schools = await this.audiences.schoolsOf(clbId === null ? scope.clbIds : [clbId]);
    const groups = await this.audiences.currentGroups(schools.map((school) => school.id));
    return {
      schools: schools.map((school) => ({
        id: school.id,
        name: school.name,
        levels: school.levels,
        groups: groups
          .filter((group) => group.schoolId === school.id)
          .map((group) => ({
            id: group.id,
            name: group.name,
            level: group.level,
            kind: group.kind,
            pupils: group.pupilRefs.length,
          })),
      })),
    };
  }
}
