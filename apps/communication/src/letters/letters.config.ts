import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

export const lettersEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Where letters by e-mail go out (pooled SMTP; the local sink in development). */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' })
      .optional(),
    MAIL_FROM: z.string().min(3).max(200).default('CLB Meldpunt <no-reply@meldpunt.be>'),
    /** The SMS provider's HTTP API (the local SMS sink in development). */
    SMS_PROVIDER_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    SMS_PROVIDER_API_KEY: z.string().min(1).max(500).optional(),
    /** Where the full letter is read online: the SMS links to `<base>/<22-character token>` (the console's /b/). */
    LETTER_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000/b'),
    /** Days the letter link keeps working after the last day of the letter's measures (or its decision). */
    LETTER_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * Whether the channel's provider posts delivery reports (POST /v1/providers/<channel>/reports): then a letter
     * the provider accepted is `sent` until a report says `delivered`, `bounced` or `failed`. false: accepted counts
     * as delivered (bounce reports are still taken). Plain SMTP has no delivery reports: false by default.
     */
    EMAIL_DELIVERY_REPORTS: booleanFlag.default(false),
    SMS_DELIVERY_REPORTS: booleanFlag.default(false),
    /** Provider limits: messages per second per channel (BullMQ rate limiter of that channel's queue). */
    EMAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
    SMS_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Attempts per letter and channel before it fails (then the other channel, then the dead-letter list). */
    LETTER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** First retry delay; doubles each attempt (6 attempts ≈ 5 minutes in all). */
    LETTER_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
    /**
     * Letters sent at the same time per channel worker; each holds a database connection while the provider
     * answers: keep 2 × this well under DATABASE_POOL_SIZE.
     */
    LETTER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** SMTP connections in the pool (the relay's limit per client). */
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'production') return;
    for (const variable of ['SMTP_URL', 'SMS_PROVIDER_URL'] as const)
      if (!env[variable])
        context.addIssue({ code: 'custom', path: [variable], message: 'is required in production' });
  });

export interface LettersSettings {
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly smsProviderUrl: string;
  readonly smsProviderApiKey?: string | null;
  readonly letterBaseUrl?: string;
  readonly letterLinkDays?: number;
  /** Whether the channel's provider posts delivery reports (else accepted counts as delivered); false. */
  readonly emailDeliveryReports?: boolean;
  readonly smsDeliveryReports?: boolean;
  readonly queuePrefix?: string;
  readonly emailRatePerSecond?: number;
  readonly smsRatePerSecond?: number;
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
  /** How often letters left queued (Redis down at commit) are queued again; 0 = never. */
  readonly sweepIntervalMs?: number;
  /** Letters queued for less than this are left to their own enqueue. */
  readonly sweepGraceMs?: number;
  /**
   * Letters sent at the same time per channel worker (4). Each holds a database connection while the provider
   * answers (the row lock that makes a letter go out once): keep 2 × this well under DATABASE_POOL_SIZE.
   */
  readonly concurrency?: number;
  /** SMTP connections in the pool. */
  readonly smtpPoolSize?: number;
}

/** Configuration of the letters pipeline, validated once at boot. */
export class LettersConfig {
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly smsProviderUrl: string;
  readonly smsProviderApiKey: string | null;
  readonly letterBaseUrl: string;
  readonly letterLinkDays: number;
  readonly deliveryReports: Readonly<Record<'email' | 'sms', boolean>>;
  readonly queuePrefix: string;
  readonly emailRatePerSecond: number;
  readonly smsRatePerSecond: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly sweepIntervalMs: number;
  readonly sweepGraceMs: number;
  readonly concurrency: number;
  readonly smtpPoolSize: number;

  constructor(settings: LettersSettings) {
    this.smtpUrl = settings.smtpUrl;
    this.mailFrom = settings.mailFrom;
    this.smsProviderUrl = settings.smsProviderUrl;
    this.smsProviderApiKey = settings.smsProviderApiKey ?? null;
    this.letterBaseUrl = (settings.letterBaseUrl ?? 'http://127.0.0.1:3000/b').replace(/\/+$/, '');
    this.letterLinkDays = settings.letterLinkDays ?? 30;
    this.deliveryReports = {
      email: settings.emailDeliveryReports ?? false,
      sms: settings.smsDeliveryReports ?? false,
    };
    this.queuePrefix = settings.queuePrefix ?? 'bull';
    this.emailRatePerSecond = settings.emailRatePerSecond ?? 50;
    this.smsRatePerSecond = settings.smsRatePerSecond ?? 10;
    this.maxAttempts = settings.maxAttempts ?? 6;
    this.retryBaseMs = settings.retryBaseMs ?? 10_000;
    this.sweepIntervalMs = settings.sweepIntervalMs ?? 60_000;
    this.sweepGraceMs = settings.sweepGraceMs ?? 30_000;
    this.concurrency = settings.concurrency ?? 4;
    this.smtpPoolSize = settings.smtpPoolSize ?? 5;
  }

  static load(env?: Env, queuePrefix?: string): LettersConfig {
    const parsed = loadConfig('communication', lettersEnvSchema, env);
    return new LettersConfig({
      smtpUrl: parsed.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      mailFrom: parsed.MAIL_FROM,
      smsProviderUrl: parsed.SMS_PROVIDER_URL ?? 'http://127.0.0.1:1090',
      smsProviderApiKey: parsed.SMS_PROVIDER_API_KEY ?? null,
      letterBaseUrl: parsed.LETTER_BASE_URL,
      letterLinkDays: parsed.LETTER_LINK_DAYS,
      emailDeliveryReports: parsed.EMAIL_DELIVERY_REPORTS,
      smsDeliveryReports: parsed.SMS_DELIVERY_REPORTS,
      emailRatePerSecond: parsed.EMAIL_RATE_PER_SECOND,
      smsRatePerSecond: parsed.SMS_RATE_PER_SECOND,
      maxAttempts: parsed.LETTER_MAX_ATTEMPTS,
      retryBaseMs: parsed.LETTER_RETRY_BASE_MS,
      concurrency: parsed.LETTER_CONCURRENCY,
      smtpPoolSize: parsed.SMTP_POOL_SIZE,
      ...(queuePrefix === undefined ? {} : { queuePrefix }),
    });
  }
}
