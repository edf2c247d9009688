/** The provider asked us to slow down (HTTP 429): the queue pauses for `retryAfterMs`; no attempt is used up. */
export class ProviderRateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`provider rate limit: retry after ${retryAfterMs} ms`);
    this.name = 'ProviderRateLimitedError';
  }
}

/** The provider refused this message for good (invalid number, SMTP 5xx): retrying will not help. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
