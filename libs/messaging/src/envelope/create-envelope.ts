import { randomUUID } from 'node:crypto';
import {
  envelopeSchema,
  versionOf,
  type CONTRACTS,
  type ContractRegistry,
  type EventEnvelope,
  type EventPayloads,
  type Topic,
  type TopicContract,
} from '@meldpunt/contracts';
import type { z } from 'zod';
import { describeIssues, InvalidEventError, UnknownTopicError } from './invalid-event.error';

export interface EnvelopeOptions {
  /** The producing service, e.g. `intake`. */
  readonly producer: string;
  /** Follows one business flow through every service; reuse the incoming event's value (see causedBy). */
  readonly correlationId: string;
  /** eventId of the event that caused this one; null or absent for an origin event. */
  readonly causationId?: string | null;
  /** Deterministic id for idempotent producers; a random UUID when absent. */
  readonly eventId?: string;
  readonly occurredAt?: Date | string;
}

/** Payload type of a topic in a registry (what a handler receives after validation). */
export type PayloadOf<R extends ContractRegistry, T extends keyof R> = z.output<R[T]['schema']>;
/** Envelope type of a topic in a registry. */
export type EventOf<R extends ContractRegistry, T extends keyof R & string> = EventEnvelope<
  T,
  PayloadOf<R, T>
>;

/** Options that continue a flow: same correlationId, causationId = the incoming event. */
export function causedBy(event: Pick<EventEnvelope, 'eventId' | 'correlationId'>): {
  correlationId: string;
  causationId: string;
} {
  return { correlationId: event.correlationId, causationId: event.eventId };
}

/** The contract of `topic`, or UnknownTopicError. */
export function contractOf(registry: ContractRegistry, topic: string): TopicContract {
  const contract = Object.prototype.hasOwnProperty.call(registry, topic) ? registry[topic] : undefined;
  if (!contract) throw new UnknownTopicError(topic);
  return contract;
}

/**
 * Builds a validated envelope. The payload is parsed with the topic's schema (unknown keys are dropped); a bad
 * payload throws an InvalidEventError naming the topic and each bad field.
 */
export function createEnvelope<T extends Topic>(
  registry: typeof CONTRACTS,
  topic: T,
  payload: EventPayloads[T],
  options: EnvelopeOptions,
): EventEnvelope<T, EventPayloads[T]>;
export function createEnvelope<R extends ContractRegistry, T extends keyof R & string>(
  registry: R,
  topic: T,
  payload: z.input<R[T]['schema']>,
  options: EnvelopeOptions,
): EventOf<R, T>;
export function createEnvelope(
  registry: ContractRegistry,
  topic: string,
  payload: unknown,
  options: EnvelopeOptions,
): EventEnvelope {
  const contract = contractOf(registry, topic);
  if (contract.topic !== topic) {
    throw new Error(
      `Registry entry ${topic} describes topic ${contract.topic}; the key and topic must be equal`,
    );
  }
  const parsed = contract.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidEventError(topic, `payload: ${describeIssues(parsed.error.issues)}`);
  const occurredAt = options.occurredAt ?? new Date();
  const envelope: EventEnvelope = {
    eventId: options.eventId ?? randomUUID(),
    type: topic,
    version: versionOf(topic),
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
    producer: options.producer,
    correlationId: options.correlationId,
    causationId: options.causationId ?? null,
    payload: parsed.data,
  };
  const checked = envelopeSchema.safeParse(envelope);
  if (!checked.success)
    throw new InvalidEventError(topic, `envelope: ${describeIssues(checked.error.issues)}`);
  return envelope;
}

/** The Kafka message key of an event: its payload's partition-key field, as a string. */
export function partitionKeyOf(registry: ContractRegistry, envelope: EventEnvelope): string {
  const contract = contractOf(registry, envelope.type);
  const payload = envelope.payload;
  const value =
    typeof payload === 'object' && payload !== null
      ? (payload as Record<string, unknown>)[contract.partitionKey]
      : undefined;
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InvalidEventError(
    envelope.type,
    `partition key field '${contract.partitionKey}' must be a non-empty string or a number`,
  );
}
