import { Injectable } from '@nestjs/common';
import type { GroupMembershipChangedV1 } from '@meldpunt/contracts';
import { SchoolReplica } from '@meldpunt/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CampaignGroup } from './campaign-group.entity';

/** The audience directory: groups per school (newest school year) and the schools of the directory replica. */
@Injectable()
export class AudienceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Applies one membership event unless a newer one of the group was applied already; true when applied. */
  async apply(manager: EntityManager, payload: GroupMembershipChangedV1, occurredAt: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CampaignGroup)
      .values({
        id: payload.groupId,
        schoolId: payload.schoolId,
        schoolYear: payload.schoolYear,
        kind: payload.kind,
        name: payload.name,
        level: payload.level,
        pupilRefs: [...new Set(payload.pupilRefs)],
        sourceOccurredAt: occurredAt,
      })
      .orUpdate(
        ['school_id', 'school_year', 'kind', 'name', 'level', 'pupil_refs', 'source_occurred_at'],
        ['id'],
        { overwriteCondition: { where: 'campaign_group.source_occurred_at <= EXCLUDED.source_occurred_at' } },
      )
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Schools of these CLBs (null: every CLB), by name. */
  async schoolsOf(clbIds: readonly string[] | null, manager?: EntityManager): Promise<SchoolReplica[]> {
    const repository = (manager ?? this.dataSource.manager).getRepository(SchoolReplica);
    return repository.find({
      ...(clbIds === null ? {} : { where: { clbId: In([...clbIds]) } }),
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  async schoolsByIds(schoolIds: readonly string[], manager?: EntityManager): Promise<SchoolReplica[]> {
    if (schoolIds.length === 0) return [];
    return (manager ?? this.dataSource.manager)
      .getRepository(SchoolReplica)
      .findBy({ id: In([...new Set(schoolIds)]) });
  }

  /** The groups of these schools in each school's newest school year (older years' groups are history). */
  async currentGroups(schoolIds: readonly string[], manager?: EntityManager): Promise<CampaignGroup[]> {
    if (schoolIds.length === 0) return [];
    return (manager ?? this.dataSource.manager)
      .getRepository(CampaignGroup)
      .createQueryBuilder('g')
      .where('g.school_id = ANY(:schoolIds)', { schoolIds: [...new Set(schoolIds)] })
      .andWhere(
        `g.school_year = (SELECT max(newest.school_year) FROM campaign_group newest WHERE newest.school_id = g.school_id)`,
      )
      .orderBy('g.school_id', 'ASC')
      .addOrderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .getMany();
  }
}
