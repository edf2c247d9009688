import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';

const base64Bytes = (bytes: number, hint: string) =>
  z
    .string()
    .refine(
      (value) =>
        /^[A-Za-z0-9+/_-]+={0,2}$/.test(value.trim()) && Buffer.from(value.trim(), 'base64').length === bytes,
      hint,
    )
    .transform((value) => Buffer.from(value.trim(), 'base64'));

export const contactsEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Communication's X25519 secret key (base64, 32 bytes): opens the guardian contacts intake seals to it. */
    COMMUNICATION_SEAL_SECRET_KEY: base64Bytes(
      32,
      'must be an X25519 secret key: 32 bytes, base64',
    ).optional(),
    /** The id of that key pair, as intake names it in every event. */
    COMMUNICATION_SEAL_KEY_ID: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, ., _, : or - only')
      .optional(),
    /** Encrypts guardian contacts at rest (AES-256-GCM). Required in production. */
    CONTACTS_ENCRYPTION_KEY: base64Bytes(
      32,
      'must be 32 random bytes in base64 (openssl rand -base64 32)',
    ).optional(),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'production') return;
    for (const variable of [
      'COMMUNICATION_SEAL_SECRET_KEY',
      'COMMUNICATION_SEAL_KEY_ID',
      'CONTACTS_ENCRYPTION_KEY',
    ] as const)
      if (!env[variable])
        context.addIssue({ code: 'custom', path: [variable], message: 'is required in production' });
  });

/** Outside production a fixed, publicly known key: fine for a laptop, worthless for real contact details. */
const DEVELOPMENT_KEY = createHash('sha256').update('meldpunt development contacts key').digest();

/** The seal key pair communication opens guardian contacts with. */
export interface SealKey {
  readonly keyId: string;
  readonly secretKey: Uint8Array;
}

/** Configuration of the contacts feature, validated once at boot. */
export class ContactsConfig {
  constructor(
    /** null outside production when no key is configured: contact events cannot be opened (and are dead-lettered). */
    readonly sealKey: SealKey | null,
    readonly encryptionKey: Buffer,
    readonly usesDevelopmentKey = false,
  ) {
    if (encryptionKey.length !== 32) throw new RangeError('the contacts encryption key must be 32 bytes');
  }

  static load(env?: Env): ContactsConfig {
    const parsed = loadConfig('communication', contactsEnvSchema, env);
    const logger = new Logger('Contacts');
    const sealKey =
      parsed.COMMUNICATION_SEAL_SECRET_KEY && parsed.COMMUNICATION_SEAL_KEY_ID
        ? {
            keyId: parsed.COMMUNICATION_SEAL_KEY_ID,
            secretKey: new Uint8Array(parsed.COMMUNICATION_SEAL_SECRET_KEY),
          }
        : null;
    if (!sealKey)
      logger.warn(
        'COMMUNICATION_SEAL_SECRET_KEY / COMMUNICATION_SEAL_KEY_ID not set: guardian contacts cannot be opened',
      );
    if (parsed.CONTACTS_ENCRYPTION_KEY) return new ContactsConfig(sealKey, parsed.CONTACTS_ENCRYPTION_KEY);
    logger.warn(
      'CONTACTS_ENCRYPTION_KEY is not set: guardian contacts are encrypted with the development key',
    );
    return new ContactsConfig(sealKey, DEVELOPMENT_KEY, true);
  }
}
