import { backoffDelay } from '../support/backoff';
import { sleep } from '../support/sleep';

/**
 * Kafka error codes that mean "the broker will not take this record as it is", as opposed to broker trouble
 * (leader moves, timeouts, a broker down) that goes away by itself: retrying the same record cannot succeed
 * until someone changes the record or the broker's limits.
 */
const REFUSED_RECORD_TYPES: ReadonlySet<string> = new Set([
  'MESSAGE_TOO_LARGE', // a record batch above the broker's message.max.bytes (topic max.message.bytes)
  'RECORD_LIST_TOO_LARGE', // a batch above the broker's segment size
  'INVALID_RECORD', // the broker's validation refused a record (e.g. no key on a compacted topic)
]);

/** The kafkajs protocol error type (`MESSAGE_TOO_LARGE` …) of an error or of an error it wraps, if any. */
export function kafkaErrorTypeOf(error: unknown): string | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const { type, cause } = current as { type?: unknown; cause?: unknown };
    if (typeof type === 'string') return type;
    current = cause;
  }
  return null;
}

/** True when Kafka refused a record itself (too large, invalid): retrying it unchanged will fail again. */
export function isRefusedRecordError(error: unknown): boolean {
  const type = kafkaErrorTypeOf(error);
  return type !== null && REFUSED_RECORD_TYPES.has(type);
}

/** True for a kafkajs error the broker may stop giving by itself (kafkajs marks these `retriable`). */
export function isRetriableKafkaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/** Runs `operation`, retrying it with backoff while it fails with a retriable Kafka error, for up to `timeoutMs`. */
export async function whileRetriable<T>(operation: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetriableKafkaError(error) || Date.now() > deadline) throw error;
      await sleep(backoffDelay(attempt, { initialMs: 100, maxMs: 2_000 }));
    }
  }
}
