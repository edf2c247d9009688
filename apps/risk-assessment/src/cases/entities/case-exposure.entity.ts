import { ACTIVITIES, SCHOOL_LEVELS, type Activity, type SchoolLevel } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EXPOSURE_KINDS, type ExposureKind } from '../domain/case-types';

/**
 * Where the index person met others: a class, group or living group named in a melding (every member becomes a
 * contact in one step), or an activity, household or other exposure to which contacts are added by hand.
 */
@Entity({ name: 'case_exposure' })
@Index('ux_case_exposure_group', ['caseId', 'groupId'], { unique: true, where: 'group_id IS NOT NULL' })
@Index('ux_case_exposure_activity', ['caseId', 'activity'], {
  unique: true,
  where: "activity IS NOT NULL AND source = 'melding'",
})
@Index('ix_case_exposure_group_id', ['groupId'])
export class CaseExposure {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'kind', type: 'enum', enum: EXPOSURE_KINDS, enumName: 'case_exposure_kind' })
  kind!: ExposureKind;

  /** The roster group (class, group, living group), or null. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({
    name: 'activity',
    type: 'enum',
    enum: ACTIVITIES,
    enumName: 'case_exposure_activity',
    nullable: true,
  })
  activity!: Activity | null;

  /** `3B`, `Uitstap Gent`: organisational, never a person's name. */
  @Column({ name: 'label', type: 'text', nullable: true })
  label!: string | null;

  /** The group's level; null: the case's level. */
  @Column({
    name: 'level',
    type: 'enum',
    enum: SCHOOL_LEVELS,
    enumName: 'case_exposure_level',
    nullable: true,
  })
  level!: SchoolLevel | null;

  @Column({ name: 'last_contact_date', type: 'date' })
  lastContactDate!: string;

  /** A group named in a melding before its roster reached this service: members follow when it does. */
  @Column({ name: 'awaiting_roster', type: 'boolean', default: false })
  awaitingRoster!: boolean;

  @Column({ name: 'source', type: 'text' })
  source!: 'melding' | 'manual';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
