import type { ContractRegistry, EventEnvelope } from '@meldpunt/contracts';
import {
  CompressionTypes,
  Partitioners,
  type Kafka,
  type Message,
  type Producer,
  type TopicMessages,
} from 'kafkajs';
import { partitionKeyOf } from '../envelope/create-envelope';
import { EVENT_HEADERS } from './kafka-headers';

/** One Kafka record to send. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string | Buffer | null;
  readonly value: string | Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Sends records to Kafka, all at once. Resolves only when every record is acknowledged by all in-sync replicas;
 * rejects otherwise (then some records may have been written: callers rely on consumer-side deduplication).
 * An interface so tests can wrap the real producer (e.g. to crash right after a send).
 */
export interface EventPublisher {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
}

/** The Kafka record for an event: key = partition key, value = the JSON envelope, tracing headers. */
export function eventMessage(envelope: EventEnvelope, partitionKey: string): OutgoingMessage {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.type]: envelope.type,
    [EVENT_HEADERS.id]: envelope.eventId,
    [EVENT_HEADERS.correlationId]: envelope.correlationId,
    [EVENT_HEADERS.producer]: envelope.producer,
  };
  if (envelope.causationId !== null) headers[EVENT_HEADERS.causationId] = envelope.causationId;
  return { topic: envelope.type, key: partitionKey, value: JSON.stringify(envelope), headers };
}

/** Records for envelopes of a registry (partition keys from the contracts). */
export function eventMessages(
  registry: ContractRegistry,
  envelopes: readonly EventEnvelope[],
): OutgoingMessage[] {
  return envelopes.map((envelope) => eventMessage(envelope, partitionKeyOf(registry, envelope)));
}

/** Groups records per topic, keeping their order (one sendBatch request carries them all). */
export function toTopicMessages(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const message of messages) {
    let list = byTopic.get(message.topic);
    if (!list) {
      list = [];
      byTopic.set(message.topic, list);
    }
    list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}

/** Bytes a v2 record adds beyond its key and value: length, attributes, timestamp/offset deltas (upper bound). */
const RECORD_OVERHEAD_BYTES = 40;
/** Bytes a record header adds beyond its name and value (two varint lengths, upper bound). */
const HEADER_OVERHEAD_BYTES = 10;

function byteLengthOf(data: string | Buffer | null): number {
  if (data === null) return 0;
  return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
}

/**
 * Upper bound of the bytes `message` takes in an uncompressed Kafka record batch. The broker limits each
 * partition's record batch (`message.max.bytes`, 1 MB by default) after compression, so summing this over a
 * request gives a safe bound for every batch in it (a batch adds a 61-byte header of its own).
 */
export function estimateRecordBytes(message: OutgoingMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + byteLengthOf(message.key) + byteLengthOf(message.value);
  for (const [name, value] of Object.entries(message.headers)) {
    bytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8');
  }
  return bytes;
}

export interface EventProducerOptions {
  readonly compression?: CompressionTypes;
}

/** One kafkajs producer and the sends it has in flight. */
interface ProducerGeneration {
  readonly producer: Producer;
  connection: Promise<void> | null;
  inFlight: number;
  /** Replaced after a failed send; disconnected once its last send settles. */
  retired: boolean;
}

/**
 * Idempotent kafkajs producer (`acks: -1`, one request in flight, so retries neither duplicate nor reorder
 * records of one partition). Publishes many records with one `sendBatch`, never one await per record.
 *
 * After a failed send the kafkajs producer is replaced by a fresh one (a new producer id). kafkajs rolls back the
 * sequence numbers of every partition of a failed request, although the broker may have written some of them
 * (one partition refused as too large, the others stored). The next, different batch to such a partition would
 * be refused as out of order or, worse, dropped by the broker as a duplicate while the send "succeeds". A new
 * producer id starts every sequence afresh; records that were written are sent again (at-least-once).
 */
export class EventProducer implements EventPublisher {
  private current: ProducerGeneration;
  private readonly retiring = new Set<Promise<void>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly options: EventProducerOptions = {},
  ) {
    this.current = this.newGeneration();
  }

  /** Connects once; concurrent callers share the same attempt. */
  connect(): Promise<void> {
    const generation = this.current;
    generation.connection ??= generation.producer.connect().catch((error: unknown) => {
      generation.connection = null;
      throw error;
    });
    return generation.connection;
  }

  async disconnect(): Promise<void> {
    const generation = this.current;
    if (generation.connection) {
      generation.connection = null;
      await generation.producer.disconnect();
    }
    await Promise.all(this.retiring);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const generation = await this.connected();
    generation.inFlight += 1;
    try {
      await generation.producer.sendBatch({
        acks: -1,
        topicMessages: toTopicMessages(messages),
        compression: this.options.compression ?? CompressionTypes.None,
      });
    } catch (error) {
      this.retire(generation);
      throw error;
    } finally {
      generation.inFlight -= 1;
      if (generation.retired && generation.inFlight === 0) this.disconnectRetired(generation);
    }
  }

  private newGeneration(): ProducerGeneration {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    return { producer, connection: null, inFlight: 0, retired: false };
  }

  /** The current producer, connected (it may be replaced while a caller waits for the connection). */
  private async connected(): Promise<ProducerGeneration> {
    for (;;) {
      const generation = this.current;
      await this.connect();
      if (generation === this.current) return generation;
    }
  }

  private retire(generation: ProducerGeneration): void {
    if (generation !== this.current) return;
    generation.retired = true;
    this.current = this.newGeneration();
  }

  private disconnectRetired(generation: ProducerGeneration): void {
    if (!generation.connection) return;
    generation.connection = null;
    const done: Promise<void> = generation.producer
      .disconnect()
      .catch(() => undefined)
      .finally(() => this.retiring.delete(done));
    this.retiring.add(done);
  }
}
