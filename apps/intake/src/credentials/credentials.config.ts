import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';

const base64Key = z
  .string()
  .transform((value) => Buffer.from(value, 'base64'))
  .refine((key) => key.length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)');

export const credentialsEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Encrypts the schools' webhook secrets at rest (AES-256-GCM). Required in production. */
    CREDENTIALS_ENCRYPTION_KEY: base64Key.optional(),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.CREDENTIALS_ENCRYPTION_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['CREDENTIALS_ENCRYPTION_KEY'],
        message: 'is required in production (openssl rand -base64 32)',
      });
    }
  });

/** Outside production a fixed, publicly known key: fine for a laptop, worthless for real secrets. */
const DEVELOPMENT_KEY = createHash('sha256').update('meldpunt development credentials key').digest();

/** Configuration of the credentials feature, validated once at boot. */
export class CredentialsConfig {
  constructor(
    readonly encryptionKey: Buffer,
    readonly usesDevelopmentKey = false,
  ) {}

  static load(env?: Env): CredentialsConfig {
    const parsed = loadConfig('intake', credentialsEnvSchema, env);
    if (parsed.CREDENTIALS_ENCRYPTION_KEY) return new CredentialsConfig(parsed.CREDENTIALS_ENCRYPTION_KEY);
    new Logger('Credentials').warn(
      'CREDENTIALS_ENCRYPTION_KEY is not set: webhook secrets are encrypted with the development key',
    );
    return new CredentialsConfig(DEVELOPMENT_KEY, true);
  }
}
