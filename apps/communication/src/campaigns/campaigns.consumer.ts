import { Injectable } from '@nestjs/common';
import { TOPICS, type CONTRACTS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import { ApplyGroupMembershipUseCase } from './use-cases/apply-group-membership.use-case';

/** intake.group-membership.changed.v1 → the campaigns' audience directory, in the inbox transaction. */
@Injectable()
export class CampaignsConsumer implements EventHandlers {
  constructor(private readonly applyGroupMembership: ApplyGroupMembershipUseCase) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.GROUP_MEMBERSHIP_CHANGED]: async (event, { manager }) => {
        await this.applyGroupMembership.execute(manager, event.payload, new Date(event.occurredAt));
      },
    };
  }
}
