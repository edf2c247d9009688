import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, type ContactChannel } from '@meldpunt/contracts';
import { DEAD_LETTER_STATUSES, type DeadLetterStatus, type LetterDeadLetter } from '../dead-letter.entity';

/** A letter no channel delivered. Refs only: the console shows who it is through intake. */
export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) messageId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() decisionVersion!: number;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: ContactChannel;
  @ApiProperty({ format: 'uuid' }) guardianRef!: string;
  @ApiProperty({ type: [String], description: 'The pupils the letter was about' }) contactRefs!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: DEAD_LETTER_STATUSES }) status!: DeadLetterStatus;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) handledBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) handledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(dead: LetterDeadLetter): DeadLetterDto {
    return Object.assign(new DeadLetterDto(), {
      id: dead.id,
      messageId: dead.messageId,
      caseId: dead.caseId,
      decisionVersion: dead.decisionVersion,
      schoolId: dead.schoolId,
      channel: dead.channel,
      guardianRef: dead.guardianRef,
      contactRefs: dead.contactRefs,
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
