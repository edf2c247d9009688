import { GROUP_KINDS, SCHOOL_LEVELS, type GroupKind, type SchoolLevel } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Projection of intake's rosters (intake.group-membership.changed.v1): one class, group or internaat living group
 * with the pseudonymous refs of its pupils and staff (the teachers of a class). Who a ref is stays in intake.
 * Written only by the group-membership consumer, guarded by event time (`source_occurred_at`) so a late or
 * replayed older event never overwrites a newer membership.
 */
@Entity({ name: 'roster_group' })
@Index('ix_roster_group_school', ['schoolId', 'schoolYear'])
export class RosterGroup {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  /** The school the group belongs to (for a living group: the internaat). */
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'school_year', type: 'text' })
  schoolYear!: string;

  @Column({ name: 'kind', type: 'enum', enum: GROUP_KINDS, enumName: 'roster_group_kind' })
  kind!: GroupKind;

  /** `3B`, `Leefgroep Noord`: organisational, not personal data. */
  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'level', type: 'enum', enum: SCHOOL_LEVELS, enumName: 'roster_group_level' })
  level!: SchoolLevel;

  @Column({ name: 'pupil_refs', type: 'uuid', array: true })
  pupilRefs!: string[];

  /** Teachers of the class (educators of a living group). */
  @Column({ name: 'staff_refs', type: 'uuid', array: true })
  staffRefs!: string[];

  @Column({ name: 'source_occurred_at', type: 'timestamptz' })
  sourceOccurredAt!: Date;
}
