import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The ONE signature check of every provider webhook of this service (inbound SMS, delivery reports): the provider
 * sends `X-Meldpunt-Timestamp` (Unix seconds) and `X-Meldpunt-Signature: sha256=<hex>`, the HMAC-SHA256 of
 * `<timestamp>.<exact raw body>` under the shared secret. Compared in constant time. Needs the raw body
 * (`rawBody: true` on the Nest app).
 */
export const WEBHOOK_SIGNATURE_HEADER = 'x-meldpunt-signature';

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/** The timestamp header of a signed provider request (Unix seconds). */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-meldpunt-timestamp';

/** Allowed clock skew between the provider and us, either way: an older signed request is refused (replay). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type SignedWebhookRejection =
  'missing-signature' | 'missing-timestamp' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature';

const TIMESTAMP_PATTERN = /^\d{1,12}$/;

/**
 * `sha256=<hex>` for a timestamped request (delivery reports): the HMAC-SHA256 under the secret of
 * `<timestamp>.<raw body>`, so the timestamp cannot be changed without the secret (the skew check is the replay
 * protection). What a provider, the dev SMS sink and the tests put in X-Meldpunt-Signature.
 */
export function signTimestampedWebhook(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/**
 * Checks a timestamped signed request: the timestamp within the tolerance of `nowSeconds` first (no HMAC for a
 * stale request), then the signature against every secret (two during a rotation) in constant time.
 */
export function verifyTimestampedWebhook(
  request: {
    readonly rawBody: Buffer | undefined;
    readonly signature: string | readonly string[] | undefined;
    readonly timestamp: string | readonly string[] | undefined;
  },
  secrets: readonly string[],
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): { readonly ok: true } | { readonly ok: false; readonly reason: SignedWebhookRejection } {
  const timestamp = (Array.isArray(request.timestamp) ? request.timestamp[0] : request.timestamp) as
    string | undefined;
  const signature = (Array.isArray(request.signature) ? request.signature[0] : request.signature) as
    string | undefined;
  if (typeof signature !== 'string' || signature.trim() === '')
    return { ok: false, reason: 'missing-signature' };
  if (typeof timestamp !== 'string' || timestamp.trim() === '')
    return { ok: false, reason: 'missing-timestamp' };
  if (!TIMESTAMP_PATTERN.test(timestamp.trim())) return { ok: false, reason: 'bad-timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp.trim())) > toleranceSeconds)
    return { ok: false, reason: 'stale-timestamp' };
  const match = SIGNATURE_PATTERN.exec(signature.trim());
  if (!match?.[1] || !request.rawBody) return { ok: false, reason: 'bad-signature' };
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  let ok = false;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    const expected = createHmac('sha256', secret)
      .update(`${timestamp.trim()}.`)
      .update(request.rawBody)
      .digest();
    if (timingSafeEqual(expected, given)) ok = true;
  }
  return ok ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
