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
import type { PupilStatus } from './pupil.entity';

/** A teacher or other staff member, by the school's staff number; `gone` when missing from a new staff list. */
@Entity({ name: 'staff_member' })
@Unique('uq_staff_number', ['schoolId', 'staffNumber'])
export class StaffMember {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Index('uq_staff_ref', { unique: true })
  @Column({ name: 'ref', type: 'uuid' })
  ref!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_staff_member_school' })
  school?: School;

  @Column({ name: 'staff_number', type: 'text' })
  staffNumber!: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status!: PupilStatus;

  @Column({ name: 'gone_at', type: 'timestamptz', nullable: true })
  goneAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
