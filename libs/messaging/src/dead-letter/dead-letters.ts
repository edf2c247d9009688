import { randomUUID } from 'node:crypto';
import { retryTopicOf } from '@meldpunt/contracts';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { EventProducer, type EventPublisher, type OutgoingMessage } from '../kafka/event-producer';
import { EVENT_HEADERS, headersToStrings } from '../kafka/kafka-headers';
import { FAILURE_HEADERS } from '../consumer/failure-headers';

const DLQ_SUFFIX = '.dlq';

/** `<group>.dlq` → `<group>`; throws for a topic that is not a dead-letter topic. */
export function consumerGroupOfDeadLetterTopic(topic: string): string {
  if (!topic.endsWith(DLQ_SUFFIX) || topic.length === DLQ_SUFFIX.length) {
    throw new Error(`${topic} is not a dead-letter topic (it must end with ${DLQ_SUFFIX})`);
  }
  return topic.slice(0, -DLQ_SUFFIX.length);
}

/** The consumer group that records replay progress of a DLQ topic. */
export function replayGroupOf(deadLetterTopic: string): string {
  return `${deadLetterTopic}.replay`;
}

export interface DeadLetterTopicSummary {
  readonly topic: string;
  /** Records currently retained in the topic. */
  readonly total: number;
  /** Of those, records not replayed yet. */
  readonly notReplayed: number;
}

/** One dead letter, described without its payload (which may hold personal data). */
export interface DeadLetterEntry {
  readonly partition: number;
  readonly offset: string;
  readonly replayed: boolean;
  readonly originalTopic: string | null;
  readonly originalPartition: number | null;
  readonly originalOffset: string | null;
  readonly attempts: number | null;
  readonly error: string | null;
  readonly firstFailedAt: string | null;
  readonly deadLetteredAt: string | null;
  readonly eventId: string | null;
  readonly eventType: string | null;
}

export interface ReplayResult {
  readonly deadLetterTopic: string;
  readonly retryTopic: string;
  readonly replayed: number;
}

export interface DeadLetterToolOptions {
  /** Gives up when the records cannot be read within this time. 30 s unless told. */
  readonly timeoutMs?: number;
}

interface PartitionRange {
  readonly partition: number;
  /** First offset to read. */
  readonly from: bigint;
  /** High watermark when the command started: records at or beyond it are left alone. */
  readonly to: bigint;
}

interface ReplayProgress {
  readonly ranges: PartitionRange[];
  readonly total: number;
  readonly notReplayed: number;
}

async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Per partition: retained range, and where replay stopped (the `.replay` group's committed offset). */
async function replayProgress(admin: Admin, topic: string): Promise<ReplayProgress> {
  const [watermarks, committed] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId: replayGroupOf(topic), topics: [topic] }),
  ]);
  const committedByPartition = new Map<number, bigint>();
  for (const entry of committed.find((item) => item.topic === topic)?.partitions ?? []) {
    committedByPartition.set(entry.partition, BigInt(entry.offset));
  }
  let total = 0n;
  let notReplayed = 0n;
  const ranges: PartitionRange[] = [];
  for (const mark of watermarks) {
    const low = BigInt(mark.low);
    const high = BigInt(mark.high);
    const done = committedByPartition.get(mark.partition) ?? -1n;
    const from = done > low ? done : low; // -1 (no commit yet) and offsets deleted by retention both → low
    total += high - low;
    if (from < high) {
      notReplayed += high - from;
      ranges.push({ partition: mark.partition, from, to: high });
    }
  }
  return { ranges, total: Number(total), notReplayed: Number(notReplayed) };
}

/** Every `*.dlq` topic with its number of records and how many are not replayed yet. */
export async function summarizeDeadLetters(kafka: Kafka): Promise<DeadLetterTopicSummary[]> {
  return withAdmin(kafka, async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => topic.endsWith(DLQ_SUFFIX)).sort();
    const summaries: DeadLetterTopicSummary[] = [];
    for (const topic of topics) {
      const progress = await replayProgress(admin, topic);
      summaries.push({ topic, total: progress.total, notReplayed: progress.notReplayed });
    }
    return summaries;
  });
}

