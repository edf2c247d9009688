import { Injectable } from '@nestjs/common';
import { PermanentDeliveryError, ProviderRateLimitedError } from './delivery-errors';

export interface OutgoingSms {
  /** E.164. */
  readonly to: string;
  readonly body: string;
  /** Our letter id, echoed by the provider (and in delivery reports, once we take them). */
  readonly reference: string;
}

/**
 * An SMS provider. Add a provider by implementing this: resolve with the provider's message id when it accepted
 * the message, throw ProviderRateLimitedError on its rate limit (429), PermanentDeliveryError when it refuses the
 * message for good, anything else for a transient failure (retried with backoff).
 */
export abstract class SmsProvider {
  abstract send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
}

const DEFAULT_RETRY_AFTER_MS = 1_000;
const TIMEOUT_MS = 10_000;

/** The HTTP API of the local SMS sink (infra/sinks/sms-sink.mjs): `POST /messages {to, body, reference}` → 202 {id}. */
@Injectable()
export class HttpSmsProvider extends SmsProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string | null,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<{ providerMessageId: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    const response = await fetch(new URL('/messages', this.baseUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify({ to: sms.to, body: sms.body, reference: sms.reference }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.status === 429)
      throw new ProviderRateLimitedError(retryAfterMs(response.headers.get('retry-after')));
    if (response.status >= 400 && response.status < 500)
      throw new PermanentDeliveryError(
        `SMS provider refused the message: ${response.status} ${text.slice(0, 200)}`,
      );
    if (!response.ok) throw new Error(`SMS provider error ${response.status}`);
    const id = (JSON.parse(text) as { id?: unknown }).id;
    if (typeof id !== 'string') throw new Error('SMS provider answered without a message id');
    return { providerMessageId: id };
  }
}

/** Retry-After in seconds or as an HTTP date; a second when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(seconds * 1_000, 100);
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(at - now, 100);
}
