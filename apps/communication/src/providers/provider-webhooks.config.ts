import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';

export const providerWebhooksEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /**
     * Shared with the e-mail and SMS providers: signs their webhooks (delivery reports POST /v1/providers/:channel/reports and inbound SMS
     * POST /v1/providers/sms/inbound, see webhook-signature.ts). Several secrets comma-separated during a rotation (the first signs nothing: we only
     * verify).
     */
    PROVIDER_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').max(1000).optional(),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.PROVIDER_WEBHOOK_SECRET)
      context.addIssue({
        code: 'custom',
        path: ['PROVIDER_WEBHOOK_SECRET'],
        message: 'is required in production',
      });
  });

/** Outside production a fixed, publicly known secret: fine for the development sink, worthless otherwise. */
export const DEVELOPMENT_PROVIDER_WEBHOOK_SECRET = 'meldpunt-development-provider-webhook-secret';

/** The secrets every provider webhook (delivery reports, inbound SMS) is verified with, validated once at boot. */
export class ProviderWebhooksConfig {
  constructor(
    readonly secrets: readonly string[],
    /** How often reports that came before their letter's provider id are tried again (0 = never). */
    readonly pendingSweepMs = 5_000,
  ) {}

  static load(env?: Env): ProviderWebhooksConfig {
    const parsed = loadConfig('communication', providerWebhooksEnvSchema, env);
    if (parsed.PROVIDER_WEBHOOK_SECRET)
      return new ProviderWebhooksConfig(
        parsed.PROVIDER_WEBHOOK_SECRET.split(',')
          .map((secret) => secret.trim())
          .filter((secret) => secret.length > 0),
      );
    new Logger('ProviderWebhooks').warn(
      'PROVIDER_WEBHOOK_SECRET is not set: the development secret signs provider webhooks',
    );
    return new ProviderWebhooksConfig([DEVELOPMENT_PROVIDER_WEBHOOK_SECRET]);
  }
}
