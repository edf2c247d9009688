import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  CONTRACTS,
  type EventEnvelope,
  type EventPayloads,
  type GuardianContactV1,
  type Topic,
} from '@meldpunt/contracts';
import { createEnvelope, eventMessage, partitionKeyOf, type EventProducer } from '@meldpunt/messaging';
import { waitFor } from '@meldpunt/testing';
import type { LetterInput, LetterRendering, RenderedLetter } from '../../templates/letter-renderer.types';
import type { CommunicationTestApp } from './communication-test-app';

/** What communication's integration specs share: events in, the inbox waited on, queues cleaned, plain letters. */

/** A quarantine as risk-assessment decides it (Brussels days). */
export const QUARANTINE = {
  kind: 'quarantine' as const,
  from: '2026-11-20',
  until: '2026-11-30',
  returnToSchool: '2026-12-01',
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
};

/** A guardian's contact details (before sealing), Dutch and e-mail unless told. */
export function guardian(overrides: Partial<GuardianContactV1>): GuardianContactV1 {
  return {
    name: 'Ouder Test',
    householdLabel: 'gezin 1',
    language: 'nl',
    email: null,
    mobile: null,
    preferredChannel: 'email',
    pupilFirstName: 'Kind',
    pupilLastName: 'Test',
    ...overrides,
  };
}

/** Publishes an event of the registry, keyed as its contract says; returns its envelope. */
export async function publish<T extends Topic>(
  producer: EventProducer,
  topic: T,
  payload: EventPayloads[T],
): Promise<EventEnvelope> {
  const envelope = createEnvelope(CONTRACTS, topic, payload, {
    producer: 'test',
    correlationId: randomUUID(),
  });
  await republish(producer, envelope);
  return envelope;
}

/** Publishes the same envelope again (a redelivery). */
export async function republish(producer: EventProducer, envelope: EventEnvelope): Promise<void> {
  await producer.publish([eventMessage(envelope, partitionKeyOf(CONTRACTS, envelope))]);
}

/** Waits until the app's inbox holds every one of these events (handled and committed). */
export async function handled(
  app: CommunicationTestApp,
  eventIds: string | readonly string[],
): Promise<void> {
  const ids = typeof eventIds === 'string' ? [eventIds] : [...eventIds];
  await waitFor(
    async () =>
      (await app.dataSource.query<unknown[]>('SELECT 1 FROM inbox WHERE event_id = ANY($1::uuid[])', [ids]))
        .length === ids.length,
    { timeoutMs: 30_000, description: `${ids.length} event(s) handled` },
  );
}

/** Deletes every BullMQ key of a test app's queue prefix. */
export async function dropQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Fast, deterministic letters naming the children, for volume and campaign tests (the real templates render a PDF
 * per letter: letters.int-spec covers them). Subject `<kind> <disease> <school>`.
 */
export class PlainRenderer implements LetterRendering {
  render(input: LetterInput): Promise<RenderedLetter> {
    const names = input.children.map((child) => child.firstName).join(', ');
    return Promise.resolve({
      language: 'nl',
      fellBack: false,
      direction: 'ltr',
      subject: `${input.kind} ${input.disease} ${input.schoolName}`,
      html: `<p>${names}</p>`,
      text: `Kinderen: ${names}`,
      sms: { body: `Kinderen: ${names} ${input.letterUrl}`, encoding: 'GSM-7', segments: 1 },
      attachments: [],
    });
  }
}
