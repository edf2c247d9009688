import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { Disease } from '@meldpunt/contracts';
import { SchoolReplica } from '@meldpunt/platform';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { CaseStatus } from './domain/case-types';
import { CaseMelding } from './entities/case-melding.entity';
import { CaseTimelineEntry } from './entities/case-timeline-entry.entity';
import { RiskCase } from './entities/risk-case.entity';

export interface QueueFilter {
  readonly statuses: readonly CaseStatus[];
  readonly limit: number;
  readonly offset: number;
}

export interface CaseWithSchool {
  readonly riskCase: RiskCase;
  /** The school's name from the directory replica (null if it left the directory). */
  readonly schoolName: string | null;
}

/** Restricts a query on `c` (risk_case) to the caller's CLBs: a CLB never reads another CLB's cases. */
function visibleTo(query: SelectQueryBuilder<RiskCase>, scope: TenancyScope): SelectQueryBuilder<RiskCase> {
  if (scope.clbIds === null) return query;
  if (scope.clbIds.length === 0) return query.andWhere('false');
  return query.andWhere('c.clb_id = ANY(CAST(:scopeClbIds AS uuid[]))', { scopeClbIds: [...scope.clbIds] });
}

/**
 * Cases, their meldingen and timelines. Reads for users take the caller's TenancyScope; writes take the manager of
 * the caller's transaction; system reads (consumers, the live stream) say so in their names.
 */
@Injectable()
export class CaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listVisible(
    scope: TenancyScope,
    filter: QueueFilter,
  ): Promise<{ items: CaseWithSchool[]; total: number }> {
    const base = visibleTo(
      this.dataSource
        .getRepository(RiskCase)
        .createQueryBuilder('c')
        .where('c.status IN (:...statuses)', { statuses: [...filter.statuses] }),
      scope,
    );
    const total = await base.clone().getCount();
    const query = base
      .clone()
      .leftJoin(SchoolReplica, 's', 's.id = c.school_id')
      .addSelect('s.name', 'school_name');
    if (filter.statuses.length === 1 && filter.statuses[0] === 'decided') {
      query.orderBy('c.decided_at', 'DESC', 'NULLS LAST');
    } else {
      // The queue: open before decided, then urgency, deadline (soonest first) and waiting time.
      query
        .orderBy("CASE WHEN c.status = 'open' THEN 0 ELSE 1 END", 'ASC')
        .addOrderBy('c.urgency_rank', 'ASC')
        .addOrderBy('c.deadline', 'ASC', 'NULLS LAST')
        .addOrderBy('c.queued_at', 'ASC');
    }
    const { entities, raw } = await query
      .addOrderBy('c.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getRawAndEntities<{ school_name: string | null }>();
    return {
      items: entities.map((riskCase, index) => ({ riskCase, schoolName: raw[index]?.school_name ?? null })),
      total,
    };
  }

  async findVisible(scope: TenancyScope, id: string): Promise<CaseWithSchool | null> {
    const query = this.dataSource.getRepository(RiskCase).createQueryBuilder('c').where('c.id = :id', { id });
    return this.oneWithSchool(visibleTo(query, scope));
  }

  /** System read for the live stream: one case as the queue shows it. */
  async findForStream(id: string): Promise<CaseWithSchool | null> {
    return this.oneWithSchool(
      this.dataSource.getRepository(RiskCase).createQueryBuilder('c').where('c.id = :id', { id }),
    );
  }

  /** The case, locked until the transaction ends, if the scope may see it. */
  async lockVisible(manager: EntityManager, scope: TenancyScope, id: string): Promise<RiskCase | null> {
    const query = visibleTo(
      manager
        .getRepository(RiskCase)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id }),
      scope,
    );
    return query.getOne();
  }

  /** System read (consumers): a case by id, locked until the transaction ends. */
  async lockById(manager: EntityManager, id: string): Promise<RiskCase | null> {
    return manager
      .getRepository(RiskCase)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /** Serialises transactions on the same key (one person's case in one CLB) until they commit. */
  async lock(manager: EntityManager, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  /** System read (consumers): the case of this person and disease in this CLB, locked. */
  async lockForSubject(
    manager: EntityManager,
    clbId: string,
    subjectRef: string,
    disease: Disease,
  ): Promise<RiskCase | null> {
    return manager
      .getRepository(RiskCase)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.clb_id = :clbId AND c.subject_ref = :subjectRef AND c.disease = :disease', {
        clbId,
        subjectRef,
        disease,
      })
      .getOne();
  }

  /**
   * System read (consumers): ids of other people's cases (any CLB) of this disease with an exposure on one of
   * these groups: a new case in the class changes their assessment.
   */
  async findRelatedCaseIds(
    manager: EntityManager,
    groupIds: readonly string[],
    disease: Disease,
    exceptSubjectRef: string,
  ): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const rows = await manager
      .getRepository(RiskCase)
      .createQueryBuilder('c')
      .select('DISTINCT c.id', 'id')
      .innerJoin('case_exposure', 'e', 'e.case_id = c.id')
      .where('e.group_id = ANY(CAST(:groupIds AS uuid[]))', { groupIds: [...groupIds] })
      .andWhere('c.disease = :disease AND c.subject_ref <> :exceptSubjectRef', { disease, exceptSubjectRef })
      .orderBy('id')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async insert(manager: EntityManager, riskCase: RiskCase): Promise<void> {
    await manager.getRepository(RiskCase).insert(riskCase);
  }

  async save(manager: EntityManager, riskCase: RiskCase): Promise<void> {
    await manager.getRepository(RiskCase).save(riskCase);
  }

  /** Records a melding on a case; false when it was recorded before (a redelivered or re-published melding). */
  async addMelding(manager: EntityManager, melding: CaseMelding): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CaseMelding)
      .values(melding)
      .orIgnore()
      .returning(['meldingId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The meldingen of a case as the transaction sees them (for events about them). */
  async meldingenIn(manager: EntityManager, caseId: string): Promise<CaseMelding[]> {
    return manager.getRepository(CaseMelding).find({ where: { caseId }, order: { meldingId: 'ASC' } });
  }

  async meldingenOf(caseId: string): Promise<CaseMelding[]> {
    return this.dataSource
      .getRepository(CaseMelding)
      .find({ where: { caseId }, order: { receivedAt: 'ASC', meldingId: 'ASC' } });
  }

  async addTimeline(manager: EntityManager, entries: readonly CaseTimelineEntry[]): Promise<void> {
    if (entries.length > 0) await manager.getRepository(CaseTimelineEntry).insert([...entries]);
  }

  async timelineOf(caseId: string): Promise<CaseTimelineEntry[]> {
    return this.dataSource
      .getRepository(CaseTimelineEntry)
      .find({ where: { caseId }, order: { seq: 'ASC' } });
  }

  private async oneWithSchool(query: SelectQueryBuilder<RiskCase>): Promise<CaseWithSchool | null> {
    const { entities, raw } = await query
      .leftJoin(SchoolReplica, 's', 's.id = c.school_id')
      .addSelect('s.name', 'school_name')
      .getRawAndEntities<{ school_name: string | null }>();
    const riskCase = entities[0];
    return riskCase ? { riskCase, schoolName: raw[0]?.school_name ?? null } : null;
  }
}
