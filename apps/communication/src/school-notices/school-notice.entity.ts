import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The class notice issued to a school for one decision version: claimed once (a redelivered or replayed decision
 * issues nothing new) and kept as the record of what the school was told. Counts only, no personal data.
 */
@Entity({ name: 'school_notice' })
export class SchoolNotice {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'pk_school_notice' })
  caseId!: string;

  @PrimaryColumn({ name: 'decision_version', type: 'integer', primaryKeyConstraintName: 'pk_school_notice' })
  decisionVersion!: number;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'classes', type: 'jsonb' })
  classes!: unknown;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;
}

export const SCHOOL_NOTICE_ENTITIES = [SchoolNotice];
