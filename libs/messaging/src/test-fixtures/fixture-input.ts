import { z } from 'zod';

/** Reads and validates a fixture's JSON input from argv[2] (fixtures get no environment variables). */
export function fixtureInput<S extends z.ZodType>(schema: S): z.output<S> {
  const raw = process.argv[2];
  if (!raw) throw new Error('fixture input (JSON) missing from argv[2]');
  return schema.parse(JSON.parse(raw));
}

/** Reports to the parent test over IPC (no-op when not forked). */
export function report(message: Record<string, unknown>): void {
  process.send?.(message);
}
