import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVITIES,
  CONTACT_CHANNELS,
  CONTACT_KINDS,
  DISEASES,
  LETTER_STATUSES,
  MELDING_CHANNELS,
  SCHOOL_LEVELS,
  SUBJECT_KINDS,
  TEST_RESULTS,
  type Activity,
  type ContactChannel,
  type ContactKind,
  type Disease,
  type LetterStatus,
  type MeldingChannel,
  type SchoolLevel,
  type SubjectKind,
  type TestResult,
} from '@meldpunt/contracts';
import { MEASURE_KINDS, type MeasureKind } from '../../protocols/protocol-engine.types';
import {
  CASE_STATUSES,
  CONTACT_TYPES,
  EXPOSURE_KINDS,
  RISK_LEVELS,
  URGENCIES,
  type CaseStatus,
  type ContactType,
  type ExposureKind,
  type RiskLevel,
  type Urgency,
} from '../domain/case-types';
import { TIMELINE_KINDS, type TimelineKind } from '../entities/case-timeline-entry.entity';

/** One case in the queue. */
export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'M-2026-000123', description: 'Reference of the first melding' })
  reference!: string;
  @ApiProperty({ format: 'uuid' }) clbId!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ type: String, nullable: true }) schoolName!: string | null;
  @ApiProperty({ enum: DISEASES }) disease!: Disease;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Decide before' })
  deadline!: string | null;
  @ApiProperty() alwaysPage!: boolean;
  @ApiProperty({ format: 'date-time', description: 'First melding received' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: '(Re)entered the queue' }) queuedAt!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Seconds since queuedAt while open; null once decided',
  })
  waitingSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Console user id' }) assigneeId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt!: string | null;
  @ApiProperty({ description: 'Last approved version; 0 before the first approval' })
  decisionVersion!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ description: 'Open again after a decision (new facts or edits)' }) reassessment!: boolean;
  @ApiProperty() contactCount!: number;
  @ApiProperty() highRiskCount!: number;
}

export class QueueResponseDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class TestDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: TEST_RESULTS }) result!: TestResult;
}

export class FactsDto {
  @ApiProperty({ type: String, format: 'date', nullable: true }) onsetDate!: string | null;
  @ApiProperty({ type: TestDto, nullable: true }) test!: TestDto | null;
  @ApiProperty({ format: 'date' }) lastDayPresent!: string;
}

export class RuleDto {
  @ApiProperty() protocolId!: string;
  @ApiProperty() protocolVersion!: number;
  @ApiProperty() ruleId!: string;
  @ApiProperty({ example: 'Mazelen · lager · klasgenoot · niet gevaccineerd → hoog risico' })
  description!: string;
}

export class SubjectDto {
  @ApiProperty({ enum: SUBJECT_KINDS }) kind!: SubjectKind;
  @ApiProperty({ format: 'uuid', description: 'Pseudonymous ref (intake resolves it for the console)' })
  ref!: string;
}

export class CaseMeldingDto {
  @ApiProperty({ format: 'uuid' }) meldingId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: MELDING_CHANNELS }) channel!: MeldingChannel;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onsetDate!: string | null;
  @ApiProperty({ type: TestDto, nullable: true }) test!: TestDto | null;
  @ApiProperty({ format: 'date' }) lastDayPresent!: string;
  @ApiProperty({ type: [String] }) groupIds!: string[];
  @ApiProperty({ enum: ACTIVITIES, isArray: true }) activities!: Activity[];
}

export class ExposureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPOSURE_KINDS }) kind!: ExposureKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) groupId!: string | null;
  @ApiProperty({ enum: ACTIVITIES, nullable: true }) activity!: Activity | null;
  @ApiProperty({ type: String, nullable: true, example: '3B' }) label!: string | null;
  @ApiProperty({ enum: SCHOOL_LEVELS }) level!: SchoolLevel;
  @ApiProperty({ format: 'date' }) lastContactDate!: string;
  @ApiProperty({ description: "The group's roster has not reached risk-assessment yet" })
  awaitingRoster!: boolean;
  @ApiProperty({ enum: ['melding', 'manual'] }) source!: 'melding' | 'manual';
  @ApiProperty() memberCount!: number;
}

export class MeasureDto {
  @ApiProperty({ enum: MEASURE_KINDS }) kind!: MeasureKind;
  @ApiProperty({ type: String, format: 'date', nullable: true }) from!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) until!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) returnToSchool!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Back earlier after a negative test (COVID-19: day 7)',
  })
  earlyReturnToSchool!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onDate!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty() description!: string;
}

export class ProposalDto {
  @ApiProperty({ enum: RISK_LEVELS }) risk!: RiskLevel;
  @ApiProperty({ type: [MeasureDto] }) measures!: MeasureDto[];
  @ApiProperty({ type: String, nullable: true }) letterKind!: string | null;
  @ApiProperty({ type: RuleDto }) rule!: RuleDto;
}

