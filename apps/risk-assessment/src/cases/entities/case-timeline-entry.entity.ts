import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

export const TIMELINE_KINDS = [
  'opened',
  'melding-added',
  'reopened',
  'related-case',
  'roster-arrived',
  'claimed',
  'assigned',
  'reclassified',
  'facts-recorded',
  'exposure-added',
  'contacts-added',
  'contact-removed',
  'approved',
  'approved-unchanged',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Details of a timeline entry: ids, counts, dates, codes and the doctor's reasons; never a person's name. */
export type TimelineDetails = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** What happened to a case, in order, and who did it (a console user id, or `system`). */
@Entity({ name: 'case_timeline' })
@Index('ix_case_timeline_case', ['caseId', 'seq'])
export class CaseTimelineEntry {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** Insertion order (entries of one change share their `at`). */
  @Column({ name: 'seq', type: 'bigint', select: true, insert: false, update: false })
  @Generated('increment')
  seq!: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'kind', type: 'text' })
  kind!: TimelineKind;

  @Column({ name: 'actor', type: 'text' })
  actor!: string;

  @Column({ name: 'details', type: 'jsonb' })
  details!: TimelineDetails;
}
