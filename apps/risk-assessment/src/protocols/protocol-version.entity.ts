import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { JsonValue } from './protocol-audit-entry.entity';

/**
 * One version of a disease protocol. Versions are never changed or deleted: an admin adds a new one with an
 * effective-from date, and the engine uses the version in force on the date it evaluates.
 */
@Entity({ name: 'protocol_version' })
@Unique('uq_protocol_version', ['protocolId', 'version'])
@Index('ix_protocol_version_effective', ['protocolId', 'effectiveFrom'])
export class ProtocolVersion {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  /** The disease (a value of DISEASES). */
  @Column({ name: 'protocol_id', type: 'text' })
  protocolId!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  /** YYYY-MM-DD (Brussels civil date). */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** The whole ProtocolDefinition (validated before it is written, and again when it is read). */
  @Column({ name: 'definition', type: 'jsonb' })
  definition!: JsonValue;

  /** userId of the admin, or `system` for a seeded example. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
