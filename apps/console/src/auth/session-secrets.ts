import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit secret, base64url (43 characters): session ids and CSRF tokens. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** How a session id is stored: hex SHA-256. The id has 256 bits of entropy, so no salt or slow hash is needed. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** Whether a cookie value can be a session id at all (cheap check before hashing and a database round trip). */
export function looksLikeSessionId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Constant-time comparison of two secrets. */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
