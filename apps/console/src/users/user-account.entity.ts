import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@meldpunt/auth';

/**
 * Someone who may log in to the console: school staff, CLB staff and doctors, coordinators, platform admins. The
 * e-mail address is stored normalised (trimmed, lower case), so it is unique regardless of case. Only an argon2id
 * hash of the password is kept.
 */
@Entity({ name: 'user_account' })
@Check('ck_user_account_role', `"role" IN ('school', 'clb-staff', 'doctor', 'coordinator', 'admin')`)
export class UserAccount {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Index('uq_user_account_email', { unique: true })
  @Column({ name: 'email', type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'role', type: 'text' })
  role!: Role;

  /** CLBs a clb-staff, doctor or coordinator works for (intake's CLB ids). */
  @Column({ name: 'clb_ids', type: 'uuid', array: true, default: () => "'{}'" })
  clbIds!: string[];

  /** Schools a school user acts for (intake's school ids). */
  @Column({ name: 'school_ids', type: 'uuid', array: true, default: () => "'{}'" })
  schoolIds!: string[];

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
