import { createHash } from 'node:crypto';

/** How long a response is kept for its Idempotency-Key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export class InvalidIdempotencyKeyError extends Error {
  constructor() {
    super('invalid Idempotency-Key');
    this.name = 'InvalidIdempotencyKeyError';
  }
}

/** The Idempotency-Key header: absent → null; 1–200 visible ASCII characters; anything else throws. */
export function parseIdempotencyKey(header: string | readonly string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new InvalidIdempotencyKeyError();
  return header;
}

/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** sha256 (hex) of the canonical JSON of a request body. */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export interface StoredIdempotentResponse<T> {
  readonly fingerprint: string;
  readonly createdAt: Date;
  readonly response: T;
}

export type IdempotencyDecision<T> =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: T }
  | { readonly kind: 'conflict' };

/**
 * Same key + same body → the stored response; same key + another body → conflict (422); no record, or one older
 * than the TTL → a new request.
 */
export function decideIdempotency<T>(
  stored: StoredIdempotentResponse<T> | null,
  fingerprint: string,
  now: Date,
): IdempotencyDecision<T> {
  if (!stored || now.getTime() - stored.createdAt.getTime() > IDEMPOTENCY_TTL_MS) return { kind: 'new' };
  return stored.fingerprint === fingerprint
    ? { kind: 'replay', response: stored.response }
    : { kind: 'conflict' };
}
