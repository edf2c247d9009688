import { Injectable } from '@nestjs/common';
import { TOPICS, type CONTRACTS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import { ApplyGroupMembershipUseCase } from './use-cases/apply-group-membership.use-case';
import { ReceiveMeldingUseCase } from './use-cases/receive-melding.use-case';
import { RecordLetterStatusUseCase } from './use-cases/record-letter-status.use-case';

/** Meldingen open cases, roster events keep the projection, letter statuses come back from communication. */
@Injectable()
export class CasesConsumer implements EventHandlers {
  constructor(
    private readonly receiveMelding: ReceiveMeldingUseCase,
    private readonly applyGroupMembership: ApplyGroupMembershipUseCase,
    private readonly recordLetterStatus: RecordLetterStatusUseCase,
  ) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.MELDING_RECEIVED]: (event, { manager }) =>
        this.receiveMelding.execute(manager, {
          eventId: event.eventId,
          correlationId: event.correlationId,
          payload: event.payload,
        }),
      [TOPICS.GROUP_MEMBERSHIP_CHANGED]: (event, { manager }) =>
        this.applyGroupMembership.execute(manager, event.payload, new Date(event.occurredAt)),
      [TOPICS.DELIVERY_UPDATED]: (event, { manager }) =>
        this.recordLetterStatus.execute(manager, event.payload),
    };
  }
}
