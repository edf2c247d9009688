import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CONTRACTS, TOPICS, type EventEnvelope } from '@meldpunt/contracts';
import { createEnvelope, OutboxWriter } from '@meldpunt/messaging';
import type { ClbView } from './clb.repository';
import type { SchoolView } from './school.repository';

export const PRODUCER = 'intake';

export interface EventContext {
  readonly correlationId: string;
  readonly causationId?: string | null;
}

/** The registry's announcements (CLB_REGISTERED, SCHOOL_REGISTERED), appended to the caller's transaction. */
@Injectable()
export class RegistryEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  clbRegistered(clb: ClbView, context: EventContext): EventEnvelope {
    return createEnvelope(
      CONTRACTS,
      TOPICS.CLB_REGISTERED,
      { clbId: clb.id, name: clb.name },
      { producer: PRODUCER, ...context },
    );
  }

  schoolRegistered(school: SchoolView, context: EventContext): EventEnvelope {
    return createEnvelope(
      CONTRACTS,
      TOPICS.SCHOOL_REGISTERED,
      {
        schoolId: school.id,
        clbId: school.clbId,
        instellingsnummer: school.instellingsnummer,
        name: school.name,
        levels: [...school.levels],
        isInternaat: school.isInternaat,
        address: school.address,
        servingClbIds: [...school.servingClbIds],
      },
      { producer: PRODUCER, ...context },
    );
  }

  async append(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    await this.outbox.append(manager, events);
  }
}
