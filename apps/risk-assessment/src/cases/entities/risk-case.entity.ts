import {
  DISEASES,
  SCHOOL_LEVELS,
  SUBJECT_KINDS,
  TEST_RESULTS,
  type Disease,
  type SchoolLevel,
  type SubjectKind,
  type TestResult,
} from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import {
  CASE_STATUSES,
  URGENCIES,
  type CaseStatus,
  type RuleReference,
  type Urgency,
} from '../domain/case-types';

/**
 * One infected person (the index) with one disease, as one CLB handles it. A melding that reaches two CLBs (a
 * boarder at an internaat in another CLB's area) opens a case in each. Later meldingen of the same person and
 * disease are added to it (see CaseMelding). Every read for a user is scoped by `clb_id`.
 */
@Entity({ name: 'risk_case' })
@Index('ux_risk_case_subject', ['clbId', 'subjectRef', 'disease'], { unique: true })
@Index('ix_risk_case_queue', ['clbId', 'status', 'urgencyRank', 'deadline', 'queuedAt'])
export class RiskCase {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** correlationId of the first melding's flow: the case's events continue it. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  /** Reference of the first melding (`M-2026-000123`): what school and CLB say on the phone. */
  @Column({ name: 'reference', type: 'text' })
  reference!: string;

  @Column({ name: 'subject_kind', type: 'enum', enum: SUBJECT_KINDS, enumName: 'risk_case_subject_kind' })
  subjectKind!: SubjectKind;

  /** Pseudonymous ref of the index person. */
  @Column({ name: 'subject_ref', type: 'uuid' })
  subjectRef!: string;

  @Column({ name: 'disease', type: 'enum', enum: DISEASES, enumName: 'risk_case_disease' })
  disease!: Disease;

  /** School level the protocol is applied for when an exposure has none of its own. */
  @Column({ name: 'level', type: 'enum', enum: SCHOOL_LEVELS, enumName: 'risk_case_level' })
  level!: SchoolLevel;

  @Column({ name: 'status', type: 'enum', enum: CASE_STATUSES, enumName: 'risk_case_status' })
  status!: CaseStatus;

  @Column({ name: 'urgency', type: 'enum', enum: URGENCIES, enumName: 'risk_case_urgency' })
  urgency!: Urgency;

  /** 0 critical, 1 high, 2 normal: the queue's first sort key. */
  @Column({ name: 'urgency_rank', type: 'smallint' })
  urgencyRank!: number;

  @Column({ name: 'deadline', type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ name: 'always_page', type: 'boolean' })
  alwaysPage!: boolean;

  /** The protocol rule that set the urgency. */
  @Column({ name: 'urgency_rule', type: 'jsonb' })
  urgencyRule!: RuleReference;

  /** Facts of the latest melding (a later melding corrects an earlier one). */
  @Column({ name: 'onset_date', type: 'date', nullable: true })
  onsetDate!: string | null;

  @Column({ name: 'test_date', type: 'date', nullable: true })
  testDate!: string | null;

  @Column({
    name: 'test_result',
    type: 'enum',
    enum: TEST_RESULTS,
    enumName: 'risk_case_test_result',
    nullable: true,
  })
  testResult!: TestResult | null;

  @Column({ name: 'last_day_present', type: 'date' })
  lastDayPresent!: string;

  /** receivedAt of the melding whose facts are shown (the latest). */
  @Column({ name: 'facts_received_at', type: 'timestamptz' })
  factsReceivedAt!: Date;

  /** When the first melding was received. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** When the case (re)entered the queue: the waiting time counts from here. */
  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt!: Date;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  /** User id (from the console) working on the case, or null. */
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  /** Last approved decision version; 0 before the first approval. */
  @Column({ name: 'decision_version', type: 'integer', default: 0 })
  decisionVersion!: number;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Open again after a decision: new facts or edits wait for a new approval. */
  @Column({ name: 'reassessment', type: 'boolean', default: false })
  reassessment!: boolean;

  /** Active (not removed) contacts, and of those with high risk, kept for the queue. */
  @Column({ name: 'contact_count', type: 'integer', default: 0 })
  contactCount!: number;

  @Column({ name: 'high_risk_count', type: 'integer', default: 0 })
  highRiskCount!: number;
}
