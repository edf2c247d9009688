import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../users/user-account.entity';

/**
 * A logged-in browser. The cookie carries a random 256-bit id; only its SHA-256 is stored, so a copy of this table
 * cannot be replayed as cookies. Ends 30 minutes after the last request or 12 hours after login, whichever is first
 * (`expires_at`, see session-policy.ts).
 */
@Entity({ name: 'session' })
export class Session {
  /** hex SHA-256 of the cookie value. */
  @PrimaryColumn({ name: 'id_hash', type: 'char', length: 64 })
  idHash!: string;

  @Index('ix_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_session_user' })
  user?: UserAccount;

  /** Sent back by the page in X-CSRF-Token on every state-changing request. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Index('ix_session_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
