import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ContactChannel } from '@meldpunt/contracts';
import { Pupil } from './pupil.entity';

/**
 * A parent, guardian or contact person of a pupil, by position in the roster (`ouder1`, `ouder2`, … =
 * `slot`), keyed by (pupil, slot). `ref` is pseudonymous and stable for that slot. Contact details leave intake only sealed for the
 * communication service. Written only by the roster import, like Pupil (hence no foreign-key constraint).
 */
@Entity({ name: 'guardian' })
export class Guardian {
  @PrimaryColumn({ name: 'pupil_id', type: 'uuid', primaryKeyConstraintName: 'pk_guardian' })
  pupilId!: string;

  @PrimaryColumn({ name: 'slot', type: 'smallint', primaryKeyConstraintName: 'pk_guardian' })
  slot!: number;

  @Column({ name: 'ref', type: 'uuid' })
  ref!: string;

  @ManyToOne(() => Pupil, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'pupil_id' })
  pupil?: Pupil;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'household_label', type: 'text' })
  householdLabel!: string;

  /** ISO 639-1. */
  @Column({ name: 'language', type: 'text' })
  language!: string;

  @Column({ name: 'email', type: 'text', nullable: true })
  email!: string | null;

  /** E.164. */
  @Column({ name: 'mobile', type: 'text', nullable: true })
  mobile!: string | null;

  @Column({ name: 'preferred_channel', type: 'text' })
  preferredChannel!: ContactChannel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
