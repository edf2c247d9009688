import type { EventEnvelope } from '@meldpunt/contracts';
import type { DataSource, QueryRunner } from 'typeorm';
import { estimateRecordBytes, eventMessage, type EventPublisher } from '../kafka/event-producer';
import { backoffDelay, OUTBOX_BACKOFF, type BackoffPolicy } from '../support/backoff';
import { errorMessageOf, truncateUtf8 } from '../support/errors';
import { stderrLogger, type MessagingLogger } from '../support/logger';
import { publishInChunks, type ChunkFailure, type ChunkItem } from './outbox-chunks';

/** Default byte budget of one produce request: below Kafka's default 1 MB limit per record batch. */
export const DEFAULT_MAX_BATCH_BYTES = 900 * 1024;

export interface OutboxRelayOptions {
  /** Pause between polls when the outbox is empty; `poke()` wakes the relay earlier. 250 ms unless told. */
  readonly pollIntervalMs?: number;
  /** Rows claimed per round. 500 unless told. */
  readonly batchSize?: number;
  /**
   * Byte budget of one produce request (estimated, uncompressed): a round sends its rows in as many batched
   * requests as it takes to stay below it, one after the other. Keep it below the broker's `message.max.bytes`
   * (topic `max.message.bytes`; 1 MB by default). 900 KiB unless told.
   */
  readonly maxBatchBytes?: number;
  /**
   * Attempts for a record Kafka refuses as such (too large, invalid) before it is parked: left unsent in the
   * outbox with `available_at = 'infinity'` and its `last_error`, logged as an error, and no longer holding back
   * later events of its key. 5 unless told. Broker trouble (timeouts, no leader, broker down) never parks a row.
   */
  readonly maxRefusedAttempts?: number;
  /** Delay before retrying rows (and before the next round) after a failed publish. 100 ms → 30 s. */
  readonly backoff?: BackoffPolicy;
  /** Sent rows older than this are deleted by the periodic clean-up; null disables it. 7 days unless told. */
  readonly retentionDays?: number | null;
  /** How often the clean-up runs. Hourly unless told. */
  readonly cleanupIntervalMs?: number;
  readonly logger?: MessagingLogger;
}

interface ClaimedRow {
  readonly id: string;
  readonly topic: string;
  readonly partitionKey: string;
  readonly envelope: EventEnvelope;
  readonly attempts: number;
}

interface RowToSend extends ChunkItem {
  readonly row: ClaimedRow;
}

interface RoundResult {
  readonly claimed: number;
  readonly published: number;
}

/** Thrown by a round whose publish failed; the rows were rescheduled with a backoff. */
export class OutboxPublishError extends Error {
  constructor(
    readonly rows: number,
    readonly retryInMs: number,
    override readonly cause: unknown,
  ) {
    super(`Publishing ${rows} outbox row(s) failed (retry in ${retryInMs} ms): ${errorMessageOf(cause)}`);
    this.name = 'OutboxPublishError';
  }
}

function toClaimedRow(raw: unknown): ClaimedRow {
  if (typeof raw !== 'object' || raw === null) throw new Error('outbox query returned a non-object row');
  const row = raw as Record<string, unknown>;
  const { id, topic, partition_key: partitionKey, envelope, attempts } = row;
  if (typeof id !== 'string' || typeof topic !== 'string' || typeof partitionKey !== 'string') {
    throw new Error(`outbox row ${String(id)} has an unexpected shape`);
  }
  if (typeof envelope !== 'object' || envelope === null) throw new Error(`outbox row ${id} has no envelope`);
  return { id, topic, partitionKey, envelope: envelope as EventEnvelope, attempts: Number(attempts) };
}

/**
 * Due rows in created order, except rows behind an earlier unsent row of their topic and key that is waiting
 * for a retry (its backoff keeps them back too, so one key's events leave in order). Parked rows
 * (`available_at = 'infinity'`) hold nothing back.
 */
