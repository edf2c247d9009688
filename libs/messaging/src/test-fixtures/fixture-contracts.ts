import type { ContractRegistry } from '@meldpunt/contracts';
import { z } from 'zod';

/** Payload of the throwaway "item" topics used by messaging's integration tests and child-process fixtures. */
export const fixtureItemSchema = z.object({
  itemId: z.uuid(),
  seq: z.number().int().nonnegative(),
  note: z.string().max(200).optional(),
});
export type FixtureItem = z.infer<typeof fixtureItemSchema>;

/** A registry with one item topic (the child processes rebuild the parent's registry from the topic name). */
export function fixtureRegistry(topic: string, partitions: number): ContractRegistry {
  return {
    [topic]: {
      topic,
      schema: fixtureItemSchema,
      partitionKey: 'itemId',
      partitions,
      description: 'test items',
    },
  };
}
