import { CampaignGroup } from './campaign-group.entity';
import { Campaign } from './campaign.entity';

export const CAMPAIGNS_ENTITIES = [CampaignGroup, Campaign];
