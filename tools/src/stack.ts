import { z } from 'zod';
import { loadConfig, type Env } from '@meldpunt/config';
import type { DevKeys } from './dev-keys';

/** One process `npm start` runs. */
export interface ProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** URL that answers 200 when the process is ready. */
  readonly readyUrl: string;
  /** URLs printed in the ready banner. */
  readonly links: readonly { label: string; url: string }[];
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Everything about the local stack that can be overridden by environment variables. */
export const stackEnvSchema = z.object({
  CONSOLE_PORT: port(3000),
  INTAKE_PORT: port(3001),
  RISK_ASSESSMENT_PORT: port(3002),
  COMMUNICATION_PORT: port(3003),
  SCHEDULING_PORT: port(3004),
  MAIL_SMTP_PORT: port(1025),
  MAIL_UI_PORT: port(1080),
  SMS_SINK_PORT: port(1090),
  POSTGRES_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432'),
  DATABASE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('meldpunt_'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_GROUP_PREFIX: z.string().default(''),
  /**
   * `true` for a throwaway stack (tests) with fresh databases: its consumer groups start at the current end of the
   * shared topics instead of reading every earlier run's events. Never for a stack whose data should follow history.
   */
  KAFKA_SKIP_HISTORY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** BullMQ key prefix of this stack's queues; derived from DATABASE_PREFIX unless told. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .optional(),
  // warn keeps the terminal readable; LOG_LEVEL=log shows every service's start-up.
  /** Set by infra/scripts/start.sh: when `npm start` began, for the start-up time in the banner. */
  MELDPUNT_STARTED_AT_MS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('warn'),
});
export type StackEnv = z.infer<typeof stackEnvSchema>;

export const SERVICE_APPS = ['intake', 'risk-assessment', 'communication', 'scheduling'] as const;
export type ServiceApp = (typeof SERVICE_APPS)[number];

export function loadStackEnv(env?: Env): StackEnv {
  return loadConfig('npm start', stackEnvSchema, env);
}

export function servicePort(env: StackEnv, app: ServiceApp): number {
  switch (app) {
    case 'intake':
      return env.INTAKE_PORT;
    case 'risk-assessment':
      return env.RISK_ASSESSMENT_PORT;
    case 'communication':
      return env.COMMUNICATION_PORT;
    case 'scheduling':
      return env.SCHEDULING_PORT;
  }
}

export function databaseUrl(env: StackEnv, app: ServiceApp | 'console'): string {
  const url = new URL(env.POSTGRES_URL);
  url.pathname = `/${env.DATABASE_PREFIX}${app.replace(/-/g, '_')}`;
  return url.toString();
}

/** Each stack's queues apart on a shared Redis: `bull-meldpunt` for `npm start`, `bull-meldpunt_e2e` for a test stack. */
export function queuePrefix(env: StackEnv): string {
  return env.QUEUE_PREFIX ?? `bull-${env.DATABASE_PREFIX.replace(/_+$/, '')}`;
}

/** The environment one service process gets. */
export function serviceEnv(env: StackEnv, app: ServiceApp, keys: DevKeys): Record<string, string> {
  const own: Record<string, string> =
    app === 'intake'
      ? {
          COMMUNICATION_SEAL_PUBLIC_KEY: keys.seal.publicKey,
          COMMUNICATION_SEAL_KEY_ID: keys.seal.keyId,
          CREDENTIALS_ENCRYPTION_KEY: keys.credentials,
        }
      : app === 'communication'
        ? {
            // Opens the guardian contacts intake seals to this key pair, and keeps them encrypted at rest.
            COMMUNICATION_SEAL_SECRET_KEY: keys.seal.secretKey,
            CONTACTS_ENCRYPTION_KEY: keys.contacts,
            COMMUNICATION_SEAL_KEY_ID: keys.seal.keyId,
            // The SMS sink posts signed delivery reports (below): a text is `sent` until reported `delivered`.
            SMS_DELIVERY_REPORTS: 'true',
          }
        : {};
  return {
    ...own,
    AUTH_PUBLIC_KEY: keys.auth.publicKey,
    PORT: String(servicePort(env, app)),
    DATABASE_URL: databaseUrl(env, app),
    REDIS_URL: env.REDIS_URL,
    KAFKA_BROKERS: env.KAFKA_BROKERS,
    KAFKA_GROUP_PREFIX: env.KAFKA_GROUP_PREFIX,
    QUEUE_PREFIX: queuePrefix(env),
    LOG_LEVEL: env.LOG_LEVEL,
    SMTP_URL: `smtp://127.0.0.1:${env.MAIL_SMTP_PORT}`,
    SMS_PROVIDER_URL: `http://127.0.0.1:${env.SMS_SINK_PORT}`,
  };
}

/** Every long-running process of the local stack, in start order. */
export function stackProcesses(env: StackEnv, root: string, keys: DevKeys): ProcessSpec[] {
  const local = (p: number) => `http://127.0.0.1:${p}`;
  const services: ProcessSpec[] = SERVICE_APPS.map((app) => ({
    name: app,
    command: process.execPath,
    args: ['--enable-source-maps', `${root}/dist/apps/${app}/src/main.js`],
    env: serviceEnv(env, app, keys),
    readyUrl: `${local(servicePort(env, app))}/health`,
    links: [{ label: `${app} API docs`, url: `${local(servicePort(env, app))}/docs` }],
  }));
  return [
    {
      name: 'mail',
      command: process.execPath,
      args: [
        `${root}/node_modules/maildev/dist/bin/maildev.js`,
        '--ip',
        '127.0.0.1',
        '--smtp',
        String(env.MAIL_SMTP_PORT),
        '--web',
        String(env.MAIL_UI_PORT),
        '--web-ip',
        '127.0.0.1',
        '--max-emails',
        '1000',
      ],
      env: {},
      readyUrl: `${local(env.MAIL_UI_PORT)}/api/healthz`,
      links: [{ label: 'mail (sent e-mails)', url: local(env.MAIL_UI_PORT) }],
    },
    {
      name: 'sms',
      command: process.execPath,
      args: [`${root}/infra/sinks/sms-sink.mjs`],
      env: {
        SMS_SINK_PORT: String(env.SMS_SINK_PORT),
        // Signed delivery reports back to communication (both sides use the development webhook secret).
        SMS_REPORT_WEBHOOK_URL: `${local(env.COMMUNICATION_PORT)}/v1/providers/sms/reports`,
      },
      readyUrl: `${local(env.SMS_SINK_PORT)}/health`,
      links: [{ label: 'sms (sent text messages)', url: local(env.SMS_SINK_PORT) }],
    },
    ...services,
    {
      name: 'console',
      command: process.execPath,
      args: ['--enable-source-maps', `${root}/dist/apps/console/src/main.js`],
      env: {
        PORT: String(env.CONSOLE_PORT),
        DATABASE_URL: databaseUrl(env, 'console'),
        AUTH_PRIVATE_KEY: keys.auth.privateKey,
        INTAKE_URL: local(env.INTAKE_PORT),
        RISK_ASSESSMENT_URL: local(env.RISK_ASSESSMENT_PORT),
        COMMUNICATION_URL: local(env.COMMUNICATION_PORT),
        SCHEDULING_URL: local(env.SCHEDULING_PORT),
        MAIL_UI_URL: local(env.MAIL_UI_PORT),
        SMS_SINK_URL: local(env.SMS_SINK_PORT),
        LOG_LEVEL: env.LOG_LEVEL,
      },
      readyUrl: `${local(env.CONSOLE_PORT)}/health`,
      links: [{ label: 'console', url: local(env.CONSOLE_PORT) }],
    },
  ];
}
