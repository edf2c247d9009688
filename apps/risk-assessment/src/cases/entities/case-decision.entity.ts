import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DecidedContact } from '../domain/case-types';

/** One approved decision version of a case, as published on risk.measures.decided.v1. */
@Entity({ name: 'case_decision' })
export class CaseDecision {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** User id of the approving doctor. */
  @Column({ name: 'decided_by', type: 'text' })
  decidedBy!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'contacts', type: 'jsonb' })
  contacts!: DecidedContact[];

  @Column({ name: 'withdrawn_contact_refs', type: 'uuid', array: true })
  withdrawnContactRefs!: string[];
}
