import { Injectable } from '@nestjs/common';
import type { GroupMembershipChangedV1 } from '@meldpunt/contracts';
import type { EntityManager } from 'typeorm';
import { AudienceRepository } from '../audience.repository';

/** A changed class or group → the audience directory, in the inbox transaction (newest event wins). */
@Injectable()
export class ApplyGroupMembershipUseCase {
  constructor(private readonly audiences: AudienceRepository) {}

  execute(manager: EntityManager, payload: GroupMembershipChangedV1, occurredAt: Date): Promise<boolean> {
    return this.audiences.apply(manager, payload, occurredAt);
  }
}
