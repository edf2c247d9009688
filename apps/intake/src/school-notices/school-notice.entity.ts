import type { SchoolNoticeIssuedV1 } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type NoticeClasses = SchoolNoticeIssuedV1['classes'];

/**
 * A class notice the CLB issued to a school (communication.school-notice.issued.v1): classes, counts and measures,
 * never a name. One per case and decision version; the school sees the latest version of each case.
 */
@Entity({ name: 'school_notice' })
@Index('uq_school_notice_case_version', ['caseId', 'decisionVersion'], { unique: true })
@Index('ix_school_notice_school', ['schoolId', 'issuedAt'])
export class SchoolNotice {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid', primaryKeyConstraintName: 'pk_school_notice' })
  noticeId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'decision_version', type: 'integer' })
  decisionVersion!: number;

  @Column({ name: 'disease', type: 'text' })
  disease!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'classes', type: 'jsonb' })
  classes!: NoticeClasses;
}

export const SCHOOL_NOTICE_ENTITIES = [SchoolNotice];
