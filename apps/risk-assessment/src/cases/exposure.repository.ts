import { Injectable } from '@nestjs/common';
import type { Disease } from '@meldpunt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { EXPOSURE_KINDS } from './domain/case-types';
import { CaseExposureMember } from './entities/case-exposure-member.entity';
import { CaseExposure } from './entities/case-exposure.entity';

export interface ExposureWithCount {
  readonly exposure: CaseExposure;
  readonly memberCount: number;
}

/** Exposures of cases and the people in them. Writes take the caller's transaction manager. */
@Injectable()
export class ExposureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order they came: per melding (or edit), groups before activities, then by label. */
  async exposuresOf(manager: EntityManager, caseId: string): Promise<CaseExposure[]> {
    const exposures = await manager.getRepository(CaseExposure).find({ where: { caseId } });
    return exposures.sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        EXPOSURE_KINDS.indexOf(a.kind) - EXPOSURE_KINDS.indexOf(b.kind) ||
        (a.label ?? '').localeCompare(b.label ?? '') ||
        a.id.localeCompare(b.id),
    );
  }

  async membersOf(manager: EntityManager, caseId: string): Promise<CaseExposureMember[]> {
    return manager.getRepository(CaseExposureMember).find({ where: { caseId } });
  }

  async exposuresWithCounts(caseId: string): Promise<ExposureWithCount[]> {
    const exposures = await this.exposuresOf(this.dataSource.manager, caseId);
    const counts = await this.dataSource
      .getRepository(CaseExposureMember)
      .createQueryBuilder('m')
      .select('m.exposure_id', 'exposure_id')
      .addSelect('count(*)::int', 'n')
      .where('m.case_id = :caseId', { caseId })
      .groupBy('m.exposure_id')
      .getRawMany<{ exposure_id: string; n: number }>();
    const byId = new Map(counts.map((row) => [row.exposure_id, Number(row.n)]));
    return exposures.map((exposure) => ({ exposure, memberCount: byId.get(exposure.id) ?? 0 }));
  }

  async insertExposures(manager: EntityManager, exposures: readonly CaseExposure[]): Promise<void> {
    if (exposures.length > 0) await manager.getRepository(CaseExposure).insert([...exposures]);
  }

  async saveExposures(manager: EntityManager, exposures: readonly CaseExposure[]): Promise<void> {
    if (exposures.length > 0) await manager.getRepository(CaseExposure).save([...exposures]);
  }

  /** Adds members; a person already in the exposure keeps their row unless `replace` (hand-added details). */
  async addMembers(
    manager: EntityManager,
    members: readonly CaseExposureMember[],
    replace = false,
  ): Promise<void> {
    for (let start = 0; start < members.length; start += 2_000) {
      const query = manager
        .createQueryBuilder()
        .insert()
        .into(CaseExposureMember)
        .values(members.slice(start, start + 2_000));
      if (replace) {
        query.orUpdate(
          ['contact_kind', 'contact_type', 'last_contact_date', 'source', 'label'],
          ['exposure_id', 'contact_ref'],
        );
      } else {
        query.orIgnore();
      }
      await query.execute();
    }
  }

  /** System read (roster consumer): ids of cases with an exposure still waiting for this group's roster. */
  async caseIdsAwaitingRoster(manager: EntityManager, groupId: string): Promise<string[]> {
    const rows = await manager
      .getRepository(CaseExposure)
      .createQueryBuilder('e')
      .select('DISTINCT e.case_id', 'case_id')
      .where('e.group_id = :groupId AND e.awaiting_roster', { groupId })
      .orderBy('case_id')
      .getRawMany<{ case_id: string }>();
    return rows.map((row) => row.case_id);
  }

  /**
   * How many people (distinct index persons, whatever the CLB) had this disease in each group with a last day
   * present on or after `since`: the "number of cases in the class" the protocols ask for.
   */
  async casesInGroups(
    manager: EntityManager,
    groupIds: readonly string[],
    disease: Disease,
    since: string,
  ): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(CaseExposure)
      .createQueryBuilder('e')
      .select('e.group_id', 'group_id')
      .addSelect('count(DISTINCT c.subject_ref)::int', 'n')
      .innerJoin('risk_case', 'c', 'c.id = e.case_id')
      .where('e.group_id = ANY(CAST(:groupIds AS uuid[]))', { groupIds: [...groupIds] })
      .andWhere("e.source = 'melding' AND c.disease = :disease AND e.last_contact_date >= :since", {
        disease,
        since,
      })
      .groupBy('e.group_id')
      .getRawMany<{ group_id: string; n: number }>();
    return new Map(rows.map((row) => [row.group_id, Number(row.n)]));
  }
}
