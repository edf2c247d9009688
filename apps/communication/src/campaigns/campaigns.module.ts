import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { LettersModule } from '../letters/letters.module';
import { OptOutsModule } from '../opt-outs/opt-outs.module';
import { AudienceRepository } from './audience.repository';
import { CampaignPlanner } from './campaign-planner';
import { CampaignRepository } from './campaign.repository';
import { CampaignsConsumer } from './campaigns.consumer';
import { CampaignsController } from './campaigns.controller';
import { ApplyGroupMembershipUseCase } from './use-cases/apply-group-membership.use-case';
import { GetCampaignUseCase, ListCampaignsUseCase } from './use-cases/campaign-progress.use-cases';
import { CancelCampaignUseCase } from './use-cases/cancel-campaign.use-case';
import { CreateCampaignUseCase } from './use-cases/create-campaign.use-case';
import { ListAudiencesUseCase } from './use-cases/list-audiences.use-case';
import { PreviewCampaignUseCase } from './use-cases/preview-campaign.use-case';

/**
 * Information campaigns: the audience directory (groups from intake's roster events), preview, send through the
 * letters pipeline (campaign letters are `letter_message` rows, queued behind decision letters), progress,
 * cancel. SMS opt-outs come from OptOutsModule.
 */
@Module({
  imports: [ContactsModule, LettersModule, OptOutsModule],
  controllers: [CampaignsController],
  providers: [
    AudienceRepository,
    CampaignRepository,
    CampaignPlanner,
    ApplyGroupMembershipUseCase,
    ListAudiencesUseCase,
    PreviewCampaignUseCase,
    CreateCampaignUseCase,
    ListCampaignsUseCase,
    GetCampaignUseCase,
    CancelCampaignUseCase,
    CampaignsConsumer,
  ],
  exports: [CampaignsConsumer],
})
export class CampaignsModule {}
