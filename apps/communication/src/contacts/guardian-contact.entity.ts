import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One guardian of one pupil, as intake sealed it for this service: the contact details (name, e-mail, mobile,
 * language, preferred channel, the pupil's name) encrypted at rest with CONTACTS_ENCRYPTION_KEY, the refs as
 * associated data. Only this service ever decrypts them. `encrypted` null = the guardian was removed (kept as a
 * tombstone so a replayed older event cannot bring it back). The primary key's (school, pupil) prefix serves the
 * look-up of a pupil's guardians.
 */
@Entity({ name: 'guardian_contact' })
export class GuardianContactRecord {
  @PrimaryColumn({ name: 'school_id', type: 'uuid', primaryKeyConstraintName: 'pk_guardian_contact' })
  schoolId!: string;

  @PrimaryColumn({ name: 'pupil_ref', type: 'uuid', primaryKeyConstraintName: 'pk_guardian_contact' })
  pupilRef!: string;

  @PrimaryColumn({ name: 'guardian_ref', type: 'uuid', primaryKeyConstraintName: 'pk_guardian_contact' })
  guardianRef!: string;

  @Column({ name: 'encrypted', type: 'text', nullable: true })
  encrypted!: string | null;

  /** occurredAt of the event last applied; older events are ignored. */
  @Column({ name: 'source_occurred_at', type: 'timestamptz' })
  sourceOccurredAt!: Date;
}
