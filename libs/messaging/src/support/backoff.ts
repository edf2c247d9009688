/** Exponential backoff: `initialMs · factor^(attempt-1)`, capped at `maxMs`. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Growth per attempt; 2 unless told. */
  readonly factor?: number;
}

/** Outbox publish retries: 100 ms, 200 ms, 400 ms … up to 30 s. */
export const OUTBOX_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 30_000 };

/** Delay before the next try after the `attempt`-th failure (attempt ≥ 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = OUTBOX_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  if (policy.initialMs < 0 || policy.maxMs < policy.initialMs) {
    throw new RangeError(`invalid backoff policy: initialMs ${policy.initialMs}, maxMs ${policy.maxMs}`);
  }
  const factor = policy.factor ?? 2;
  // Math.pow overflows to Infinity for large attempts; Math.min then yields the cap.
  return Math.min(policy.maxMs, Math.round(policy.initialMs * Math.pow(factor, attempt - 1)));
}

/**
 * Consumer retry delays: either a list (`[1000, 5000, 30000]`: the n-th retry waits the n-th value, the last one
 * repeats) or a function of the failed attempt number.
 */
export type RetryBackoff = readonly number[] | ((attempt: number) => number);

export const DEFAULT_RETRY_BACKOFF: readonly number[] = [1_000, 5_000, 30_000, 120_000];

/** Delay before retrying after the `attempt`-th failed handler attempt (attempt ≥ 1). */
export function retryDelay(attempt: number, backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  if (typeof backoff === 'function') return Math.max(0, backoff(attempt));
  if (backoff.length === 0) return 0;
  return Math.max(0, backoff[Math.min(attempt, backoff.length) - 1] ?? 0);
}
