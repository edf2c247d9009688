import {
  ACTIVITIES,
  DISEASES,
  MELDING_CHANNELS,
  SUBJECT_KINDS,
  TEST_RESULTS,
  type Activity,
  type Disease,
  type MeldingChannel,
  type SubjectKind,
  type TestResult,
} from '@meldpunt/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MELDING_STATUSES, type MeldingStatus } from './melding-status';

export const UNLISTED_ROLES = ['pupil', 'staff', 'other'] as const;
export type UnlistedRole = (typeof UNLISTED_ROLES)[number];

/**
 * A school's report of one infection of one person, as intake received it. Personal data (names of an unlisted
 * person, the contact person) stays in this table; only pseudonymous ids leave intake (meldingen.melding.received.v1).
 * Further reports of the same person, disease and onset are merged into it (see MeldingReport).
 */
@Entity({ name: 'melding' })
@Index('ix_melding_school_created', ['schoolId', 'createdAt'])
export class Melding {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'reference', type: 'text', unique: true })
  reference!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** Every CLB that may see it: the school's, and an internaat's CLB when the roster says so. */
  @Column({ name: 'clb_ids', type: 'uuid', array: true })
  clbIds!: string[];

  @Column({ name: 'status', type: 'enum', enum: MELDING_STATUSES, enumName: 'melding_status' })
  status!: MeldingStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt!: Date;

  @Column({ name: 'subject_kind', type: 'enum', enum: SUBJECT_KINDS, enumName: 'melding_subject_kind' })
  subjectKind!: SubjectKind;

  /** Pseudonymous id: the roster's id of the pupil or staff member; for `unlisted`, one made for this melding. */
  @Column({ name: 'subject_ref', type: 'uuid' })
  subjectRef!: string;

  @Column({ name: 'unlisted_first_name', type: 'text', nullable: true })
  unlistedFirstName!: string | null;

  @Column({ name: 'unlisted_last_name', type: 'text', nullable: true })
  unlistedLastName!: string | null;

  @Column({ name: 'unlisted_birth_date', type: 'date', nullable: true })
  unlistedBirthDate!: string | null;

  @Column({ name: 'unlisted_role', type: 'text', nullable: true })
  unlistedRole!: UnlistedRole | null;

  @Column({ name: 'disease', type: 'enum', enum: DISEASES, enumName: 'melding_disease' })
  disease!: Disease;

  /** The disease's name as the school wrote it, when `disease` is other (stays in intake: free text). */
  @Column({ name: 'disease_other', type: 'text', nullable: true })
  diseaseOther!: string | null;

  /** null: no symptoms. */
  @Column({ name: 'onset_date', type: 'date', nullable: true })
  onsetDate!: string | null;

  @Column({ name: 'test_date', type: 'date', nullable: true })
  testDate!: string | null;

  @Column({
    name: 'test_result',
    type: 'enum',
    enum: TEST_RESULTS,
    enumName: 'melding_test_result',
    nullable: true,
  })
  testResult!: TestResult | null;

  @Column({ name: 'last_day_present', type: 'date' })
  lastDayPresent!: string;

  @Column({ name: 'group_ids', type: 'uuid', array: true })
  groupIds!: string[];

  @Column({ name: 'activities', type: 'enum', enum: ACTIVITIES, enumName: 'melding_activity', array: true })
  activities!: Activity[];

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  /** null: no confirmation e-mail is sent. */
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone!: string;

  @Column({ name: 'remarks', type: 'text', nullable: true })
  remarks!: string | null;

  @Column({ name: 'channel', type: 'enum', enum: MELDING_CHANNELS, enumName: 'melding_channel' })
  channel!: MeldingChannel;

  /** sha256 of school, person, disease and onset: a second report of the same infection is merged, not added. */
  @Column({ name: 'dedup_key', type: 'char', length: 64, unique: true })
  dedupKey!: string;

  /** eventId of the meldingen.melding.received.v1 event announcing it (causation for what follows). */
  @Column({ name: 'received_event_id', type: 'uuid' })
  receivedEventId!: string;

  /** Set once the confirmation e-mail went out; a second job for the same melding then sends nothing. */
  @Column({ name: 'confirmation_sent_at', type: 'timestamptz', nullable: true })
  confirmationSentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
