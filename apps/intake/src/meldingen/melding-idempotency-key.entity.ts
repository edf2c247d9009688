import type { MeldingAcceptedBody } from './melding-input';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The response given to a request with an Idempotency-Key, per caller, for 24 hours: the same key with the same
 * body gets the same response again; with another body, 422. Written in the melding's transaction.
 */
@Entity({ name: 'melding_idempotency_key' })
export class MeldingIdempotencyKey {
  /** Whose key: `user:<id>` for the console, `school:<id>` for school software (API and webhook). */
  @PrimaryColumn({ name: 'caller', type: 'text' })
  caller!: string;

  @PrimaryColumn({ name: 'key', type: 'text' })
  key!: string;

  /** sha256 of the canonical JSON of the request body. */
  @Column({ name: 'fingerprint', type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ name: 'melding_id', type: 'uuid' })
  meldingId!: string;

  /** `accepted` (202) or `merged` (200). */
  @Column({ name: 'outcome', type: 'text' })
  outcome!: 'accepted' | 'merged';

  @Column({ name: 'response', type: 'jsonb' })
  response!: MeldingAcceptedBody;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
