import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { MeldingStatus } from './melding-status';
import { MeldingReport } from './melding-report.entity';
import { Melding } from './melding.entity';

export interface MeldingListFilter {
  readonly schoolId?: string;
  readonly status?: MeldingStatus;
  readonly limit: number;
  readonly offset: number;
}

/** Restricts a query on `m` (melding) to what the scope may see: its schools, or schools its CLBs serve. */
function visibleTo(query: SelectQueryBuilder<Melding>, scope: TenancyScope): SelectQueryBuilder<Melding> {
  if (scope.clbIds === null) return query;
  const conditions: string[] = [];
  if (scope.schoolIds && scope.schoolIds.length > 0)
    conditions.push('m.school_id = ANY(CAST(:scopeSchoolIds AS uuid[]))');
  if (scope.clbIds.length > 0) conditions.push('m.clb_ids && CAST(:scopeClbIds AS uuid[])');
  if (conditions.length === 0) return query.andWhere('false');
  return query.andWhere(`(${conditions.join(' OR ')})`, {
    scopeSchoolIds: scope.schoolIds ?? [],
    scopeClbIds: [...scope.clbIds],
  });
}

/**
 * Meldingen and their reports. Reads for users take the caller's TenancyScope; writes take the manager of the
 * caller's transaction; the few system reads (confirmation job, sweeper) say so in their names.
 */
@Injectable()
export class MeldingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findVisible(scope: TenancyScope, id: string): Promise<Melding | null> {
    const query = this.dataSource.getRepository(Melding).createQueryBuilder('m').where('m.id = :id', { id });
    return visibleTo(query, scope).getOne();
  }

  async listVisible(scope: TenancyScope, filter: MeldingListFilter): Promise<Melding[]> {
    let query = this.dataSource.getRepository(Melding).createQueryBuilder('m');
    if (filter.schoolId) query = query.andWhere('m.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.status) query = query.andWhere('m.status = :status', { status: filter.status });
    return visibleTo(query, scope)
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getMany();
  }

  /** Serialises transactions that touch the same keys (dedup key, idempotency key) until they commit. */
  async lock(manager: EntityManager, keys: readonly string[]): Promise<void> {
    for (const key of [...keys].sort()) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    }
  }

  async findByDedupKey(manager: EntityManager, dedupKey: string): Promise<Melding | null> {
    return manager.getRepository(Melding).findOneBy({ dedupKey });
  }

  async insert(manager: EntityManager, melding: Melding): Promise<void> {
    await manager.getRepository(Melding).insert(melding);
  }

  async insertReport(manager: EntityManager, report: MeldingReport): Promise<void> {
    await manager.getRepository(MeldingReport).insert(report);
  }

  /** System read (confirmation job, status changes): the melding, locked until the transaction ends. */
  async lockById(manager: EntityManager, id: string): Promise<Melding | null> {
    return manager
      .getRepository(Melding)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  async markConfirmationSent(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(Melding).update({ id }, { confirmationSentAt: at });
  }

  /** System read for the sweeper: meldingen created in [from, to) with an e-mail address but no confirmation. */
  async findUnconfirmedIds(from: Date, to: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Melding)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.confirmation_sent_at IS NULL AND m.contact_email IS NOT NULL')
      .andWhere('m.created_at >= :from AND m.created_at < :to', { from, to })
      .orderBy('m.created_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async updateStatus(manager: EntityManager, id: string, status: MeldingStatus, at: Date): Promise<void> {
    await manager.getRepository(Melding).update({ id }, { status, statusChangedAt: at });
  }
}
