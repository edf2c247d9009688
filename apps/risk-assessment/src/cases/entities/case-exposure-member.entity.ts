import { CONTACT_KINDS, type ContactKind } from '@meldpunt/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTACT_TYPES, type ContactType } from '../domain/case-types';

/**
 * A person in an exposure: from the roster (every pupil and teacher of the group, copied when the group was
 * expanded, so the contact list does not shift under the doctor) or added by hand.
 */
@Entity({ name: 'case_exposure_member' })
@Index('ix_case_exposure_member_case', ['caseId'])
export class CaseExposureMember {
  @PrimaryColumn({ name: 'exposure_id', type: 'uuid' })
  exposureId!: string;

  @PrimaryColumn({ name: 'contact_ref', type: 'uuid' })
  contactRef!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'contact_kind', type: 'enum', enum: CONTACT_KINDS, enumName: 'case_member_contact_kind' })
  contactKind!: ContactKind;

  /** Set for members added by hand; roster members get theirs from the exposure (classmate, teacher …). */
  @Column({
    name: 'contact_type',
    type: 'enum',
    enum: CONTACT_TYPES,
    enumName: 'case_member_contact_type',
    nullable: true,
  })
  contactType!: ContactType | null;

  /** Set for members added by hand with their own date; null: the exposure's date. */
  @Column({ name: 'last_contact_date', type: 'date', nullable: true })
  lastContactDate!: string | null;

  @Column({ name: 'source', type: 'text' })
  source!: 'roster' | 'manual';

  /** A label for an external contact (`gezinslid 1`): never a name. */
  @Column({ name: 'label', type: 'text', nullable: true })
  label!: string | null;
}
