import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One credential pair of a school's software: an API key (only its sha256 is stored) and a webhook secret
 * (stored encrypted with AES-256-GCM, because verifying an HMAC needs the secret itself). Rotation sets
 * `revoked_at` on the previous pairs: now, or a few minutes ahead as a grace period.
 */
@Entity({ name: 'school_credential' })
@Index('ix_school_credential_school', ['schoolId', 'createdAt'])
export class SchoolCredential {
  /** Public id, also the middle part of the API key (`mpk_<keyId>_<secret>`); safe to log. */
  @PrimaryColumn({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** sha256 (hex) of the whole API key. The key has 256 bits of entropy, so a fast hash is enough. */
  @Column({ name: 'api_key_hash', type: 'char', length: 64, unique: true })
  apiKeyHash!: string;

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM under CREDENTIALS_ENCRYPTION_KEY, bound to key id. */
  @Column({ name: 'webhook_secret_sealed', type: 'text' })
  webhookSecretSealed!: string;

  /** Who issued it (`user:<id>`). */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** From this moment on it no longer works; null while it is the current pair. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
