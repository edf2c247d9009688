import { Injectable } from '@nestjs/common';
import type { GroupMembershipChangedV1 } from '@meldpunt/contracts';
import { In, type EntityManager } from 'typeorm';
import { RosterGroup } from './roster-group.entity';

/** The roster projection: order-tolerant writes from the roster events, reads by group id for case building. */
@Injectable()
export class RosterProjection {
  /**
   * Applies one membership event unless a newer one (by `occurredAt`) was applied already: events of a key may
   * arrive out of order after a retry. True when the group changed.
   */
  async apply(manager: EntityManager, payload: GroupMembershipChangedV1, occurredAt: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(RosterGroup)
      .values({
        id: payload.groupId,
        schoolId: payload.schoolId,
        schoolYear: payload.schoolYear,
        kind: payload.kind,
        name: payload.name,
        level: payload.level,
        pupilRefs: [...new Set(payload.pupilRefs)],
        staffRefs: [...new Set(payload.staffRefs)],
        sourceOccurredAt: occurredAt,
      })
      .orUpdate(
        [
          'school_id',
          'school_year',
          'kind',
          'name',
          'level',
          'pupil_refs',
          'staff_refs',
          'source_occurred_at',
        ],
        ['id'],
        { overwriteCondition: { where: 'roster_group.source_occurred_at <= EXCLUDED.source_occurred_at' } },
      )
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async findGroups(manager: EntityManager, groupIds: readonly string[]): Promise<Map<string, RosterGroup>> {
    if (groupIds.length === 0) return new Map();
    const groups = await manager.getRepository(RosterGroup).findBy({ id: In([...new Set(groupIds)]) });
    return new Map(groups.map((group) => [group.id, group]));
  }
}
