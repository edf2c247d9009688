import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';

const X25519_PUBLIC_KEY_BYTES = 32;

export const sealedContactsEnvSchema = z.object({
  /** The communication service's X25519 public key (base64, 32 bytes): guardian contacts are sealed to it. */
  COMMUNICATION_SEAL_PUBLIC_KEY: z
    .string()
    .refine(
      (value) =>
        /^[A-Za-z0-9+/_-]+={0,2}$/.test(value.trim()) &&
        Buffer.from(value.trim(), 'base64').length === X25519_PUBLIC_KEY_BYTES,
      "must be the communication service's X25519 public key: 32 bytes, base64",
    ),
  /** Names that key pair in every event, so communication can rotate keys. */
  COMMUNICATION_SEAL_KEY_ID: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, ., _, : or - only'),
});

/**
 * Where guardian contacts are sealed to (intake's only secret-free crypto setting): read once at boot, failing
 * fast with the variable's name when it is missing or malformed.
 */
export class SealedContactsConfig {
  constructor(
    readonly publicKey: Uint8Array,
    readonly keyId: string,
  ) {
    if (publicKey.length !== X25519_PUBLIC_KEY_BYTES)
      throw new RangeError('the seal public key must be 32 bytes');
  }

  static load(env?: Env): SealedContactsConfig {
    const parsed = loadConfig('intake', sealedContactsEnvSchema, env);
    return new SealedContactsConfig(
      new Uint8Array(Buffer.from(parsed.COMMUNICATION_SEAL_PUBLIC_KEY.trim(), 'base64')),
      parsed.COMMUNICATION_SEAL_KEY_ID,
    );
  }
}
