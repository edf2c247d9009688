import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { privateKeyFrom } from '@meldpunt/auth';
import { loadConfig, type Env } from '@meldpunt/config';
import type { PlatformService } from './status/platform-service';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type ConsoleLogLevel = (typeof LOG_LEVELS)[number];
export type NodeEnv = 'development' | 'test' | 'production';

/** An http(s) base URL with a default; the trailing slash is dropped so paths can be appended. */
function baseUrl(example: string) {
  return z
    .url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${example}` })
    .transform((value) => value.replace(/\/+$/, ''))
    .default(example);
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

export const consoleEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('log'),
  /** The console's own database: users and sessions. Created if missing; migrations run at boot. */
  DATABASE_URL: z.url({
    protocol: /^postgres(ql)?$/,
    error: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/meldpunt_console',
  }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** Ed25519 private key (PEM, or base64 of the PEM) that signs the tokens the console sends to the services. */
  AUTH_PRIVATE_KEY: z.string().refine(
    (value) => {
      try {
        privateKeyFrom(value);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'must be an Ed25519 private key, as PEM (-----BEGIN PRIVATE KEY-----) or base64 of the PEM' },
  ),
  /** Session cookie only over HTTPS. Unset: true when NODE_ENV=production, false otherwise. */
  COOKIE_SECURE: booleanFlag.optional(),
  /** Express "trust proxy": true behind a reverse proxy, so the client IP (login throttling) is X-Forwarded-For. */
  TRUST_PROXY: booleanFlag.default(false),
  INTAKE_URL: baseUrl('http://127.0.0.1:3001'),
  RISK_ASSESSMENT_URL: baseUrl('http://127.0.0.1:3002'),
  COMMUNICATION_URL: baseUrl('http://127.0.0.1:3003'),
  SCHEDULING_URL: baseUrl('http://127.0.0.1:3004'),
  MAIL_UI_URL: baseUrl('http://127.0.0.1:1080'),
  SMS_SINK_URL: baseUrl('http://127.0.0.1:1090'),
  /** Folder with the page (index.html, app.js, i18n/). Unset: found next to the sources, see web-dir.ts. */
  WEB_DIR: z
    .string()
    .transform((value) => resolve(value))
    .refine((dir) => existsSync(join(dir, 'index.html')), 'must be a folder that contains index.html')
    .optional(),
});

/** The validated configuration of the console. Injected by class token. */
export class ConsoleConfig {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly logLevel: ConsoleLogLevel;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly authPrivateKey: string;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  readonly services: readonly PlatformService[];
  readonly mailUiUrl: string;
  readonly smsSinkUrl: string;
  readonly webDir: string | undefined;

  constructor(env: z.infer<typeof consoleEnvSchema>) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.logLevel = env.LOG_LEVEL;
    this.databaseUrl = env.DATABASE_URL;
    this.databasePoolSize = env.DATABASE_POOL_SIZE;
    this.authPrivateKey = env.AUTH_PRIVATE_KEY;
    this.cookieSecure = env.COOKIE_SECURE ?? env.NODE_ENV === 'production';
    this.trustProxy = env.TRUST_PROXY;
    this.services = [
      { service: 'intake', url: env.INTAKE_URL },
      { service: 'risk-assessment', url: env.RISK_ASSESSMENT_URL },
      { service: 'communication', url: env.COMMUNICATION_URL },
      { service: 'scheduling', url: env.SCHEDULING_URL },
    ];
    this.mailUiUrl = env.MAIL_UI_URL;
    this.smsSinkUrl = env.SMS_SINK_URL;
    this.webDir = env.WEB_DIR;
  }

  /** The Nest logger levels at and above LOG_LEVEL. */
  get loggerLevels(): ConsoleLogLevel[] {
    return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(this.logLevel) + 1);
  }

  /** Base URL of one back-end service. */
  serviceUrl(service: PlatformService['service']): string {
    const found = this.services.find((candidate) => candidate.service === service);
    if (!found) throw new Error(`no URL configured for ${service}`);
    return found.url;
  }
}

/** Loads and validates the console environment once, at boot; throws ConfigError naming each bad variable. */
export function loadConsoleConfig(env?: Env): ConsoleConfig {
  return new ConsoleConfig(loadConfig('console', consoleEnvSchema, env));
}
