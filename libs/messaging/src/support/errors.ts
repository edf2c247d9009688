/**
 * Thrown by a handler for an event that can never succeed however often it is retried (e.g. it names a school
 * this service does not know): the consumer sends it to the dead-letter topic at once, with this message as the
 * reason, instead of retrying it. `npm run dlq -- replay` brings it back once the cause is fixed.
 */
export class NonRetriableError extends Error {
  readonly nonRetriable = true;

  constructor(message: string) {
    super(message);
    this.name = 'NonRetriableError';
  }
}

/** Whether `error` says it must not be retried (a NonRetriableError, also across module copies). */
export function isNonRetriable(error: unknown): boolean {
  return (
    error instanceof NonRetriableError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { nonRetriable?: unknown }).nonRetriable === true)
  );
}

/** Human-readable message of anything thrown. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Cuts text to at most `maxBytes` UTF-8 bytes (header values stay small), marking the cut with `…`. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const marker = '…';
  let end = Math.min(text.length, maxBytes);
  while (
    end > 0 &&
    Buffer.byteLength(text.slice(0, end), 'utf8') + Buffer.byteLength(marker, 'utf8') > maxBytes
  ) {
    end -= 1;
  }
  // Do not split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}
