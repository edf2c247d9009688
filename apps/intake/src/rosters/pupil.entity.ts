import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { School } from '../registry/school.entity';
import { RosterGroup } from './roster-group.entity';

export const PUPIL_STATUSES = ['active', 'gone'] as const;
export type PupilStatus = (typeof PUPIL_STATUSES)[number];

/**
 * A pupil on a school's roster, by the school's own pupil number. Never deleted: a pupil missing from a new roster
 * becomes `gone` (cases and letters may still refer to them). `ref` is the pseudonymous id that travels on Kafka
 * and never changes; names and birth date stay in intake.
 *
 * Written only by the set-based roster import (RosterBulkRepository), which derives every id it stores from the
 * rows it joins, so the relations carry no foreign-key constraints: their per-row checks were a third of the cost
 * of importing a region (1.2 million pupils). Reads by class go through the school's index.
 */
@Entity({ name: 'pupil' })
@Unique('uq_pupil_number', ['schoolId', 'pupilNumber'])
export class Pupil {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  /**
   * Random (version 4), unlike `id`, which is time-ordered so that bulk inserts append to its index. Unique and
   * indexed: the CLB's case page resolves contacts' refs to names (`POST /v1/people/lookup`).
   */
  @Index('uq_pupil_ref', { unique: true })
  @Column({ name: 'ref', type: 'uuid' })
  ref!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @ManyToOne(() => School, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ name: 'pupil_number', type: 'text' })
  pupilNumber!: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'class_group_id', type: 'uuid' })
  classGroupId!: string;

  @ManyToOne(() => RosterGroup, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'class_group_id' })
  classGroup?: RosterGroup;

  /** The internaat living group the pupil boards in (possibly of another school), if any. */
  @Index('ix_pupil_living_group', { where: '"living_group_id" IS NOT NULL' })
  @Column({ name: 'living_group_id', type: 'uuid', nullable: true })
  livingGroupId!: string | null;

  @ManyToOne(() => RosterGroup, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'living_group_id' })
  livingGroup?: RosterGroup | null;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status!: PupilStatus;

  /** Lower-case first name, last name and number without accents: what the picker searches. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'gone_at', type: 'timestamptz', nullable: true })
  goneAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