const CLAIM_SQL = `SELECT o.id, o.topic, o.partition_key, o.envelope, o.attempts FROM outbox o
  WHERE o.sent_at IS NULL AND o.available_at <= now()
    AND NOT EXISTS (
      SELECT 1 FROM outbox w
      WHERE w.sent_at IS NULL AND w.available_at > now() AND w.available_at < 'infinity'
        AND w.topic = o.topic AND w.partition_key = o.partition_key AND w.created_at < o.created_at)
  ORDER BY o.created_at
  LIMIT $1
  FOR UPDATE OF o SKIP LOCKED`;

/**
 * Publishes committed outbox rows to Kafka: claims a batch with `FOR UPDATE SKIP LOCKED` (several relays may run),
 * sends it in byte-capped, batched, acknowledged requests (one after the other, see publishInChunks), marks what
 * was acknowledged as sent and commits. A crash between a send and the commit publishes those rows again later:
 * delivery is at-least-once, consumers deduplicate on eventId.
 *
 * A failed row is rescheduled (attempts + 1, last_error, available_at = now + backoff) and holds back the later
 * rows of its topic and key until it is sent. A row Kafka refuses as such (too large for the broker, invalid)
 * is parked after `maxRefusedAttempts` (see the option) so it stops holding anything back.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private readonly maxRefusedAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: MessagingLogger;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private poked = false;
  private wake: (() => void) | null = null;
  /** False while backing off after a failure: pokes must not turn a backoff into a busy loop. */
  private pokeWakes = true;
  private consecutiveFailures = 0;
  private nextCleanupAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.batchSize = options.batchSize ?? 500;
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    this.maxRefusedAttempts = options.maxRefusedAttempts ?? 5;
    this.backoff = options.backoff ?? OUTBOX_BACKOFF;
    this.logger = options.logger ?? stderrLogger;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError('batchSize must be ≥ 1');
    if (!Number.isInteger(this.maxBatchBytes) || this.maxBatchBytes < 1)
      throw new RangeError('maxBatchBytes must be ≥ 1');
    if (!Number.isInteger(this.maxRefusedAttempts) || this.maxRefusedAttempts < 1)
      throw new RangeError('maxRefusedAttempts must be ≥ 1');
  }

  get running(): boolean {
    return this.loop !== null;
  }

  /** Starts the background loop (no-op when running). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.nextCleanupAt = Date.now() + 60_000;
    this.loop = this.run();
  }

  /** Stops the loop; resolves when the round in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Wakes the loop now (call after committing a transaction that appended events). */
  poke(): void {
    this.poked = true;
    if (this.pokeWakes) this.wake?.();
  }

  /**
   * One round: claims at most `batchSize` due rows, publishes them (in several requests if their bytes need it)
   * and returns how many were published. Failed rows are rescheduled (attempts + 1, last_error, available_at =
   * now + backoff) or parked; when broker trouble left nothing published, the round throws OutboxPublishError.
   */
  async drainOnce(): Promise<number> {
    return (await this.roundWithConnection()).published;
  }

  /** Deletes sent rows older than the retention; returns how many. */
  async cleanup(retentionDays = this.options.retentionDays ?? 7): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - $1 * interval '1 day' LIMIT 10000)`,
      [retentionDays],
    );
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  private async roundWithConnection(): Promise<RoundResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await this.round(runner);
    } finally {
      await runner.release();
    }
  }

  private async round(runner: QueryRunner): Promise<RoundResult> {
    await runner.startTransaction();
    let brokerTrouble: OutboxPublishError | null = null;
    let result: RoundResult;
    try {
      const raw: unknown = await runner.query(CLAIM_SQL, [this.batchSize]);
      const rows = Array.isArray(raw) ? raw.map(toClaimedRow) : [];
      const toSend = rows.map((row): RowToSend => {
        const message = eventMessage(row.envelope, row.partitionKey);
        return {
          row,
          message,
          orderingKey: `${row.topic}\u0000${row.partitionKey}`,
          bytes: estimateRecordBytes(message),
        };
      });
      // Rows skipped behind a failed row are simply released at commit; CLAIM_SQL keeps them back until it is sent.
      const { sent, failed } = await publishInChunks(this.publisher, toSend, this.maxBatchBytes);
      if (sent.length > 0) {
        await runner.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [
          sent.map((item) => item.row.id),
        ]);
      }
      for (const chunk of failed) brokerTrouble = (await this.recordFailure(runner, chunk)) ?? brokerTrouble;
      await runner.commitTransaction();
      result = { claimed: rows.length, published: sent.length };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
    // Broker trouble with nothing published fails the round (run() backs off); refusals were logged per row.
    if (brokerTrouble && result.published === 0) throw brokerTrouble;
    if (brokerTrouble) this.logger.error(`outbox: ${brokerTrouble.message}`);
    if (result.published > 0) this.consecutiveFailures = 0;
    return result;
  }

  /**
   * Reschedules (or parks) the rows of a failed send inside the round's transaction. Returns the error to report
   * for broker trouble; refusals are logged here, row by row, and return null.
   */
  private async recordFailure(
    runner: QueryRunner,
    chunk: ChunkFailure<RowToSend>,
  ): Promise<OutboxPublishError | null> {
    const attempts = Math.max(...chunk.items.map((item) => item.row.attempts)) + 1;
    // One delay for the whole chunk keeps the rows' relative order (same-key events stay in order).
    const delay = backoffDelay(attempts, this.backoff);
    const park = chunk.refused && attempts >= this.maxRefusedAttempts;
    const message = errorMessageOf(chunk.error);
    await runner.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
         available_at = CASE WHEN $4 THEN 'infinity'::timestamptz ELSE now() + $3 * interval '1 millisecond' END
       WHERE id = ANY($1::uuid[])`,
      [chunk.items.map((item) => item.row.id), truncateUtf8(message, 2000), delay, park],
    );
    if (!chunk.refused) return new OutboxPublishError(chunk.items.length, delay, chunk.error);
    for (const { row, bytes } of chunk.items) {
      const what = `event ${row.id} (${row.topic}, key ${row.partitionKey}, ~${bytes} bytes)`;
      if (park) {
        this.logger.error(
          `outbox: Kafka refused ${what} ${attempts} time(s): ${message}. Parked: it stays unsent in the ` +
            `outbox (available_at = 'infinity', last_error set) and no longer holds back later events of its ` +
            `key. After fixing the cause, re-queue it with UPDATE outbox SET available_at = now(), ` +
            `attempts = 0 WHERE id = '${row.id}'`,
        );
      } else {
        this.logger.warn(
          `outbox: Kafka refused ${what} (attempt ${attempts} of ${this.maxRefusedAttempts}, retry in ${delay} ms): ${message}`,
        );
      }
    }
    return null;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let delay = this.pollIntervalMs;
      let failed = false;
      try {
        const { claimed } = await this.roundWithConnection();
        // A full batch means there is probably more: go again at once.
        if (claimed >= this.batchSize) delay = 0;
      } catch (error) {
        failed = true;
        this.consecutiveFailures += 1;
        delay = backoffDelay(this.consecutiveFailures, this.backoff);
        this.logger.error(`outbox relay round failed (retry in ${delay} ms): ${errorMessageOf(error)}`);
      }
      await this.maybeCleanup();
      await this.sleep(delay, !failed);
    }
  }

  private async maybeCleanup(): Promise<void> {
    if (this.options.retentionDays === null || Date.now() < this.nextCleanupAt) return;
    this.nextCleanupAt = Date.now() + (this.options.cleanupIntervalMs ?? 3_600_000);
    try {
      const deleted = await this.cleanup();
      if (deleted > 0) this.logger.log(`outbox clean-up deleted ${deleted} sent row(s)`);
    } catch (error) {
      this.logger.warn(`outbox clean-up failed: ${errorMessageOf(error)}`);
    }
  }

  private sleep(ms: number, pokeWakes: boolean): Promise<void> {
    if (this.stopping || ms <= 0 || (pokeWakes && this.poked)) {
      this.poked = false;
      return Promise.resolve();
    }
    this.pokeWakes = pokeWakes;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.poked = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