export class OverrideDto {
  @ApiProperty({ enum: RISK_LEVELS }) risk!: RiskLevel;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Console user id' }) by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class EffectiveDto {
  @ApiProperty({ enum: RISK_LEVELS }) risk!: RiskLevel;
  @ApiProperty({ type: [MeasureDto] }) measures!: MeasureDto[];
  @ApiProperty({ type: String, nullable: true }) letterKind!: string | null;
  @ApiProperty({
    enum: ['proposal', 'override-none', 'override-protocol', 'override-kept'],
    description:
      'proposal: as proposed; override-none: no risk, no measures, no letter; override-protocol: another risk ' +
      "with the protocol's measures and letter for it; override-kept: another risk the protocol has no rule " +
      "for, the proposal's measures and letter kept (to check)",
  })
  source!: 'proposal' | 'override-none' | 'override-protocol' | 'override-kept';
}

export class ContactDecisionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: RISK_LEVELS }) risk!: RiskLevel;
  @ApiProperty({ type: String, nullable: true }) letterKind!: string | null;
  @ApiProperty({ description: 'Changed in that version (letters are sent for changed contacts only)' })
  changed!: boolean;
}

export class LetterDto {
  @ApiProperty() decisionVersion!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) guardianRef!: string | null;
  @ApiProperty({ enum: LETTER_STATUSES }) status!: LetterStatus;
  @ApiProperty({ enum: CONTACT_CHANNELS, nullable: true }) channel!: ContactChannel | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export const CONTACT_LETTER_STATES = ['none', 'pending', 'delivered', 'failed', 'unreachable'] as const;
export type ContactLetterState = (typeof CONTACT_LETTER_STATES)[number];

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'Pseudonymous ref (intake resolves it for the console)' })
  contactRef!: string;
  @ApiProperty({ enum: CONTACT_KINDS }) contactKind!: ContactKind;
  @ApiProperty({ enum: CONTACT_TYPES }) contactType!: ContactType;
  @ApiProperty({ enum: SCHOOL_LEVELS }) level!: SchoolLevel;
  @ApiProperty({ format: 'date' }) lastContactDate!: string;
  @ApiProperty({ type: [String] }) exposureIds!: string[];
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) vaccinated!: boolean | null;
  @ApiProperty() removed!: boolean;
  @ApiProperty({ type: ProposalDto }) proposal!: ProposalDto;
  @ApiProperty({ type: OverrideDto, nullable: true }) override!: OverrideDto | null;
  @ApiProperty({ type: EffectiveDto }) effective!: EffectiveDto;
  @ApiProperty({ type: ContactDecisionDto, nullable: true, description: 'In the latest decision version' })
  decision!: ContactDecisionDto | null;
  @ApiProperty({ type: [LetterDto] }) letters!: LetterDto[];
  @ApiProperty({
    enum: CONTACT_LETTER_STATES,
    description:
      'Letter of the version that last changed this contact: none (no letter), pending, delivered (to at ' +
      'least one guardian), failed, unreachable',
  })
  letterStatus!: ContactLetterState;
}

export class DecisionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty() contactCount!: number;
  @ApiProperty() changedCount!: number;
  @ApiProperty() withdrawnCount!: number;
}

export class TimelineEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: TIMELINE_KINDS }) kind!: TimelineKind;
  @ApiProperty({ description: 'Console user id, or system' }) actor!: string;
  @ApiProperty({ type: Object, description: 'Ids, counts, dates, codes, reasons: never a name' })
  details!: Record<string, unknown>;
}

/** A case as the doctor's case page shows it. */
export class CaseDetailDto extends QueueItemDto {
  @ApiProperty({ enum: SCHOOL_LEVELS }) level!: SchoolLevel;
  @ApiProperty({ type: SubjectDto }) subject!: SubjectDto;
  @ApiProperty({ type: FactsDto, description: 'Of the latest melding' }) facts!: FactsDto;
  @ApiProperty({ type: RuleDto }) urgencyRule!: RuleDto;
  @ApiProperty({ type: [CaseMeldingDto] }) meldingen!: CaseMeldingDto[];
  @ApiProperty({ type: [ExposureDto] }) exposures!: ExposureDto[];
  @ApiProperty({ type: [ContactDto] }) contacts!: ContactDto[];
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];
}

export class ApproveResponseDto {
  @ApiProperty({ description: 'The version now in force' }) decisionVersion!: number;
  @ApiProperty({ description: 'false: nothing changed since the last version, nothing was published' })
  published!: boolean;
  @ApiProperty() changedCount!: number;
  @ApiProperty({ type: CaseDetailDto }) case!: CaseDetailDto;
}
