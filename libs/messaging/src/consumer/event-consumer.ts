import {
  deadLetterTopicOf,
  retryTopicOf,
  type ContractRegistry,
  type EventEnvelope,
} from '@meldpunt/contracts';
import type { Consumer, EachBatchPayload, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventOf } from '../envelope/create-envelope';
import { decodeEvent } from '../envelope/decode-event';
import type { EventPublisher } from '../kafka/event-producer';
import { whileRetriable } from '../kafka/kafka-errors';
import { EVENT_HEADERS, headersToStrings } from '../kafka/kafka-headers';
import { retryDelay, type RetryBackoff } from '../support/backoff';
import { errorMessageOf, isNonRetriable } from '../support/errors';
import { stderrLogger, type MessagingLogger } from '../support/logger';
import { sleep } from '../support/sleep';
import { buildFailureHeaders, parseFailureHeaders, type FailureInfo } from './failure-headers';
import { applyOnce } from './inbox';

/** What a handler gets besides the event. */
export interface HandlerContext {
  /** The transaction's manager: write the effect (and any outbox events) with it; it commits with the inbox row. */
  readonly manager: EntityManager;
  /** 1 on the first delivery, 2 on the first retry, … */
  readonly attempt: number;
  /** Where the event was originally consumed from. */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Handles one validated event. (Declared as a method so that a map of topic-specific handlers is assignable to a
 * map typed by the wide ContractRegistry: the consumer guarantees each handler only gets its own topic's events.)
 */
export type EventHandler<E extends EventEnvelope = EventEnvelope> = {
  handle(event: E, context: HandlerContext): Promise<void>;
}['handle'];

/** topic → handler, with each payload typed by the registry's schema for that topic. */
export type HandlerMap<R extends ContractRegistry> = {
  readonly [T in keyof R & string]?: EventHandler<EventOf<R, T>>;
};

/** What happened to one delivery (for metrics, logs and tests). */
export type ConsumerOutcome =
  | {
      readonly kind: 'handled' | 'duplicate';
      readonly eventId: string;
      readonly topic: string;
      readonly attempt: number;
    }
  | {
      readonly kind: 'retry-scheduled';
      readonly eventId: string;
      readonly topic: string;
      readonly attempt: number;
      readonly error: string;
      readonly notBefore: number;
    }
  | {
      readonly kind: 'dead-lettered';
      /** Null when the record could not even be parsed. */
      readonly eventId: string | null;
      readonly topic: string;
      readonly attempts: number;
      readonly error: string;
    };

export interface EventConsumerOptions {
  /** Partitions handled in parallel (order is kept within a partition). 1 unless told. */
  readonly partitionsConsumedConcurrently?: number;
  /** Handler attempts before an event is dead-lettered (first delivery included). 5 unless told. */
  readonly maxAttempts?: number;
  /** Delay before each retry: a list (last value repeats) or a function of the failed attempt. */
  readonly retryBackoffMs?: RetryBackoff;
  /** Heartbeats are sent at least this often while a handler runs or a retry waits. 3 s unless told. */
  readonly heartbeatIntervalMs?: number;
  readonly sessionTimeoutMs?: number;
  readonly rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for new records (also bounds how long stop() waits for an idle fetch). 1 s. */
  readonly maxWaitTimeMs?: number;
  /** Where a brand-new group starts reading; true (the earliest record) unless told. */
  readonly fromBeginning?: boolean;
  readonly onOutcome?: (outcome: ConsumerOutcome) => void;
  readonly logger?: MessagingLogger;
}

export interface EventConsumerDeps<R extends ContractRegistry> {
  readonly kafka: Kafka;
  readonly dataSource: DataSource;
  readonly registry: R;
  /** Publishes to the retry and dead-letter topics (the service's EventProducer). */
  readonly publisher: EventPublisher;
}

export interface EventConsumerConfig<R extends ContractRegistry> {
  /** One group per service; also the inbox `consumer` and the prefix of its retry/DLQ topics. */
  readonly consumerGroup: string;
  readonly handlers: HandlerMap<R>;
  readonly options?: EventConsumerOptions;
}

/** Where a delivery came from, and its failure history when it comes from the retry topic. */
interface Delivery {
  readonly originalTopic: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
  readonly attempts: number;
  readonly firstFailedAt: string | null;
}

const RETRY_WAIT_STEP_MS = 200;

/**
 * Consumes a service's topics with exactly-once effects: every record is validated, then its handler runs in one
 * DB transaction together with an inbox insert keyed by (eventId, consumer group), so redeliveries are skipped.
 *
 * A failing handler does not block its partition: the record goes to `<group>.retry` with failure headers and
 * the offset moves on. A second consumer (group `<group>.retry`) waits until `x-not-before`, retries, and after
 * `maxAttempts` moves the record to `<group>.dlq`. Invalid records go to the DLQ at once. If the retry/DLQ
 * publish itself fails, the error propagates so kafkajs does not commit the offset (nothing is lost).
 */
export class EventConsumer<R extends ContractRegistry = ContractRegistry> {
  readonly consumerGroup: string;
  readonly retryTopic: string;
  readonly deadLetterTopic: string;
  private readonly handlers: ReadonlyMap<string, EventHandler>;
  private readonly options: EventConsumerOptions;
  private readonly maxAttempts: number;
  private readonly heartbeatIntervalMs: number;
  private readonly logger: MessagingLogger;
  private consumers: Consumer[] = [];
  private joined: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly deps: EventConsumerDeps<R>,
    config: EventConsumerConfig<R>,
  ) {
    this.consumerGroup = config.consumerGroup;
    this.retryTopic = retryTopicOf(config.consumerGroup);
    this.deadLetterTopic = deadLetterTopicOf(config.consumerGroup);
    this.options = config.options ?? {};
    this.maxAttempts = this.options.maxAttempts ?? 5;
    this.heartbeatIntervalMs = this.options.heartbeatIntervalMs ?? 3_000;
    this.logger = this.options.logger ?? stderrLogger;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1)
      throw new RangeError('maxAttempts must be ≥ 1');

    const handlers = new Map<string, EventHandler>();
    for (const [topic, handler] of Object.entries(config.handlers) as Array<[string, unknown]>) {
      if (typeof handler !== 'function') continue;
      // Safe: a handler only ever receives an event decoded with its own topic's schema (see decodeEvent).
      handlers.set(topic, handler as EventHandler);
    }
    // Boot-time self-check: fail at start, not at 3 a.m.
    const missing = [...handlers.keys()].filter(
      (topic) => !Object.prototype.hasOwnProperty.call(deps.registry, topic),
    );
    if (missing.length > 0) {
      throw new Error(
        `Consumer group ${this.consumerGroup} has handlers for topics without a contract in the registry: ${missing.join(', ')}`,
      );
    }
    if (handlers.size === 0) throw new Error(`Consumer group ${this.consumerGroup} has no handlers`);
    this.handlers = handlers;
  }

