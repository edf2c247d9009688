import { deadLetterTopicOf, retryTopicOf, type ContractRegistry } from '@meldpunt/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';
import { backoffDelay } from '../support/backoff';
import { whileRetriable } from './kafka-errors';
import { sleep } from '../support/sleep';

export interface EnsureTopicsOptions {
  /** Partitions of each `<group>.retry` and `<group>.dlq` topic; 3 unless told. */
  readonly failurePartitions?: number;
  /** Retention of dead letters; 30 days unless told (they may hold personal data: not forever). */
  readonly deadLetterRetentionMs?: number;
  /** How long to wait for every partition of the wanted topics to have a leader; 30 s unless told. */
  readonly readyTimeoutMs?: number;
}

export interface EnsureTopicsResult {
  readonly created: string[];
  readonly existing: string[];
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** Every topic a set of services needs: the registry's topics plus a retry and a DLQ topic per consumer group. */
export function topicsFor(
  registry: ContractRegistry,
  consumerGroups: readonly string[],
  options: EnsureTopicsOptions = {},
): ITopicConfig[] {
  const partitions = options.failurePartitions ?? 3;
  const retention = String(options.deadLetterRetentionMs ?? THIRTY_DAYS_MS);
  const topics: ITopicConfig[] = Object.values(registry).map((contract) => ({
    topic: contract.topic,
    numPartitions: contract.partitions,
  }));
  for (const group of consumerGroups) {
    topics.push({ topic: retryTopicOf(group), numPartitions: partitions });
    topics.push({
      topic: deadLetterTopicOf(group),
      numPartitions: partitions,
      configEntries: [{ name: 'retention.ms', value: retention }],
    });
  }
  return topics;
}

/**
 * Creates the missing topics (the broker never auto-creates them) and waits for their leaders. Idempotent and
 * safe when several services start at once. Existing topics are left as they are (partitions are never changed
 * here: that would move keys to other partitions).
 */
export async function ensureTopics(
  admin: Admin,
  registry: ContractRegistry,
  consumerGroups: readonly string[],
  options: EnsureTopicsOptions = {},
): Promise<EnsureTopicsResult> {
  const wanted = topicsFor(registry, consumerGroups, options);
  const present = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !present.has(topic.topic));
  if (missing.length > 0) {
    // Resolves false when another process created them first. Not `waitForLeaders`: kafkajs then gives up on the
    // first UNKNOWN_TOPIC_OR_PARTITION a fresh broker answers while it creates them; waitForTopicsReady below
    // tolerates that and waits.
    await whileRetriable(() => admin.createTopics({ topics: missing, waitForLeaders: false }));
  }
  // Also when another process created them (listTopics shows a topic before its partitions have leaders, and a
  // consumer subscribing then fails with UNKNOWN_TOPIC_OR_PARTITION): wait until every partition answers.
  await waitForTopicsReady(
    admin,
    wanted.map((topic) => topic.topic),
    options.readyTimeoutMs ?? 30_000,
  );
  return {
    created: missing.map((topic) => topic.topic),
    existing: wanted.filter((topic) => present.has(topic.topic)).map((topic) => topic.topic),
  };
}

/**
 * Polls the topics' metadata until every partition has a leader and no error (a freshly created topic is listed
 * before its partitions are served). Throws after `timeoutMs`, naming the topics that are not ready.
 */
export async function waitForTopicsReady(
  admin: Admin,
  topics: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = [...new Set(topics)];
  let lastError = '';
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: pending });
      const ready = new Set(
        metadata.topics
          .filter(
            (topic) =>
              topic.partitions.length > 0 &&
              topic.partitions.every(
                (partition) => partition.partitionErrorCode === 0 && partition.leader >= 0,
              ),
          )
          .map((topic) => topic.name),
      );
      pending = pending.filter((topic) => !ready.has(topic));
      lastError = '';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `topics not ready after ${timeoutMs} ms: ${pending.join(', ')}${lastError ? ` (${lastError})` : ''}`,
      );
    }
    await sleep(backoffDelay(attempt, { initialMs: 50, maxMs: 1_000 }));
  }
}
