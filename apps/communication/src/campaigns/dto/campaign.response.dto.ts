import { ApiProperty } from '@nestjs/swagger';
import { DISEASES, GROUP_KINDS, SCHOOL_LEVELS, type Disease, type GroupKind } from '@meldpunt/contracts';

export class CampaignLanguageCountDto {
  @ApiProperty({ example: 'nl' }) language!: string;
  @ApiProperty() email!: number;
  @ApiProperty() sms!: number;
}

export class CampaignPreviewDto {
  @ApiProperty({ description: 'Pupils in the audience' }) pupils!: number;
  @ApiProperty({ description: 'Letters: one per guardian address and channel' }) recipients!: number;
  @ApiProperty({ type: [CampaignLanguageCountDto] }) byLanguage!: CampaignLanguageCountDto[];
  @ApiProperty({ description: 'Mobile numbers that sent STOP and have no e-mail address (not sent)' })
  optedOut!: number;
  @ApiProperty({ description: 'Pupils without guardians on record or without a usable address' })
  unreachable!: number;
}

export class CampaignAudienceViewDto {
  @ApiProperty({ type: [String], format: 'uuid' }) schoolIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Empty: every group' }) groupIds!: string[];
  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true, description: 'Empty: every level' }) levels!: string[];
}

export const CAMPAIGN_STATUSES = ['sending', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export class CampaignDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DISEASES }) disease!: Disease;
  @ApiProperty({ format: 'uuid' }) clbId!: string;
  @ApiProperty({ type: CampaignAudienceViewDto }) audience!: CampaignAudienceViewDto;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ description: 'Letters in all; sent + failed + cancelled + pending = total' }) total!: number;
  @ApiProperty() sent!: number;
  @ApiProperty({ description: 'Failed on every channel (on the dead-letter list)' }) failed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() pupils!: number;
  @ApiProperty() optedOut!: number;
  @ApiProperty() unreachable!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
}

export class CampaignPageDto {
  @ApiProperty({ type: [CampaignDto] }) items!: CampaignDto[];
  @ApiProperty() total!: number;
}

export class AudienceGroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '3B' }) name!: string;
  @ApiProperty({ enum: SCHOOL_LEVELS }) level!: string;
  @ApiProperty({ enum: GROUP_KINDS }) kind!: GroupKind;
  @ApiProperty({ description: 'Number of pupils' }) pupils!: number;
}

export class AudienceSchoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true }) levels!: string[];
  @ApiProperty({ type: [AudienceGroupDto] }) groups!: AudienceGroupDto[];
}

export class AudiencesDto {
  @ApiProperty({ type: [AudienceSchoolDto] }) schools!: AudienceSchoolDto[];
}
