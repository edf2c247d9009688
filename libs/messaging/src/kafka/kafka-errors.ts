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
