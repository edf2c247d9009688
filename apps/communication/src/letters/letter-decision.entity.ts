import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PlannedUnreachable } from './planning/plan-letters';

/**
 * A decision version whose letters were planned: planning happens once per (case, version) whatever the number
 * of deliveries of the event. Keeps the CLB for tenancy and who could not be written to.
 */
@Entity({ name: 'letter_decision' })
export class LetterDecision {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'pk_letter_decision' })
  caseId!: string;

  @PrimaryColumn({
    name: 'decision_version',
    type: 'integer',
    primaryKeyConstraintName: 'pk_letter_decision',
  })
  decisionVersion!: number;

  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** Contacts (and guardians) no letter could be planned for, refs only. */
  @Column({ name: 'unreachable', type: 'jsonb', default: () => "'[]'::jsonb" })
  unreachable!: PlannedUnreachable[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
