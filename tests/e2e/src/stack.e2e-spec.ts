import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser } from 'playwright-core';

/**
 * The whole local stack as `npm start` runs it (same orchestrator, other ports and databases so it can run
 * beside a developer's stack): every process becomes healthy, the seeded CLB travels intake → outbox → Kafka →
 * every service's directory, the console shows every service healthy in a real browser, the DLQ CLI answers,
 * and SIGTERM stops everything cleanly.
 */
const root = resolve(__dirname, '../../..');
const PORTS = { console: 3100, intake: 3101, 'risk-assessment': 3102, communication: 3103, scheduling: 3104 };
const SERVICES = ['intake', 'risk-assessment', 'communication', 'scheduling'] as const;
const PREFIX = 'meldpunt_e2e_';
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const env: Record<string, string> = {
  CONSOLE_PORT: String(PORTS.console),
  INTAKE_PORT: String(PORTS.intake),
  RISK_ASSESSMENT_PORT: String(PORTS['risk-assessment']),
  COMMUNICATION_PORT: String(PORTS.communication),
  SCHEDULING_PORT: String(PORTS.scheduling),
  MAIL_SMTP_PORT: '1125',
  MAIL_UI_PORT: '1180',
  SMS_SINK_PORT: '1190',
  DATABASE_PREFIX: PREFIX,
  KAFKA_GROUP_PREFIX: 'e2e.',
  KAFKA_SKIP_HISTORY: 'true',
  LOG_LEVEL: 'warn',
};

let stack: ChildProcess;
let output = '';
let exitCode: Promise<number | null>;

