import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, type ContactChannel, type GuardianContactV1 } from '@meldpunt/contracts';
import { DEAD_LETTER_STATUSES, type DeadLetterStatus, type LetterDeadLetter } from '../dead-letter.entity';

/** Whom to call about a dead letter (decrypted by communication for the CLB staff in scope). */
export class DeadLetterGuardianDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ISO 639-1: the language to speak or have interpreted' }) language!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164' }) mobile!: string | null;
  @ApiProperty() householdLabel!: string;
}

/** A letter no channel delivered, with whom to call; the console shows the pupils' names through intake. */
export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) messageId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a campaign letter' })
  caseId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null for a campaign letter' })
  decisionVersion!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a decision letter' })
  campaignId!: string | null;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: ContactChannel;
  @ApiProperty({ format: 'uuid' }) guardianRef!: string;
  @ApiProperty({ type: [String], description: 'The pupils the letter was about' }) contactRefs!: string[];
  @ApiProperty({
    type: DeadLetterGuardianDto,
    nullable: true,
    description:
      'null when the guardian is no longer on record (on the list only; retry/resolve answer null)',
  })
  guardian!: DeadLetterGuardianDto | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: DEAD_LETTER_STATUSES }) status!: DeadLetterStatus;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) handledBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) handledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(dead: LetterDeadLetter, guardian: GuardianContactV1 | null = null): DeadLetterDto {
    return Object.assign(new DeadLetterDto(), {
      id: dead.id,
      messageId: dead.messageId,
      caseId: dead.caseId,
      decisionVersion: dead.decisionVersion,
      campaignId: dead.campaignId,
      schoolId: dead.schoolId,
      channel: dead.channel,
      guardianRef: dead.guardianRef,
      contactRefs: dead.contactRefs,
      guardian: guardian && {
        name: guardian.name,
        language: guardian.language,
        email: guardian.email,
        mobile: guardian.mobile,
        householdLabel: guardian.householdLabel,
      },
      reason: dead.reason,
      status: dead.status,
      note: dead.note,
      handledBy: dead.handledBy,
      handledAt: dead.handledAt?.toISOString() ?? null,
      createdAt: dead.createdAt.toISOString(),
    });
  }
}

export class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
  @ApiProperty() total!: number;
}