/**
 * Reads the given ranges with a consumer of `groupId` and hands each batch (only records inside the ranges) to
 * `onRecords`; resolves when every range has been read up to its end.
 */
async function readRanges(
  kafka: Kafka,
  topic: string,
  groupId: string,
  ranges: readonly PartitionRange[],
  timeoutMs: number,
  onRecords: (partition: number, records: KafkaMessage[]) => Promise<void>,
): Promise<void> {
  const pending = new Map(
    ranges.filter((range) => range.from < range.to).map((range) => [range.partition, range]),
  );
  if (pending.size === 0) return;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500, allowAutoTopicCreation: false });
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const timer = setTimeout(
    () =>
      settle?.reject(
        new Error(
          `reading ${topic} did not finish within ${timeoutMs} ms (${pending.size} partition(s) left)`,
        ),
      ),
    timeoutMs,
  );
  const crash = consumer.on(consumer.events.CRASH, (event) => {
    if (!event.payload.restart) settle?.reject(event.payload.error);
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const range = pending.get(batch.partition);
        if (!range) return;
        const records = batch.messages.filter((message) => {
          const offset = BigInt(message.offset);
          return offset >= range.from && offset < range.to;
        });
        if (records.length > 0) {
          await onRecords(batch.partition, records);
          const last = records[records.length - 1];
          if (last) {
            payload.resolveOffset(last.offset);
            await payload.commitOffsetsIfNecessary({
              topics: [
                {
                  topic,
                  partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }],
                },
              ],
            });
          }
        }
        if (BigInt(batch.lastOffset()) >= range.to - 1n) {
          pending.delete(batch.partition);
          if (pending.size === 0) settle?.resolve();
        }
      },
    });
    await finished;
  } finally {
    clearTimeout(timer);
    crash();
    await consumer.disconnect();
  }
}

