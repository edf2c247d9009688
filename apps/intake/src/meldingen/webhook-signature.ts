import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signed webhook headers (lower case, as Node gives them). */
export const WEBHOOK_HEADERS = {
  school: 'x-meldpunt-school',
  timestamp: 'x-meldpunt-timestamp',
  signature: 'x-meldpunt-signature',
} as const;

/** Allowed clock skew between the school's software and Meldpunt, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRejection =
  | 'missing-school'
  | 'missing-timestamp'
  | 'missing-signature'
  | 'bad-timestamp'
  | 'stale-timestamp'
  | 'unknown-school'
  | 'bad-signature-format'
  | 'bad-signature'
  | 'replayed';

export interface WebhookSecret {
  readonly keyId: string;
  readonly secret: string;
}

export interface SignedRequest {
  readonly timestamp: string;
  readonly signature: string;
  readonly rawBody: Buffer;
}

export type SignatureCheck =
  | { readonly ok: true; readonly keyId: string; readonly digest: string }
  | { readonly ok: false; readonly reason: WebhookRejection };

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

/** HMAC-SHA256 (hex) over `<timestamp>.<raw body>` with the secret's UTF-8 bytes as key. */
export function signWebhook(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Whether the timestamp header is a Unix time (seconds) within the tolerance of `nowSeconds`. */
export function checkWebhookTimestamp(
  timestamp: string,
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): 'ok' | 'bad-timestamp' | 'stale-timestamp' {
  if (!TIMESTAMP_PATTERN.test(timestamp)) return 'bad-timestamp';
  return Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds ? 'stale-timestamp' : 'ok';
}

/**
 * Verifies `sha256=<hex>` against every active secret of the school (two during a rotation's grace period),
 * comparing in constant time. The timestamp is checked first: a stale request is refused before any HMAC.
 */
export function verifyWebhookSignature(
  request: SignedRequest,
  secrets: readonly WebhookSecret[],
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): SignatureCheck {
  const timestamp = checkWebhookTimestamp(request.timestamp, nowSeconds, toleranceSeconds);
  if (timestamp !== 'ok') return { ok: false, reason: timestamp };
  const match = SIGNATURE_PATTERN.exec(request.signature);
  if (!match?.[1]) return { ok: false, reason: 'bad-signature-format' };
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  let found: WebhookSecret | null = null;
  // Every secret is tried (no early exit), so the timing does not tell which one matched.
  for (const candidate of secrets) {
    const expected = Buffer.from(signWebhook(candidate.secret, request.timestamp, request.rawBody), 'hex');
    if (timingSafeEqual(expected, given) && found === null) found = candidate;
  }
  return found
    ? { ok: true, keyId: found.keyId, digest: given.toString('hex') }
    : { ok: false, reason: 'bad-signature' };
}

/**
 * Remembers signatures seen within the tolerance window, so a captured request cannot be replayed while its
 * timestamp is still fresh. `claim` is atomic: exactly one of two concurrent claims of a digest wins.
 */
export abstract class WebhookReplayStore {
  /** true when the digest was not seen yet (and is now remembered for `ttlSeconds`). */
  abstract claim(digest: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a digest (its request failed before it was kept, so the same signed request may be retried). */
  abstract release(digest: string): Promise<void>;
}

/** Seen signatures are kept for both sides of the tolerance window, plus a minute. */
export const REPLAY_TTL_SECONDS = 2 * WEBHOOK_TOLERANCE_SECONDS + 60;
