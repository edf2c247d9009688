import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type JsonValue,
  type ProtocolAuditAction,
  ProtocolAuditEntry,
  type ProtocolChange,
} from './protocol-audit-entry.entity';
import { ProtocolVersion } from './protocol-version.entity';

export interface ProtocolVersionRow {
  readonly id: string;
  readonly protocolId: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly definition: JsonValue;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface ProtocolAuditRow {
  readonly id: string;
  readonly protocolId: string;
  readonly version: number;
  readonly action: ProtocolAuditAction;
  readonly actor: string;
  readonly at: Date;
  readonly reason: string;
  readonly changes: readonly ProtocolChange[];
}

/**
 * Protocol versions and their audit trail. Protocols are platform-wide reference data (the same rules for every
 * CLB), not tenant data: reads take no TenancyScope; writes are for admins only (see the controller).
 */
@Injectable()
export class ProtocolRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Every version of every protocol (a small table), by protocol and version. */
  async all(): Promise<ProtocolVersionRow[]> {
    return this.dataSource
      .getRepository(ProtocolVersion)
      .find({ order: { protocolId: 'ASC', version: 'ASC' } });
  }

  async versionsOf(protocolId: string): Promise<ProtocolVersionRow[]> {
    return this.dataSource
      .getRepository(ProtocolVersion)
      .find({ where: { protocolId }, order: { version: 'ASC' } });
  }

  /** Serialises writers of one protocol until the end of the transaction (versions are numbered max + 1). */
  async lock(manager: EntityManager, protocolId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`protocol:${protocolId}`]);
  }

  async latest(manager: EntityManager, protocolId: string): Promise<ProtocolVersionRow | null> {
    return manager
      .getRepository(ProtocolVersion)
      .findOne({ where: { protocolId }, order: { version: 'DESC' } });
  }

  async insert(manager: EntityManager, row: ProtocolVersionRow): Promise<void> {
    await manager.getRepository(ProtocolVersion).insert(toEntity(row));
  }

  /** Inserts unless (protocolId, version) exists; true when this call inserted it. */
  async insertIfAbsent(manager: EntityManager, row: ProtocolVersionRow): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ProtocolVersion)
      .values(toEntity(row))
      .orIgnore()
      .returning(['id'])
      .execute();
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  async appendAudit(manager: EntityManager, entry: ProtocolAuditRow): Promise<void> {
    const row = Object.assign(new ProtocolAuditEntry(), { ...entry, changes: [...entry.changes] });
    await manager.getRepository(ProtocolAuditEntry).insert(row);
  }

  /** The audit trail of one protocol, newest first. */
  async auditOf(protocolId: string): Promise<ProtocolAuditRow[]> {
    return this.dataSource
      .getRepository(ProtocolAuditEntry)
      .find({ where: { protocolId }, order: { at: 'DESC', version: 'DESC' } });
  }
}

function toEntity(row: ProtocolVersionRow): ProtocolVersion {
  return Object.assign(new ProtocolVersion(), row);
}
