import {
  ACTIVITIES,
  DISEASES,
  MELDING_CHANNELS,
  TEST_RESULTS,
  type Activity,
  type Disease,
  type MeldingChannel,
  type TestResult,
} from '@meldpunt/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A melding as it reached a case (meldingen.melding.received.v1): the facts the doctor reads on the case page.
 */
@Entity({ name: 'case_melding' })
export class CaseMelding {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'melding_id', type: 'uuid' })
  meldingId!: string;

  @Column({ name: 'reference', type: 'text' })
  reference!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'subject_ref', type: 'uuid' })
  subjectRef!: string;

  @Column({ name: 'disease', type: 'enum', enum: DISEASES, enumName: 'case_melding_disease' })
  disease!: Disease;

  @Column({ name: 'onset_date', type: 'date', nullable: true })
  onsetDate!: string | null;

  @Column({ name: 'test_date', type: 'date', nullable: true })
  testDate!: string | null;

  @Column({
    name: 'test_result',
    type: 'enum',
    enum: TEST_RESULTS,
    enumName: 'case_melding_test_result',
    nullable: true,
  })
  testResult!: TestResult | null;

  @Column({ name: 'last_day_present', type: 'date' })
  lastDayPresent!: string;

  @Column({ name: 'group_ids', type: 'uuid', array: true })
  groupIds!: string[];

  @Column({
    name: 'activities',
    type: 'enum',
    enum: ACTIVITIES,
    enumName: 'case_melding_activity',
    array: true,
  })
  activities!: Activity[];

  @Column({ name: 'channel', type: 'enum', enum: MELDING_CHANNELS, enumName: 'case_melding_channel' })
  channel!: MeldingChannel;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** eventId of the melding event (causation of what the case publishes). */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;
}
