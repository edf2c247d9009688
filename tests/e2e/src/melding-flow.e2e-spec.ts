import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A school user on the real stack: logs in at the console, files a melding through the console's BFF (the
 * console signs a token for intake), gets a reference, finds it in the list, and the pseudonymous event leaves
 * through intake's outbox exactly once. The same melding again is merged. Unauthenticated calls are refused.
 */
const root = resolve(__dirname, '../../..');
const CONSOLE = 'http://127.0.0.1:3200';
const PREFIX = 'meldpunt_e2f_';
const APPS = ['intake', 'risk-assessment', 'communication', 'scheduling', 'console'];
const env: Record<string, string> = {
  CONSOLE_PORT: '3200',
  INTAKE_PORT: '3201',
  RISK_ASSESSMENT_PORT: '3202',
  COMMUNICATION_PORT: '3203',
  SCHEDULING_PORT: '3204',
  MAIL_SMTP_PORT: '1225',
  MAIL_UI_PORT: '1280',
  SMS_SINK_PORT: '1290',
  DATABASE_PREFIX: PREFIX,
  KAFKA_GROUP_PREFIX: 'e2f.',
  KAFKA_SKIP_HISTORY: 'true',
  LOG_LEVEL: 'warn',
};

let stack: ChildProcess;
/** The melding the first test files; the second follows it through the CLB. */
let filed: { reference: string; meldingId: string } | null = null;
let output = '';
let exited: Promise<number | null>;

async function dropDatabases(): Promise<void> {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    for (const app of APPS)
      await admin.query(`DROP DATABASE IF EXISTS "${PREFIX}${app.replace(/-/g, '_')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function until(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (stack.exitCode !== null)
      throw new Error(`npm start exited (${stack.exitCode}) waiting for ${what}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A logged-in console session (cookie + CSRF token), as the browser has it. */
async function login(email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${CONSOLE}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: CONSOLE },
    body: JSON.stringify({ email, password: 'Meldpunt-demo-2026' }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

beforeAll(async () => {
  await dropDatabases();
  stack = spawn(process.execPath, [`${root}/dist/tools/src/start.js`], { env: { ...process.env, ...env } });
  stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((r) => stack.on('exit', (code) => r(code)));
  await until('"Meldpunt ready"', () => output.includes('Meldpunt ready'), 150_000);
}, 180_000);

afterAll(async () => {
  if (stack.exitCode === null) {
    stack.kill('SIGTERM');
    await exited;
  }
  await dropDatabases();
}, 60_000);

describe('a school reports a melding through the console', () => {
  it('is accepted once, listed for the school, published once without names, and merged when repeated', async () => {
    const session = await login('school@meldpunt.test');
    const headers = {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/json',
      origin: CONSOLE,
    };
    const me = (await (await fetch(`${CONSOLE}/auth/me`, { headers })).json()) as {
      user: { schoolIds: string[] };
    };
    const schoolId = me.user.schoolIds[0];
    expect(schoolId).toBeDefined();

    const kafka = new Kafka({ brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2f-watch-${Date.now()}` });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'meldingen.melding.received.v1', fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? ''),
    });
    try {
      await new Promise((r) => setTimeout(r, 3_000)); // let the watcher join before acting
      const today = new Date().toISOString().slice(0, 10);
      const body = {
        schoolId,
        subject: { kind: 'unlisted', firstName: 'Lotte', lastName: 'Vanderstraeten', role: 'pupil' },
        disease: 'measles',
        onsetDate: today,
        test: null,
        lastDayPresent: today,
        activities: ['excursion'],
        contactPerson: { name: 'An Peeters', phone: '+32 9 123 45 67' },
      };
      const first = await fetch(`${CONSOLE}/api/intake/v1/meldingen`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      expect(first.status).toBe(202);
      const accepted = (await first.json()) as { reference: string; meldingId: string };
      expect(accepted.reference).toMatch(/^M-\d{4}-\d{6}$/);
      filed = accepted;

      const again = await fetch(`${CONSOLE}/api/intake/v1/meldingen`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { merged: boolean }).merged).toBe(true);

      const list = (await (
        await fetch(`${CONSOLE}/api/intake/v1/meldingen?schoolId=${schoolId}`, { headers })
      ).json()) as { items: { reference: string }[] };
      expect(list.items.map((item) => item.reference)).toContain(accepted.reference);

      await until(
        'the melding event',
        () => seen.some((value) => value.includes(accepted.meldingId)),
        20_000,
      );
      await new Promise((r) => setTimeout(r, 1_500)); // a second (wrong) event would arrive by now
      const events = seen.filter((value) => value.includes(accepted.meldingId));
      expect(events).toHaveLength(1);
      expect(events[0]).not.toMatch(/Lotte|Vanderstraeten|Peeters/);
    } finally {
      await consumer.disconnect();
    }
  }, 90_000);

  it('shows the school how far the CLB is: being assessed, then measures decided after the doctor approves', async () => {
    expect(filed).not.toBeNull();
    const melding = filed ?? { reference: '', meldingId: '' };
    const headersOf = (session: { cookie: string; csrf: string }) => ({
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/json',
      origin: CONSOLE,
    });
    const school = headersOf(await login('school@meldpunt.test'));
    const statusOf = async (): Promise<string> => {
      const response = await fetch(`${CONSOLE}/api/intake/v1/meldingen/${melding.meldingId}`, {
        headers: school,
      });
      return ((await response.json()) as { status: string }).status;
    };
    /** Polls the school's view of the melding until it shows `expected` (or 30 s pass); returns the last status. */
    const statusBecomes = async (expected: string): Promise<string> => {
      let status = await statusOf();
      for (const deadline = Date.now() + 30_000; status !== expected && Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 250));
        status = await statusOf();
      }
      return status;
    };
    // risk-assessment opened a case: risk.melding.progressed.v1 → intake.
    expect(await statusBecomes('being-assessed')).toBe('being-assessed');

    const doctor = headersOf(await login('arts@meldpunt.test'));
    const queue = (await (
      await fetch(`${CONSOLE}/api/risk-assessment/v1/cases?status=open`, { headers: doctor })
    ).json()) as { items: { id: string; reference: string }[] };
    const riskCase = queue.items.find((item) => item.reference === melding.reference);
    expect(riskCase).toBeDefined();
    const approved = await fetch(`${CONSOLE}/api/risk-assessment/v1/cases/${riskCase?.id ?? ''}/approve`, {
      method: 'POST',
      headers: doctor,
    });
    expect(approved.status).toBe(200);

    expect(await statusBecomes('measures-decided')).toBe('measures-decided');
  }, 90_000);

  it('refuses the console API without a session and intake without a token', async () => {
    expect((await fetch(`${CONSOLE}/api/intake/v1/meldingen`)).status).toBe(401);
    expect((await fetch('http://127.0.0.1:3201/v1/meldingen')).status).toBe(401);
  });
});
