import { CONTACT_KINDS, SCHOOL_LEVELS, type ContactKind, type SchoolLevel } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import {
  CONTACT_TYPES,
  RISK_LEVELS,
  type ContactOverride,
  type ContactType,
  type Proposal,
  type RiskLevel,
} from '../domain/case-types';

/**
 * One contact of a case: the union of the exposures the person was in (a person in two exposures is one contact
 * with the latest last-contact date), the protocol's proposal, and a doctor's override with its reason.
 * Removed contacts stay (removed_at) so re-expanding a group never brings them back.
 */
@Entity({ name: 'case_contact' })
@Index('ux_case_contact_ref', ['caseId', 'contactRef'], { unique: true })
export class CaseContact {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'contact_ref', type: 'uuid' })
  contactRef!: string;

  @Column({ name: 'contact_kind', type: 'enum', enum: CONTACT_KINDS, enumName: 'case_contact_kind' })
  contactKind!: ContactKind;

  @Column({ name: 'contact_type', type: 'enum', enum: CONTACT_TYPES, enumName: 'case_contact_type' })
  contactType!: ContactType;

  @Column({ name: 'level', type: 'enum', enum: SCHOOL_LEVELS, enumName: 'case_contact_level' })
  level!: SchoolLevel;

  @Column({ name: 'last_contact_date', type: 'date' })
  lastContactDate!: string;

  @Column({ name: 'exposure_ids', type: 'uuid', array: true })
  exposureIds!: string[];

  @Column({ name: 'label', type: 'text', nullable: true })
  label!: string | null;

  /** Vaccinated/immune for the disease, as recorded on the case; null: unknown. */
  @Column({ name: 'vaccinated', type: 'boolean', nullable: true })
  vaccinated!: boolean | null;

  @Column({ name: 'proposal', type: 'jsonb' })
  proposal!: Proposal;

  @Column({ name: 'override', type: 'jsonb', nullable: true })
  override!: ContactOverride | null;

  /** Effective risk (override or proposal), kept for counts and filters. */
  @Column({ name: 'risk', type: 'enum', enum: RISK_LEVELS, enumName: 'case_contact_risk' })
  risk!: RiskLevel;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'removed_by', type: 'text', nullable: true })
  removedBy!: string | null;
}
