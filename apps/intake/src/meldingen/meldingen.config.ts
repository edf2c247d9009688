import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';

export const meldingenEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Where confirmation e-mails go out (MailDev locally: `npm start` sets smtp://127.0.0.1:1025). */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' })
      .optional(),
    MAIL_FROM: z.string().min(3).max(200).default('Meldpunt <no-reply@meldpunt.be>'),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
      context.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production' });
    }
  });

export interface MeldingenSettings {
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** BullMQ key prefix (tests use their own). */
  readonly queuePrefix?: string;
  /** How often meldingen whose confirmation was never queued (Redis was down) are queued again; 0 = never. */
  readonly confirmationSweepIntervalMs?: number;
  /** How long a Kafka health answer is reused (up / down). */
  readonly kafkaCheckCacheMs?: { readonly up: number; readonly down: number };
  readonly kafkaCheckTimeoutMs?: number;
}

/** Configuration of the meldingen feature, validated once at boot. */
export class MeldingenConfig {
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly queuePrefix: string;
  readonly confirmationSweepIntervalMs: number;
  readonly kafkaCheckCacheMs: { readonly up: number; readonly down: number };
  readonly kafkaCheckTimeoutMs: number;

  constructor(settings: MeldingenSettings) {
    this.smtpUrl = settings.smtpUrl;
    this.mailFrom = settings.mailFrom;
    this.queuePrefix = settings.queuePrefix ?? 'bull';
    this.confirmationSweepIntervalMs = settings.confirmationSweepIntervalMs ?? 5 * 60_000;
    this.kafkaCheckCacheMs = settings.kafkaCheckCacheMs ?? { up: 10_000, down: 2_000 };
    this.kafkaCheckTimeoutMs = settings.kafkaCheckTimeoutMs ?? 1_500;
  }

  static load(env?: Env, queuePrefix?: string): MeldingenConfig {
    const parsed = loadConfig('intake', meldingenEnvSchema, env);
    return new MeldingenConfig({
      smtpUrl: parsed.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      mailFrom: parsed.MAIL_FROM,
      ...(queuePrefix === undefined ? {} : { queuePrefix }),
    });
  }
}
