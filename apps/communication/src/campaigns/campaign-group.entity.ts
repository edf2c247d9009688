import type { GroupKind, SchoolLevel } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The audience directory: one class, group or internaat living group of a school with its pupils' pseudonymous
 * refs, from intake.group-membership.changed.v1 (only changed groups are sent). Guarded by event time so a late or
 * replayed older event never overwrites a newer membership; campaigns use each school's newest school year.
 */
@Entity({ name: 'campaign_group' })
@Index('ix_campaign_group_school', ['schoolId', 'schoolYear'])
export class CampaignGroup {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_campaign_group' })
  id!: string;

  /** The school the group belongs to (for a living group: the internaat). */
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** `2026-2027`: sorts chronologically as text. */
  @Column({ name: 'school_year', type: 'text' })
  schoolYear!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: GroupKind;

  /** `3B`, `Leefgroep Noord`: organisational, not personal data. */
  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'level', type: 'text' })
  level!: SchoolLevel;

  @Column({ name: 'pupil_refs', type: 'uuid', array: true })
  pupilRefs!: string[];

  @Column({ name: 'source_occurred_at', type: 'timestamptz' })
  sourceOccurredAt!: Date;
}
