import { z } from 'zod';

/**
 * Every event on Kafka travels in this envelope. The payload is validated against the schema registered for
 * the topic (see ./registry.ts) by every consumer, so a malformed event is dead-lettered, never half-applied.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  /** Unique id of this event; consumers deduplicate on (eventId, consumer). */
  readonly eventId: string;
  /** The topic name, e.g. `intake.school.registered.v1`. */
  readonly type: TType;
  /** Schema version of the payload; equals the `.vN` suffix of the type. */
  readonly version: number;
  /** ISO-8601 UTC timestamp at which the fact happened. */
  readonly occurredAt: string;
  /** Service that produced the event, e.g. `intake`. */
  readonly producer: string;
  /** Id that follows one business flow (one melding) through every service. */
  readonly correlationId: string;
  /** eventId of the event that caused this one, or null for an origin event. */
  readonly causationId: string | null;
  readonly payload: TPayload;
}

const uuid = z.uuid();

export const envelopeSchema = z.object({
  eventId: uuid,
  type: z
    .string()
    .regex(/^[a-z-]+\.[a-z-]+\.[a-z-]+\.v\d+$/, 'type must look like <domain>.<entity>.<past-tense>.vN'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  payload: z.unknown(),
});

/** Version number encoded in a topic name (`…​.v2` → 2). */
export function versionOf(topic: string): number {
  const match = /\.v(\d+)$/.exec(topic);
  if (!match?.[1]) throw new Error(`Topic ${topic} has no .vN version suffix`);
  return Number(match[1]);
}
