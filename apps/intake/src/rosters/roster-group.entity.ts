import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { GroupKind, SchoolLevel } from '@meldpunt/contracts';
import { School } from '../registry/school.entity';
import { SchoolYear } from './school-year.entity';

/**
 * A class, an extra group (zwemgroep, koor) or an internaat living group, of one school in one school year. A
 * living group belongs to the internaat; its boarders may be pupils of other schools. Its id is pseudonymous and
 * travels on Kafka.
 */
@Entity({ name: 'roster_group' })
@Unique('uq_roster_group_name', ['schoolId', 'schoolYear', 'kind', 'name'])
export class RosterGroup {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_roster_group_school' })
  school?: School;

  @Column({ name: 'school_year', type: 'text' })
  schoolYear!: string;

  @ManyToOne(() => SchoolYear, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_year', foreignKeyConstraintName: 'fk_roster_group_school_year' })
  year?: SchoolYear;

  @Column({ name: 'kind', type: 'text' })
  kind!: GroupKind;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'level', type: 'text' })
  level!: SchoolLevel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
