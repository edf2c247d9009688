import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClbRegisteredV1, SchoolRegisteredV1 } from '@meldpunt/contracts';
import { ClbReplica, SchoolReplica } from './directory.entities';

/**
 * Applies intake's registry events to this service's directory copy. Upserts are guarded by the event time, so
 * a late or replayed older event never overwrites newer data.
 */
@Injectable()
export class ApplyDirectoryEventUseCase {
  async clbRegistered(manager: EntityManager, payload: ClbRegisteredV1, occurredAt: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClbReplica)
      .values({ id: payload.clbId, name: payload.name, sourceOccurredAt: occurredAt })
      .orUpdate(['name', 'source_occurred_at'], ['id'], {
        overwriteCondition: { where: 'directory_clb.source_occurred_at <= EXCLUDED.source_occurred_at' },
      })
      .execute();
  }

  async schoolRegistered(
    manager: EntityManager,
    payload: SchoolRegisteredV1,
    occurredAt: Date,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SchoolReplica)
      .values({
        id: payload.schoolId,
        clbId: payload.clbId,
        instellingsnummer: payload.instellingsnummer,
        name: payload.name,
        levels: [...payload.levels],
        sourceOccurredAt: occurredAt,
      })
      .orUpdate(['clb_id', 'instellingsnummer', 'name', 'levels', 'source_occurred_at'], ['id'], {
        overwriteCondition: { where: 'directory_school.source_occurred_at <= EXCLUDED.source_occurred_at' },
      })
      .execute();
  }
}
