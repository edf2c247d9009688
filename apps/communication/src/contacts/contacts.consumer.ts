import { Injectable } from '@nestjs/common';
import { TOPICS, type CONTRACTS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import { ApplyGuardianContactsUseCase } from './use-cases/apply-guardian-contacts.use-case';

/** intake.guardian-contacts.changed.v1 → the encrypted contact store, in the inbox transaction. */
@Injectable()
export class ContactsConsumer implements EventHandlers {
  constructor(private readonly applyContacts: ApplyGuardianContactsUseCase) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.GUARDIAN_CONTACTS_CHANGED]: async (event, { manager }) => {
        await this.applyContacts.execute(manager, event.payload, new Date(event.occurredAt));
      },
    };
  }
}
