import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Formats of what a school receives once: `mpk_<keyId>_<43 base64url chars>` (API key, 256 random bits) and
 * `whsec_<43 base64url chars>` (webhook secret). The key id is public (it names the key in lists and logs).
 */
const API_KEY_PATTERN = /^mpk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedSecrets {
  readonly keyId: string;
  readonly apiKey: string;
  readonly apiKeyHash: string;
  readonly webhookSecret: string;
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

export function generateSecrets(): IssuedSecrets {
  const keyId = randomBytes(6).toString('hex');
  const apiKey = `mpk_${keyId}_${randomBytes(32).toString('base64url')}`;
  return {
    keyId,
    apiKey,
    apiKeyHash: hashApiKey(apiKey),
    webhookSecret: `whsec_${randomBytes(32).toString('base64url')}`,
  };
}

/** The key id of a well-formed API key, or null. */
export function keyIdOfApiKey(apiKey: string): string | null {
  return API_KEY_PATTERN.exec(apiKey)?.[1] ?? null;
}

/** Constant-time comparison of an API key with a stored hash. */
export function apiKeyMatches(apiKey: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(apiKey), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
