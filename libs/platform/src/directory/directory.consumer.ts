import { Injectable } from '@nestjs/common';
import { TOPICS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import type { CONTRACTS } from '@meldpunt/contracts';
import { ApplyDirectoryEventUseCase } from './apply-directory-event.use-case';

/** Keeps this service's directory replica in step with intake's registry events. */
@Injectable()
export class DirectoryConsumer implements EventHandlers {
  constructor(private readonly apply: ApplyDirectoryEventUseCase) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.CLB_REGISTERED]: (event, { manager }) =>
        this.apply.clbRegistered(manager, event.payload, new Date(event.occurredAt)),
      [TOPICS.SCHOOL_REGISTERED]: (event, { manager }) =>
        this.apply.schoolRegistered(manager, event.payload, new Date(event.occurredAt)),
    };
  }
}