  get topics(): string[] {
    return [...this.handlers.keys()];
  }

  /** Connects and starts both consumers (the topics must exist: see ensureTopics). */
  async start(): Promise<void> {
    if (this.consumers.length > 0) return;
    this.stopping = false;
    const common = {
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      rebalanceTimeout: this.options.rebalanceTimeoutMs ?? 60_000,
      heartbeatInterval: this.heartbeatIntervalMs,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
    };
    const main = this.deps.kafka.consumer({ ...common, groupId: this.consumerGroup });
    const retry = this.deps.kafka.consumer({ ...common, groupId: `${this.consumerGroup}.retry` });
    this.consumers = [main, retry];
    this.joined = Promise.all(this.consumers.map((consumer) => this.firstJoin(consumer)));
    this.joined.catch(() => undefined);
    for (const consumer of this.consumers) {
      consumer.on(consumer.events.CRASH, (event) => {
        this.logger.error(
          `consumer ${event.payload.groupId} crashed (restart: ${String(event.payload.restart)}): ${errorMessageOf(event.payload.error)}`,
        );
      });
    }
    const concurrency = this.options.partitionsConsumedConcurrently ?? 1;
    try {
      await Promise.all([main.connect(), retry.connect()]);
      // A topic another process has just created can briefly be unknown to the broker's metadata: retried.
      await whileRetriable(() =>
        main.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true }),
      );
      await whileRetriable(() => retry.subscribe({ topics: [this.retryTopic], fromBeginning: true }));
      await main.run({
        partitionsConsumedConcurrently: concurrency,
        eachMessage: (payload) => this.onMessage(payload),
      });
      await retry.run({
        partitionsConsumedConcurrently: concurrency,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.onRetryBatch(payload),
      });
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Resolves once both consumers have joined their groups (after start()); rejects after `timeoutMs`. */
  async waitUntilJoined(timeoutMs = 30_000): Promise<void> {
    if (!this.joined) throw new Error('EventConsumer.waitUntilJoined() called before start()');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`consumer group ${this.consumerGroup} did not join within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.joined, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Leaves the groups; a handler in flight finishes (and commits) first, a waiting retry is left for later. */
  async stop(): Promise<void> {
    this.stopping = true;
    const consumers = this.consumers;
    this.consumers = [];
    const results = await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    for (const result of results) {
      if (result.status === 'rejected')
        this.logger.warn(`consumer disconnect failed: ${errorMessageOf(result.reason)}`);
    }
  }

  private firstJoin(consumer: Consumer): Promise<void> {
    return new Promise((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const heartbeat = () => payload.heartbeat();
    const delivery: Delivery = {
      originalTopic: topic,
      originalPartition: partition,
      originalOffset: message.offset,
      attempts: 0,
      firstFailedAt: null,
    };
    const decoded = decodeEvent(this.deps.registry, topic, message.value);
    if (!decoded.ok) {
      await this.deadLetter(message, delivery, decoded.reason);
      return;
    }
    await this.attempt(decoded.event, message, delivery, heartbeat);
  }

  private async onRetryBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const keepGoing = () => payload.isRunning() && !payload.isStale() && !this.stopping;
    for (const message of batch.messages) {
      if (!keepGoing()) return; // unresolved records are fetched again later
      const parsed = parseFailureHeaders(message.headers);
      if (!parsed.ok) {
        const delivery: Delivery = {
          originalTopic: batch.topic,
          originalPartition: batch.partition,
          originalOffset: message.offset,
          attempts: 0,
          firstFailedAt: null,
        };
        await this.deadLetter(message, delivery, parsed.reason);
      } else {
        const failure = parsed.failure;
        if (!(await this.waitUntil(failure.notBefore, heartbeat, keepGoing))) return;
        const delivery: Delivery = { ...failure, firstFailedAt: failure.firstFailedAt };
        const decoded = decodeEvent(this.deps.registry, failure.originalTopic, message.value);
        if (decoded.ok) await this.attempt(decoded.event, message, delivery, heartbeat);
        else await this.deadLetter(message, delivery, decoded.reason);
      }
      payload.resolveOffset(message.offset);
      await heartbeat();
    }
  }

  /** Sleeps until `notBefore` in short steps, heartbeating; false when the consumer should stop instead. */
  private async waitUntil(
    notBefore: number,
    heartbeat: () => Promise<void>,
    keepGoing: () => boolean,
  ): Promise<boolean> {
    for (;;) {
      const remaining = notBefore - Date.now();
      if (remaining <= 0) return true;
      if (!keepGoing()) return false;
      await sleep(Math.min(remaining, RETRY_WAIT_STEP_MS));
      await heartbeat();
    }
  }

  private async attempt(
    event: EventEnvelope,
    message: KafkaMessage,
    delivery: Delivery,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const attempt = delivery.attempts + 1;
    const topic = delivery.originalTopic;
    const handler = this.handlers.get(topic);
    if (!handler) {
      await this.deadLetter(
        message,
        delivery,
        `consumer group ${this.consumerGroup} has no handler for topic ${topic}`,
      );
      return;
    }
    try {
      const outcome = await this.withHeartbeats(heartbeat, () =>
        this.deps.dataSource.transaction((manager) =>
          applyOnce(manager, { eventId: event.eventId, consumer: this.consumerGroup, topic }, (transaction) =>
            handler(event, {
              manager: transaction,
              attempt,
              topic,
              partition: delivery.originalPartition,
              offset: delivery.originalOffset,
            }),
          ),
        ),
      );
      this.observe({ kind: outcome, eventId: event.eventId, topic, attempt });
    } catch (error) {
      const now = Date.now();
      const failure: FailureInfo = {
        originalTopic: topic,
        originalPartition: delivery.originalPartition,
        originalOffset: delivery.originalOffset,
        attempts: attempt,
        notBefore: now + retryDelay(attempt, this.options.retryBackoffMs),
        error: errorMessageOf(error),
        consumerGroup: this.consumerGroup,
        firstFailedAt: delivery.firstFailedAt ?? new Date(now).toISOString(),
      };
      if (attempt >= this.maxAttempts || isNonRetriable(error)) {
        await this.publishFailure(this.deadLetterTopic, message, {
          ...failure,
          notBefore: now,
          deadLetteredAt: new Date(now).toISOString(),
        });
        this.logger.error(
          `${this.consumerGroup}: event ${event.eventId} (${topic}) dead-lettered after ${attempt} attempt(s): ${failure.error}`,
        );
        this.observe({
          kind: 'dead-lettered',
          eventId: event.eventId,
          topic,
          attempts: attempt,
          error: failure.error,
        });
      } else {
        await this.publishFailure(this.retryTopic, message, failure);
        this.logger.warn(
          `${this.consumerGroup}: event ${event.eventId} (${topic}) failed attempt ${attempt}/${this.maxAttempts}, retry at ${new Date(failure.notBefore).toISOString()}: ${failure.error}`,
        );
        this.observe({
          kind: 'retry-scheduled',
          eventId: event.eventId,
          topic,
          attempt,
          error: failure.error,
          notBefore: failure.notBefore,
        });
      }
    }
  }

  /** Sends a record that can never succeed (or has no handler) to the DLQ. */
  private async deadLetter(message: KafkaMessage, delivery: Delivery, reason: string): Promise<void> {
    const now = Date.now();
    await this.publishFailure(this.deadLetterTopic, message, {
      originalTopic: delivery.originalTopic,
      originalPartition: delivery.originalPartition,
      originalOffset: delivery.originalOffset,
      attempts: delivery.attempts,
      notBefore: now,
      error: reason,
      consumerGroup: this.consumerGroup,
      firstFailedAt: delivery.firstFailedAt ?? new Date(now).toISOString(),
      deadLetteredAt: new Date(now).toISOString(),
    });
    const eventId = headersToStrings(message.headers)[EVENT_HEADERS.id] ?? null;
    this.logger.error(
      `${this.consumerGroup}: record ${delivery.originalTopic}/${delivery.originalPartition}@${delivery.originalOffset} dead-lettered: ${reason}`,
    );
    this.observe({
      kind: 'dead-lettered',
      eventId,
      topic: delivery.originalTopic,
      attempts: delivery.attempts,
      error: reason,
    });
  }

  /** Throws when the publish fails, so kafkajs does not commit the offset and delivers the record again. */
  private async publishFailure(topic: string, message: KafkaMessage, failure: FailureInfo): Promise<void> {
    await this.deps.publisher.publish([
      {
        topic,
        key: message.key,
        value: message.value,
        headers: buildFailureHeaders(headersToStrings(message.headers), failure),
      },
    ]);
  }

  private async withHeartbeats<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      // A failed heartbeat (e.g. a rebalance) surfaces at the next commit; the inbox absorbs any redelivery.
      heartbeat().catch(() => undefined);
    }, this.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private observe(outcome: ConsumerOutcome): void {
    try {
      this.options.onOutcome?.(outcome);
    } catch (error) {
      this.logger.warn(`onOutcome observer threw: ${errorMessageOf(error)}`);
    }
  }
}
