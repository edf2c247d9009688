import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import { waitFor } from './wait-for';

/** A record seen by an EventWatcher, decoded for assertions. */
export interface WatchedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: string | null;
  /** The value parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
  /** `eventId` of the envelope (or the `event-id` header), when there is one. */
  readonly eventId: string | null;
}

export type MessagePredicate = (message: WatchedMessage) => boolean;

export interface WatchOptions {
  /** 10 s unless told. */
  readonly timeoutMs?: number;
  /** What is awaited, for the timeout message. */
  readonly description?: string;
}

function toStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) result[name] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return result;
}

function parse(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function eventIdOf(json: unknown, headers: Record<string, string>): string | null {
  if (typeof json === 'object' && json !== null) {
    const id = (json as Record<string, unknown>)['eventId'];
    if (typeof id === 'string') return id;
  }
  return headers['event-id'] ?? null;
}

interface Waiter {
  readonly predicate: MessagePredicate;
  readonly count: number;
  readonly resolve: (messages: WatchedMessage[]) => void;
}

/**
 * Watches topics from "now": start it BEFORE the action, then await what the action should produce. It notes
 * each partition's end offset at start and reads with a fresh consumer group from the beginning, ignoring older
 * records, so nothing produced after start() can be missed (no race with the group join).
 */
export class EventWatcher {
  readonly seen: WatchedMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private stopped = false;

  private constructor(
    private readonly kafka: Kafka,
    readonly topics: readonly string[],
    private readonly groupId: string,
    private readonly consumer: Consumer,
    private readonly startOffsets: ReadonlyMap<string, bigint>,
  ) {}

  static async start(
    kafka: Kafka,
    topics: string | readonly string[],
    groupPrefix = 'test-watch',
  ): Promise<EventWatcher> {
    const list = typeof topics === 'string' ? [topics] : [...topics];
    const admin = kafka.admin();
    const startOffsets = new Map<string, bigint>();
    await admin.connect();
    try {
      // A topic created moments ago (by a service starting in parallel) may have no elected leader yet, and
      // ListOffsets then fails with NOT_LEADER: wait until every partition has a leader and the offsets answer.
      for (const topic of list) {
        const marks = await waitFor(
          async () => {
            const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
            const partitions = metadata.topics[0]?.partitions ?? [];
            if (partitions.length === 0 || partitions.some((partition) => partition.leader < 0)) return null;
            return admin.fetchTopicOffsets(topic);
          },
          { timeoutMs: 30_000, intervalMs: 200, description: `leaders and offsets of ${topic}` },
        );
        for (const mark of marks) startOffsets.set(`${topic}/${mark.partition}`, BigInt(mark.high));
      }
    } finally {
      await admin.disconnect();
    }
    const groupId = `${groupPrefix}-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
    const watcher = new EventWatcher(kafka, list, groupId, consumer, startOffsets);
    await consumer.connect();
    await consumer.subscribe({ topics: list, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (BigInt(message.offset) < (startOffsets.get(`${topic}/${partition}`) ?? 0n)) return;
        const headers = toStrings(message.headers);
        const value = message.value === null ? null : message.value.toString('utf8');
        const json = parse(value);
        watcher.record({
          topic,
          partition,
          offset: message.offset,
          key: message.key === null ? null : message.key.toString('utf8'),
          headers,
          value,
          json,
          eventId: eventIdOf(json, headers),
        });
      },
    });
    return watcher;
  }

  /** Records seen so far that match. */
  matching(predicate: MessagePredicate): WatchedMessage[] {
    return this.seen.filter(predicate);
  }

  /** Resolves with the first record (seen already or later) that matches; rejects with what was seen on timeout. */
  async waitFor(predicate: MessagePredicate, options: WatchOptions = {}): Promise<WatchedMessage> {
    const [first] = await this.waitForCount(predicate, 1, options);
    if (!first) throw new Error('unreachable: waitForCount resolved without a record');
    return first;
  }

  /** Resolves with the first `count` matching records. */
  async waitForCount(
    predicate: MessagePredicate,
    count: number,
    options: WatchOptions = {},
  ): Promise<WatchedMessage[]> {
    const already = this.matching(predicate);
    if (already.length >= count) return already.slice(0, count);
    const timeoutMs = options.timeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
    try {
      return await new Promise<WatchedMessage[]>((resolve, reject) => {
        waiter = { predicate, count, resolve };
        this.waiters.add(waiter);
        timer = setTimeout(
          () => reject(new Error(this.timeoutMessage(timeoutMs, count, options.description))),
          timeoutMs,
        );
      });
    } finally {
      clearTimeout(timer);
      if (waiter) this.waiters.delete(waiter);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.consumer.disconnect();
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch {
      // best effort: an empty group expires by itself
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private record(message: WatchedMessage): void {
    this.seen.push(message);
    for (const waiter of this.waiters) {
      const matches = this.matching(waiter.predicate);
      if (matches.length >= waiter.count) waiter.resolve(matches.slice(0, waiter.count));
    }
  }

  private timeoutMessage(timeoutMs: number, count: number, description: string | undefined): string {
    const what = description ?? (count === 1 ? 'a matching record' : `${count} matching records`);
    const shown = this.seen
      .slice(-20)
      .map((message) => {
        const fromJson = (message.json as { type?: unknown } | undefined)?.type;
        const type = message.headers['event-type'] ?? (typeof fromJson === 'string' ? fromJson : '-');
        return `  ${message.topic}/${message.partition}@${message.offset} key=${message.key ?? '-'} type=${type} eventId=${message.eventId ?? '-'}`;
      })
      .join('\n');
    return (
      `Timed out after ${timeoutMs} ms waiting for ${what} on ${this.topics.join(', ')}. ` +
      `Saw ${this.seen.length} record(s)${this.seen.length > 20 ? ' (last 20)' : ''}${shown ? `:\n${shown}` : '.'}`
    );
  }
}

export interface AwaitEventOptions extends WatchOptions {
  /** The action expected to produce the record; runs after the watcher has started. */
  readonly trigger?: () => Promise<unknown>;
}

/**
 * Starts a watcher on `topic`, runs `trigger`, and resolves with the first matching record. Prefer an explicit
 * EventWatcher when the action is not a single call.
 */
export async function awaitEvent(
  kafka: Kafka,
  topic: string,
  predicate: MessagePredicate,
  options: AwaitEventOptions = {},
): Promise<WatchedMessage> {
  const watcher = await EventWatcher.start(kafka, topic);
  try {
    await options.trigger?.();
    return await watcher.waitFor(predicate, options);
  } finally {
    await watcher.stop();
  }
}