async function dropDatabases(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    for (const app of [...SERVICES, 'console']) {
      await admin.query(`DROP DATABASE IF EXISTS "${PREFIX}${app.replace(/-/g, '_')}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function query<T>(app: (typeof SERVICES)[number], sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({
    connectionString: `postgres://postgres@127.0.0.1:5432/${PREFIX}${app.replace(/-/g, '_')}`,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
      if (error instanceof Error && error.message.startsWith('npm start exited')) break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}\n--- stack output ---\n${output.slice(-4000)}`,
  );
}

beforeAll(async () => {
  await dropDatabases();
  stack = spawn(process.execPath, [`${root}/dist/tools/src/start.js`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exitCode = new Promise((r) => stack.on('exit', (code) => r(code)));
  await waitFor(
    '"Meldpunt ready"',
    async () => {
      if (stack.exitCode !== null) throw new Error(`npm start exited with code ${stack.exitCode}`);
      return output.includes('Meldpunt ready') ? true : undefined;
    },
    150_000,
  );
}, 180_000);

afterAll(async () => {
  if (stack.exitCode === null) {
    stack.kill('SIGKILL');
    await exitCode;
  }
  await dropDatabases();
});

describe('the local stack', () => {
  it('prints the URLs of the console, every /docs and the mail UI', () => {
    const ready = output.split('\n').find((line) => line.startsWith('Meldpunt ready')) ?? '';
    expect(ready).toContain(`http://127.0.0.1:${PORTS.console}`);
    for (const app of SERVICES) expect(ready).toContain(`http://127.0.0.1:${PORTS[app]}/docs`);
    expect(ready).toContain('http://127.0.0.1:1180');
  });

  it.each(SERVICES)('%s answers /health 200 with database, redis and kafka up', async (app) => {
    const response = await fetch(`http://127.0.0.1:${PORTS[app]}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; info: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.info).sort()).toEqual(['database', 'kafka', 'redis']);
  });

  it.each(SERVICES)('%s serves its OpenAPI document', async (app) => {
    const response = await fetch(`http://127.0.0.1:${PORTS[app]}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/health');
  });

  /** Routes anyone may call, by design; every other route of every service must refuse a caller without a token. */
  // (Signed provider webhooks are public too, but refuse an unsigned call with 401: they stay in the walk.)
  const PUBLIC_ROUTES = new Set([
    'GET /health',
    'POST /v1/webhooks/meldingen',
    // A parent's letter link: the unguessable token is the key (404 for any other).
    'GET /v1/public/letters/{token}',
  ]);

  it.each(SERVICES)(
    'every route of %s except the public ones refuses an unauthenticated call',
    async (app) => {
      const response = await fetch(`http://127.0.0.1:${PORTS[app]}/docs/openapi.json`);
      const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations)) {
          const route = `${method.toUpperCase()} ${path}`;
          if (PUBLIC_ROUTES.has(route)) continue;
          const url = `http://127.0.0.1:${PORTS[app]}${path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}`;
          const answer = await fetch(url, {
            method: method.toUpperCase(),
            headers: { 'content-type': 'application/json' },
            body: ['GET', 'HEAD'].includes(method.toUpperCase()) ? undefined : '{}',
          });
          expect({ route, status: answer.status }).toEqual({ route, status: 401 });
        }
      }
      expect(Object.keys(document.paths)).toContain('/health');
    },
  );

  it.each(['risk-assessment', 'communication', 'scheduling'] as const)(
    'the seeded demo CLB reaches the directory of %s through outbox and Kafka',
    async (app) => {
      // Topics outlive test runs, so a new consumer group also replays earlier runs' CLBs: look for this run's.
      const clbId = await query<{ id: string }>(
        'intake',
        "SELECT id FROM clb WHERE name = 'Vrij CLB Demo Gent'",
      ).then((rows) => rows[0]?.id);
      expect(clbId).toBeDefined();
      const rows = await waitFor(
        `the 3 demo schools in ${app}`,
        async () => {
          const found = await query<{ name: string }>(
            app,
            `SELECT s.name FROM directory_school s JOIN directory_clb c ON c.id = s.clb_id
             WHERE c.id = $1 ORDER BY s.instellingsnummer`,
            [clbId],
          );
          return found.length === 3 ? found : undefined;
        },
        30_000,
      );
      expect(rows.map((row) => row.name)).toEqual([
        'Basisschool De Regenboog',
        'Sint-Lievenscollege Demo',
        'Internaat Ter Schelde',
      ]);
      const inbox = await query<{ n: string }>(app, 'SELECT count(*) AS n FROM inbox');
      expect(Number(inbox[0]?.n)).toBeGreaterThanOrEqual(4);
    },
  );

  it('the console shows every service healthy in a real browser', async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      const page = await browser.newPage();
      // The status page is behind the login: sign in as the seeded demo admin.
      await page.goto(`http://127.0.0.1:${PORTS.console}/status`);
      await page.getByTestId('login-email').fill('admin@meldpunt.test');
      await page.getByTestId('login-password').fill('Meldpunt-demo-2026');
      await page.getByTestId('login-submit').click();
      for (const app of SERVICES) {
        await page
          .getByTestId(`service-row-${app}`)
          .getByText('Gezond', { exact: true })
          .waitFor({ timeout: 20_000 });
      }
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await page.getByText('Niet bereikbaar').count()).toBe(0);
    } finally {
      await browser?.close();
    }
  });

  it('npm run dlq -- list answers', async () => {
    const result = await new Promise<{ code: number | null; text: string }>((done) => {
      const child = spawn(process.execPath, [`${root}/dist/libs/messaging/src/cli/dlq.js`, 'list'], {
        env: { ...process.env, KAFKA_BROKERS: '127.0.0.1:9092' },
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (code) => done({ code, text }));
    });
    expect(result.code).toBe(0);
    expect(result.text).toContain('e2e.risk-assessment.dlq');
  });

  it('stops cleanly on SIGTERM and frees its ports', async () => {
    stack.kill('SIGTERM');
    const code = await Promise.race([
      exitCode,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 40_000).unref()),
    ]);
    expect(code).toBe(0);
    expect(output).toContain('[start] stopped.');
    await expect(fetch(`http://127.0.0.1:${PORTS.intake}/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${PORTS.console}/health`)).rejects.toThrow();
  }, 60_000);
});
