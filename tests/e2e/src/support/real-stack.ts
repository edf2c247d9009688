// The whole local stack as `npm start` runs it (built dist/, same orchestrator), on its own ports, databases,
// Kafka consumer groups and Redis database, so an e2e spec can run beside a developer's stack and other specs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { chromium, type APIRequestContext, type Browser, type BrowserContext } from 'playwright-core';
import { Client } from 'pg';

const root = resolve(__dirname, '../../../..');
const POSTGRES = 'postgres://postgres@127.0.0.1:5432';
export const STACK_APPS = ['intake', 'risk-assessment', 'communication', 'scheduling', 'console'] as const;
export type StackApp = (typeof STACK_APPS)[number];
/** What the demo seeds (apps/console/src/seed/demo-users.ts). */
export const DEMO_PASSWORD = 'Meldpunt-demo-2026';

/** Debian's Chromium (never a downloaded browser), headless as the brief says. */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A logged-in API session of the console, as a page has it (cookie jar + CSRF token). */
export interface ApiSession {
  readonly request: APIRequestContext;
  readonly csrf: string;
  readonly user: { id: string; schoolIds: string[]; clbIds: string[] };
}

export interface StackOptions {
  /** First of 5 ports: console, intake, risk-assessment, communication, scheduling. */
  readonly basePort: number;
  /** First of 3 ports: SMTP, mail UI, SMS sink. */
  readonly sinkBasePort: number;
  /** Database name prefix, e.g. `meldpunt_e2b_`; the databases are dropped before and after. */
  readonly databasePrefix: string;
  readonly kafkaGroupPrefix: string;
  /**
   * Redis logical database for this stack. Every stack's BullMQ queues use the same key prefix, so on a shared
   * database another stack's worker could take (and, not finding the import in its own database, drop) a job.
   */
  readonly redisDatabase: number;
  /** The environment the stack inherits (PATH, HOME …): the spec's `process.env`. */
  readonly inheritedEnv: NodeJS.ProcessEnv;
}

export class RealStack {
  private output = '';
  private exited!: Promise<number | null>;
  private process!: ChildProcess;

  private constructor(private readonly options: StackOptions) {}

  get consoleUrl(): string {
    return `http://127.0.0.1:${this.options.basePort}`;
  }

  get intakeUrl(): string {
    return `http://127.0.0.1:${this.options.basePort + 1}`;
  }

  /** The last lines the stack printed, after the lines that say what went wrong, for failure messages. */
  tail(characters = 4000): string {
    const problems = this.output
      .split('\n')
      .filter((line) => /exited unexpectedly|not ready after|Error|failed/.test(line))
      .slice(-20);
    const head = problems.length > 0 ? `what went wrong:\n${problems.join('\n')}\n\nlast output:\n` : '';
    return `${head}${this.output.slice(-characters)}`;
  }

  static async start(options: StackOptions, readyTimeoutMs = 240_000): Promise<RealStack> {
    const stack = new RealStack(options);
    await stack.dropDatabases();
    await stack.flushRedis();
    const { basePort: p, sinkBasePort: s } = options;
    const env: Record<string, string> = {
      CONSOLE_PORT: String(p),
      INTAKE_PORT: String(p + 1),
      RISK_ASSESSMENT_PORT: String(p + 2),
      COMMUNICATION_PORT: String(p + 3),
      SCHEDULING_PORT: String(p + 4),
      MAIL_SMTP_PORT: String(s),
      MAIL_UI_PORT: String(s + 1),
      SMS_SINK_PORT: String(s + 2),
      DATABASE_PREFIX: options.databasePrefix,
      KAFKA_GROUP_PREFIX: options.kafkaGroupPrefix,
      KAFKA_SKIP_HISTORY: 'true',
      REDIS_URL: `redis://127.0.0.1:6379/${options.redisDatabase}`,
      LOG_LEVEL: 'warn',
    };
    stack.process = spawn(process.execPath, [`${root}/dist/tools/src/start.js`], {
      env: { ...options.inheritedEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stack.process.stdout?.on('data', (chunk: Buffer) => (stack.output += chunk.toString()));
    stack.process.stderr?.on('data', (chunk: Buffer) => (stack.output += chunk.toString()));
    stack.exited = new Promise((r) => stack.process.on('exit', (code) => r(code)));
    await stack.until('"Meldpunt ready"', () => stack.output.includes('Meldpunt ready'), readyTimeoutMs);
    return stack;
  }

  /** Logs in through the console's API in a browser context (its cookies then serve the context's pages too). */
  async logIn(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const response = await context.request.post(`${this.consoleUrl}/auth/login`, {
      data: { email, password },
    });
    if (response.status() !== 200)
      throw new Error(`login of ${email} answered ${response.status()}: ${await response.text()}`);
    const body = (await response.json()) as { csrfToken: string; user: ApiSession['user'] };
    return { request: context.request, csrf: body.csrfToken, user: body.user };
  }

  /** A call to the console's API with a session (CSRF token and origin on changes); status and JSON body. */
  async call<T>(
    session: ApiSession,
    method: 'GET' | 'POST',
    path: string,
    data?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await session.request.fetch(`${this.consoleUrl}${path}`, {
      method,
      headers: method === 'GET' ? {} : { 'x-csrf-token': session.csrf, origin: this.consoleUrl },
      ...(data === undefined ? {} : { data }),
    });
    const text = await response.text();
    return { status: response.status(), body: (text ? JSON.parse(text) : null) as T };
  }

  /** Polls until `probe` answers something (not null); fails with what it saw last and the stack's output. */
  async eventually<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown = null;
    for (;;) {
      try {
        const value = await probe();
        if (value !== null) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what} (${String(last)}):\n${this.tail(3000)}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Polls `probe` until it holds; fails with the stack's output when the stack exits or time runs out. */
  async until(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!probe()) {
      if (this.process.exitCode !== null)
        throw new Error(`npm start exited (${this.process.exitCode}) waiting for ${what}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** SIGTERM (the orchestrator stops every process), then the databases and the Redis database are dropped. */
  async stop(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      this.process.kill('SIGTERM');
      await this.exited;
    }
    await this.dropDatabases();
    await this.flushRedis();
  }

  private async dropDatabases(): Promise<void> {
    const admin = new Client({ connectionString: `${POSTGRES}/postgres` });
    await admin.connect();
    try {
      for (const app of STACK_APPS) {
        const name = `${this.options.databasePrefix}${app.replace(/-/g, '_')}`;
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
  }

  /** Empties this stack's Redis database (queues of an earlier run). */
  private async flushRedis(): Promise<void> {
    const redis = new Redis(`redis://127.0.0.1:6379/${this.options.redisDatabase}`, { lazyConnect: true });
    try {
      await redis.connect();
      await redis.flushdb();
    } finally {
      redis.disconnect();
    }
  }
}
