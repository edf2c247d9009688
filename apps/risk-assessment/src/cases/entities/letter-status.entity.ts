import {
  CONTACT_CHANNELS,
  LETTER_STATUSES,
  type ContactChannel,
  type LetterStatus,
} from '@meldpunt/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The nil UUID stands for "no guardian" in the key (a staff member's own letter). */
export const NO_GUARDIAN = '00000000-0000-0000-0000-000000000000';

/**
 * The latest known status of one letter of a decision (communication.delivery.updated.v1): per case,
 * decision version, contact and guardian. A later status (by `at`) replaces an earlier one, whatever the order
 * the events arrive in.
 */
@Entity({ name: 'letter_status' })
export class LetterStatusRecord {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'decision_version', type: 'integer' })
  decisionVersion!: number;

  @PrimaryColumn({ name: 'contact_ref', type: 'uuid' })
  contactRef!: string;

  @PrimaryColumn({ name: 'guardian_ref', type: 'uuid' })
  guardianRef!: string;

  @Column({ name: 'status', type: 'enum', enum: LETTER_STATUSES, enumName: 'letter_status_status' })
  status!: LetterStatus;

  @Column({
    name: 'channel',
    type: 'enum',
    enum: CONTACT_CHANNELS,
    enumName: 'letter_status_channel',
    nullable: true,
  })
  channel!: ContactChannel | null;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
