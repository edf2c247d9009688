import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PROTOCOL_AUDIT_ACTIONS = ['seeded', 'created'] as const;
export type ProtocolAuditAction = (typeof PROTOCOL_AUDIT_ACTIONS)[number];

/** A JSON value as stored in a jsonb column (`object`: a JSON object or array). */
export type JsonValue = string | number | boolean | null | object;

/** One change to a field of a protocol, from the previous version to the new one. */
export interface ProtocolChange {
  /** `rules[2].measures[0].days`; `` for the whole definition. */
  readonly path: string;
  /** JSON value before (undefined → absent), shortened when long. */
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

/** Who changed which protocol, when, why, and what changed. Append-only. */
@Entity({ name: 'protocol_audit' })
@Index('ix_protocol_audit_protocol', ['protocolId', 'at'])
export class ProtocolAuditEntry {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'protocol_id', type: 'text' })
  protocolId!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'action', type: 'text' })
  action!: ProtocolAuditAction;

  /** userId of the admin (never a name), or `system`. */
  @Column({ name: 'actor', type: 'text' })
  actor!: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'changes', type: 'jsonb' })
  changes!: ProtocolChange[];
}
