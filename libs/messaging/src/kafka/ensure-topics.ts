import { deadLetterTopicOf, retryTopicOf, type ContractRegistry } from '@meldpunt/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';

export interface EnsureTopicsOptions {
  /** Partitions of each `<group>.retry` and `<group>.dlq` topic; 3 unless told. */
  readonly failurePartitions?: number;
  /** Retention of dead letters; 30 days unless told (they may hold personal data: not forever). */
  readonly deadLetterRetentionMs?: number;
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
    // Resolves false when another process created them first; throws for any other failure.
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  }
  return {
    created: missing.map((topic) => topic.topic),
    existing: wanted.filter((topic) => present.has(topic.topic)).map((topic) => topic.topic),
  };
}