function optionalInteger(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/** Event id/type from the headers, or from the value's envelope fields (never the payload). */
function identify(
  headers: Record<string, string>,
  value: Buffer | null,
): { eventId: string | null; eventType: string | null } {
  let eventId = headers[EVENT_HEADERS.id] ?? null;
  let eventType = headers[EVENT_HEADERS.type] ?? null;
  if ((eventId === null || eventType === null) && value !== null) {
    try {
      const parsed: unknown = JSON.parse(value.toString('utf8'));
      if (typeof parsed === 'object' && parsed !== null) {
        const record = parsed as Record<string, unknown>;
        if (eventId === null && typeof record['eventId'] === 'string') eventId = record['eventId'];
        if (eventType === null && typeof record['type'] === 'string') eventType = record['type'];
      }
    } catch {
      // not JSON: leave both unknown
    }
  }
  return { eventId, eventType };
}

/** Describes a dead-letter record (headers only: the payload is never returned). */
export function describeDeadLetter(
  partition: number,
  message: KafkaMessage,
  replayed: boolean,
): DeadLetterEntry {
  const headers = headersToStrings(message.headers);
  return {
    partition,
    offset: message.offset,
    replayed,
    originalTopic: headers[FAILURE_HEADERS.originalTopic] ?? null,
    originalPartition: optionalInteger(headers[FAILURE_HEADERS.originalPartition]),
    originalOffset: headers[FAILURE_HEADERS.originalOffset] ?? null,
    attempts: optionalInteger(headers[FAILURE_HEADERS.attempts]),
    error: headers[FAILURE_HEADERS.error] ?? null,
    firstFailedAt: headers[FAILURE_HEADERS.firstFailedAt] ?? null,
    deadLetteredAt: headers[FAILURE_HEADERS.deadLetteredAt] ?? null,
    ...identify(headers, message.value),
  };
}

/** Every record of one DLQ topic, oldest first per partition, marked replayed or not. */
export async function listDeadLetters(
  kafka: Kafka,
  deadLetterTopic: string,
  options: DeadLetterToolOptions = {},
): Promise<DeadLetterEntry[]> {
  consumerGroupOfDeadLetterTopic(deadLetterTopic);
  const { retained, isReplayed } = await withAdmin(kafka, async (admin) => {
    if (!(await admin.listTopics()).includes(deadLetterTopic))
      throw new Error(`Topic ${deadLetterTopic} does not exist`);
    const [watermarks, progress] = await Promise.all([
      admin.fetchTopicOffsets(deadLetterTopic),
      replayProgress(admin, deadLetterTopic),
    ]);
    const notReplayedFrom = new Map(progress.ranges.map((range) => [range.partition, range.from]));
    return {
      retained: watermarks.map((mark) => ({
        partition: mark.partition,
        from: BigInt(mark.low),
        to: BigInt(mark.high),
      })),
      isReplayed: (partition: number, offset: bigint) =>
        offset < (notReplayedFrom.get(partition) ?? BigInt(Number.MAX_SAFE_INTEGER)),
    };
  });
  const entries: DeadLetterEntry[] = [];
  // A throwaway group: reading must not move the replay group's offsets.
  const groupId = `${deadLetterTopic}.list-${randomUUID()}`;
  try {
    await readRanges(
      kafka,
      deadLetterTopic,
      groupId,
      retained,
      options.timeoutMs ?? 30_000,
      async (partition, records) => {
        for (const record of records) {
          entries.push(describeDeadLetter(partition, record, isReplayed(partition, BigInt(record.offset))));
        }
      },
    );
  } finally {
    await withAdmin(kafka, (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
  }
  return entries.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/** A dead letter as a fresh retry record: attempts 0, due now, same key/value and original headers. */
export function toReplayMessage(
  deadLetterTopic: string,
  partition: number,
  message: KafkaMessage,
  now: Date = new Date(),
): OutgoingMessage {
  const headers = headersToStrings(message.headers);
  delete headers[FAILURE_HEADERS.deadLetteredAt];
  headers[FAILURE_HEADERS.attempts] = '0';
  headers[FAILURE_HEADERS.notBefore] = String(now.getTime());
  headers[FAILURE_HEADERS.replayedAt] = now.toISOString();
  headers[FAILURE_HEADERS.replayedFrom] = `${deadLetterTopic}/${partition}@${message.offset}`;
  return {
    topic: retryTopicOf(consumerGroupOfDeadLetterTopic(deadLetterTopic)),
    key: message.key,
    value: message.value,
    headers,
  };
}

export interface ReplayOptions extends DeadLetterToolOptions {
  /** Publisher for the retry records; an own idempotent producer unless given. */
  readonly publisher?: EventPublisher;
}

/**
 * Re-publishes every not-yet-replayed record of `<group>.dlq` to `<group>.retry` (attempts reset, due now), so
 * only the failing service handles it again. Progress is committed in the consumer group `<dlq>.replay` after
 * each published batch: running replay again replays only records that arrived since. A record published but
 * not committed (crash) is replayed twice at worst, which the inbox absorbs.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  deadLetterTopic: string,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const retryTopic = retryTopicOf(consumerGroupOfDeadLetterTopic(deadLetterTopic));
  const progress = await withAdmin(kafka, async (admin) => {
    const topics = await admin.listTopics();
    for (const topic of [deadLetterTopic, retryTopic]) {
      if (!topics.includes(topic)) throw new Error(`Topic ${topic} does not exist`);
    }
    return replayProgress(admin, deadLetterTopic);
  });
  if (progress.notReplayed === 0) return { deadLetterTopic, retryTopic, replayed: 0 };

  const ownProducer = options.publisher ? null : new EventProducer(kafka);
  const publisher = options.publisher ?? ownProducer;
  if (!publisher) throw new Error('unreachable: no publisher');
  let replayed = 0;
  try {
    await readRanges(
      kafka,
      deadLetterTopic,
      replayGroupOf(deadLetterTopic),
      progress.ranges,
      options.timeoutMs ?? 30_000,
      async (partition, records) => {
        const now = new Date();
        await publisher.publish(
          records.map((record) => toReplayMessage(deadLetterTopic, partition, record, now)),
        );
        replayed += records.length;
      },
    );
  } finally {
    await ownProducer?.disconnect();
  }
  return { deadLetterTopic, retryTopic, replayed };
}
