import type { ContractRegistry, TopicContract } from '@meldpunt/contracts';
import type { z } from 'zod';

/** One throwaway topic: its schema, partition key field and partition count. */
export interface TestTopicSpec<S extends z.ZodType = z.ZodType> {
  /** `<domain>.<entity>.<verb>.vN`; made unique per run (see TestHarness.uniqueTopic). */
  readonly name: string;
  readonly schema: S;
  readonly partitionKey: string;
  readonly partitions?: number;
}

/** A contract registry of throwaway topics, plus the unique name of each topic by its alias. */
export interface TestRegistry<K extends string = string> {
  readonly registry: ContractRegistry;
  readonly topics: Readonly<Record<K, string>>;
  contract(alias: K): TopicContract;
}

/**
 * Builds a registry for throwaway topics. `unique` turns each spec name into this run's name (pass
 * `harness.uniqueTopic`); the registry is keyed by the unique names, exactly like CONTRACTS.
 */
export function buildTestRegistry<K extends string>(
  specs: Readonly<Record<K, TestTopicSpec>>,
  unique: (name: string) => string = (name) => name,
): TestRegistry<K> {
  const registry: Record<string, TopicContract> = {};
  const topics = {} as Record<K, string>;
  const byAlias = new Map<string, TopicContract>();
  for (const alias of Object.keys(specs) as K[]) {
    const spec = specs[alias];
    const topic = unique(spec.name);
    const contract: TopicContract = {
      topic,
      schema: spec.schema,
      partitionKey: spec.partitionKey,
      partitions: spec.partitions ?? 3,
      description: `test topic ${spec.name}`,
    };
    registry[topic] = contract;
    topics[alias] = topic;
    byAlias.set(alias, contract);
  }
  return {
    registry,
    topics,
    contract: (alias) => {
      const contract = byAlias.get(alias);
      if (!contract) throw new Error(`No test topic ${alias}`);
      return contract;
    },
  };
}
