import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { listRoutes, type Principal } from '@meldpunt/auth';
import { TOPICS } from '@meldpunt/contracts';
import { createDataSource } from '@meldpunt/persistence';
import { awaitJob, bearerFor, type EventWatcher, TestHarness } from '@meldpunt/testing';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { Clb } from '../registry/clb.entity';
import { School } from '../registry/school.entity';
import { addDays, brusselsDate } from './calendar-date';
import { confirmationJobId, MeldingConfirmationQueue } from './melding-confirmation.queue';
import { SmtpSink } from '@meldpunt/testing';
import { TcpProxy } from './test-fixtures/tcp-proxy';
import { baseUrlOf, startMeldingenTestApp } from './test-fixtures/meldingen-test-app';
import { SendMeldingConfirmationUseCase } from './use-cases/send-melding-confirmation.use-case';
import { UpdateMeldingStatusUseCase } from './use-cases/update-melding-status.use-case';
import { signWebhook } from './webhook-signature';

/**
 * Meldingen through HTTP on real Postgres, Kafka and Redis: what goes in, what is kept, what comes out on
 * meldingen.melding.received.v1, and what is refused without leaving a trace.
 */

const CLB_A = randomUUID();
const CLB_B = randomUUID();
const SCHOOL_A1 = randomUUID();
const SCHOOL_A2 = randomUUID();
const SCHOOL_B1 = randomUUID();
const INSTELLINGSNUMMER_A1 = String(100_000 + Math.floor(Math.random() * 800_000));
const CLASS_A1 = randomUUID();
const LIVING_GROUP_B1 = randomUUID();
const STAFF_A1 = randomUUID();
const BOARDER = { id: randomUUID(), ref: randomUUID() };

/** Pupils of school A1 (class CLASS_A1) on the roster; each melding body takes the next one. */
const PUPILS = Array.from({ length: 200 }, () => ({ id: randomUUID(), ref: randomUUID() }));
let nextPupil = 0;
const refOf = (rosterId: string) =>
  [...PUPILS, BOARDER].find((pupil) => pupil.id === rosterId)?.ref ?? 'not-on-the-roster';

const schoolUser = (schoolId: string): Principal => ({
  userId: `school-user-${schoolId.slice(0, 8)}`,
  role: 'school',
  clbIds: [],
  schoolIds: [schoolId],
});
const clbStaff = (clbId: string): Principal => ({
  userId: `staff-${clbId.slice(0, 8)}`,
  role: 'clb-staff',
  clbIds: [clbId],
  schoolIds: [],
});
const ADMIN: Principal = { userId: 'admin-1', role: 'admin', clbIds: [], schoolIds: [] };
const auth = (principal: Principal) => ({ authorization: bearerFor(principal, 'intake') });

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

const today = brusselsDate(new Date());

function meldingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schoolId: SCHOOL_A1,
    subject: { kind: 'pupil', rosterId: PUPILS[nextPupil++ % PUPILS.length]?.id },
    disease: 'measles',
    onsetDate: addDays(today, -2),
    test: { date: addDays(today, -1), result: 'positive' },
    lastDayPresent: addDays(today, -1),
    groupIds: [CLASS_A1],
    activities: ['excursion'],
    contactPerson: { name: 'An Peeters', email: 'an.peeters@school.test', phone: '+32 9 123 45 67' },
    remarks: 'Klas 3B, uitstap naar Gent',
    ...overrides,
  };
}

/** The rosters feature's tables, filled as a roster import would (raw SQL: that feature owns the entities). */
async function seedRoster(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO school_year (label, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31')`,
  );
  await dataSource.query(
    `INSERT INTO roster_group (id, school_id, school_year, kind, name, level) VALUES
       ($1, $2, '2026-2027', 'class', '3B', 'lager'), ($3, $4, '2026-2027', 'living-group', 'Leefgroep Noord', 'lager')`,
    [CLASS_A1, SCHOOL_A1, LIVING_GROUP_B1, SCHOOL_B1],
  );
  const pupils = [
    ...PUPILS.map((pupil) => ({ ...pupil, living: null as string | null })),
    { ...BOARDER, living: LIVING_GROUP_B1 },
  ];
  await dataSource.query(
    `INSERT INTO pupil (id, ref, school_id, pupil_number, first_name, last_name, birth_date, class_group_id, living_group_id, search_text)
     SELECT id, ref, $1, 'L' || ord, 'Leerling', 'Nummer ' || ord, DATE '2018-05-01', $2, living, 'leerling nummer ' || ord
     FROM unnest($3::uuid[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS t(id, ref, living, ord)`,
    [
      SCHOOL_A1,
      CLASS_A1,
      pupils.map((pupil) => pupil.id),
      pupils.map((pupil) => pupil.ref),
      pupils.map((pupil) => pupil.living),
    ],
  );
  await dataSource.query(
    `INSERT INTO staff_member (id, ref, school_id, staff_number, first_name, last_name) VALUES ($1, $2, $3, 'P1', 'Els', 'Leraar')`,
    [STAFF_A1, randomUUID(), SCHOOL_A1],
  );
  await dataSource.query(`INSERT INTO staff_class (staff_id, group_id) VALUES ($1, $2)`, [
    STAFF_A1,
    CLASS_A1,
  ]);
}

describe('meldingen (HTTP, real Postgres, Kafka and Redis)', () => {
  let harness: TestHarness;
  let databaseUrl: string;
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let watcher: EventWatcher;
  let apiKey: string;
  let webhookSecret: string;

  async function call(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
    url = base,
  ): Promise<Answer> {
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { text };
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows = await dataSource.query<Array<{ n: number }>>(sql, params);
    return rows[0]?.n ?? -1;
  };
  const meldingCount = () => count('SELECT count(*)::int AS n FROM melding');
  const outboxCount = () => count('SELECT count(*)::int AS n FROM outbox');
  const eventsFor = (meldingId: string) =>
    watcher.matching(
      (message) => (message.json as { payload?: { meldingId?: string } }).payload?.meldingId === meldingId,
    );

  function signedHeaders(
    raw: string,
    options: { secret?: string; timestamp?: number; school?: string } = {},
  ) {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return {
      'x-meldpunt-school': options.school ?? INSTELLINGSNUMMER_A1,
      'x-meldpunt-timestamp': timestamp,
      'x-meldpunt-signature': `sha256=${signWebhook(options.secret ?? webhookSecret, timestamp, raw)}`,
    };
  }

  beforeAll(async () => {
    harness = await TestHarness.start();
    databaseUrl = await harness.createTestDatabase('intake_meldingen');
    const setup = createDataSource({
      url: databaseUrl,
      entities: ENTITIES,
      migrations: [],
      applicationName: 'meldingen-int-spec',
    });
    await setup.initialize();
    await setup.synchronize();
    await setup.getRepository(Clb).insert([
      { id: CLB_A, name: `CLB A ${harness.runId}` },
      { id: CLB_B, name: `CLB B ${harness.runId}` },
    ]);
    await setup.getRepository(School).insert([
      {
        id: SCHOOL_A1,
        clbId: CLB_A,
        instellingsnummer: INSTELLINGSNUMMER_A1,
        name: 'Basisschool De Regenboog',
        levels: ['lager'],
      },
      {
        id: SCHOOL_A2,
        clbId: CLB_A,
        instellingsnummer: String(Number(INSTELLINGSNUMMER_A1) + 1),
        name: 'Atheneum A2',
        levels: ['secundair'],
      },
      {
        id: SCHOOL_B1,
        clbId: CLB_B,
        instellingsnummer: String(Number(INSTELLINGSNUMMER_A1) + 2),
        name: 'Internaat B1',
        levels: ['buitengewoon'],
      },
    ]);
    await seedRoster(setup);
    await setup.destroy();

    smtp = await SmtpSink.start();
    const queuePrefix = `bull-${harness.runId}`;
    app = await startMeldingenTestApp({
      databaseUrl,
      redisUrl: harness.env.redisUrl,
      kafkaBrokers: harness.env.kafkaBrokers,
      smtpUrl: smtp.url,
      queuePrefix,
      kafkaGroupPrefix: `${harness.uniqueGroup('meldingen')}.`,
      relay: true,
    });
    harness.onCleanup(async () => {
      await app.get(MeldingConfirmationQueue).queue.obliterate({ force: true });
      await app.close();
      await smtp.close();
    });
    base = baseUrlOf(app);
    dataSource = app.get(DataSource);
    watcher = await harness.watch(TOPICS.MELDING_RECEIVED);

    const issued = await call('POST', `/v1/schools/${SCHOOL_A1}/credentials`, {
      body: {},
      headers: auth(ADMIN),
    });
    expect(issued.status).toBe(201);
    apiKey = String(issued.body['apiKey']);
    webhookSecret = String(issued.body['webhookSecret']);
  });

  afterAll(async () => {
    await harness?.cleanup();
  });

  describe('authentication', () => {
    it('refuses a melding without credentials, with both kinds, or with a bad one (401)', async () => {
      const before = await meldingCount();
      const attempts: Array<Record<string, string>> = [
        {},
        { ...auth(schoolUser(SCHOOL_A1)), 'x-api-key': apiKey },
        { authorization: 'Bearer not-a-token' },
        { 'x-api-key': 'mpk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      ];
      for (const headers of attempts) {
        const answer = await call('POST', '/v1/meldingen', { body: meldingBody(), headers });
        expect(answer.status).toBe(401);
        expect(answer.body['reason']).toEqual(expect.any(String));
      }
      expect((await call('GET', '/v1/meldingen')).status).toBe(401);
      expect(await meldingCount()).toBe(before);
    });

    it('closes every route of the feature to callers without credentials', async () => {
      const routes = listRoutes(app).filter((route) => route.path.startsWith('/v1/'));
      expect(routes.length).toBe(6);
      for (const route of routes) {
        const path = route.path.replace(/:[A-Za-z]+/g, randomUUID());
        const answer = await call(route.method, path, route.method === 'POST' ? { body: {} } : {});
        expect([route.method, route.path, answer.status]).toEqual([route.method, route.path, 401]);
      }
    });

    it('lets only school users and school software post (403 for CLB staff)', async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody(),
        headers: auth(clbStaff(CLB_A)),
      });
      expect(answer.status).toBe(403);
    });
  });

  describe('a melding that is accepted', () => {
    it('answers 202, keeps exactly one row, publishes exactly one pseudonymous event and mails the contact person once', async () => {
      const body = meldingBody();
      const answer = await call('POST', '/v1/meldingen', { body, headers: auth(schoolUser(SCHOOL_A1)) });
      expect(answer.status).toBe(202);
      const meldingId = String(answer.body['meldingId']);
      expect(answer.body['reference']).toMatch(/^M-\d{4}-\d{6}$/);
      expect(answer.body).toEqual({
        reference: answer.body['reference'],
        meldingId,
        status: 'received',
        statusUrl: `/v1/meldingen/${meldingId}`,
        merged: false,
      });
      expect(answer.headers.get('location')).toBe(`/v1/meldingen/${meldingId}`);
      expect(await count('SELECT count(*)::int AS n FROM melding WHERE id = $1', [meldingId])).toBe(1);

      const event = await watcher.waitFor(
        (message) => (message.json as { payload?: { meldingId?: string } }).payload?.meldingId === meldingId,
        { timeoutMs: 15_000, description: 'the melding.received event' },
      );
      expect(event.key).toBe(SCHOOL_A1);
      expect(event.json).toMatchObject({
        type: TOPICS.MELDING_RECEIVED,
        producer: 'intake',
        correlationId: meldingId,
        payload: {
          meldingId,
          reference: answer.body['reference'],
          schoolId: SCHOOL_A1,
          clbIds: [CLB_A],
          subject: { kind: 'pupil', ref: refOf((body['subject'] as { rosterId: string }).rosterId) },
          disease: 'measles',
          channel: 'form',
          groupIds: body['groupIds'],
        },
      });
      // Pseudonymous: no names, e-mail, phone or remarks on Kafka.
      for (const personal of ['An Peeters', 'an.peeters@school.test', '123 45 67', 'uitstap']) {
        expect(event.value).not.toContain(personal);
      }

      const queue = app.get(MeldingConfirmationQueue).queue;
      const job = await awaitJob(queue, confirmationJobId(meldingId), { timeoutMs: 15_000 });
      expect(job.returnvalue).toBe('sent');
      const mails = smtp.mails.filter((mail) => mail.data.includes(String(answer.body['reference'])));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual(['an.peeters@school.test']);
      expect(mails[0]?.data).toMatch(/Subject: Meldpunt: uw melding M-\d{4}-\d{6} is ontvangen/);
      expect(
        await count(
          'SELECT count(*)::int AS n FROM melding WHERE id = $1 AND confirmation_sent_at IS NOT NULL',
          [meldingId],
        ),
      ).toBe(1);

      // A redelivered or duplicate job sends nothing.
      await expect(app.get(SendMeldingConfirmationUseCase).execute(meldingId)).resolves.toBe('already-sent');
      await app.get(MeldingConfirmationQueue).enqueue(meldingId);
      expect(smtp.mails.filter((mail) => mail.data.includes(String(answer.body['reference'])))).toHaveLength(
        1,
      );

      const status = await call('GET', `/v1/meldingen/${meldingId}`, {
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({
        meldingId,
        reference: answer.body['reference'],
        status: 'received',
        disease: 'measles',
        onsetDate: body['onsetDate'],
        test: body['test'],
        lastDayPresent: body['lastDayPresent'],
        channel: 'form',
      });
      expect(Date.parse(String(status.body['createdAt']))).toBeLessThanOrEqual(Date.now());
    });

    it('accepts school software with an API key (channel api) and an unlisted person without symptoms', async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody({
          subject: {
            kind: 'unlisted',
            firstName: 'Jonas',
            lastName: 'De Smet',
            birthDate: null,
            role: 'staff',
          },
          onsetDate: null,
          disease: 'covid-19',
        }),
        headers: { 'x-api-key': apiKey },
      });
      expect(answer.status).toBe(202);
      const event = await watcher.waitFor(
        (message) =>
          (message.json as { payload?: { meldingId?: string } }).payload?.meldingId ===
          answer.body['meldingId'],
        { timeoutMs: 15_000 },
      );
      expect(event.json).toMatchObject({
        payload: { channel: 'api', onsetDate: null, subject: { kind: 'unlisted' } },
      });
      expect(event.value).not.toContain('Jonas');
    });

    it("routes a boarder's melding to the internaat's CLB too, which may then read it", async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody({
          subject: { kind: 'pupil', rosterId: BOARDER.id },
          groupIds: [CLASS_A1, LIVING_GROUP_B1],
        }),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(answer.status).toBe(202);
      const meldingId = String(answer.body['meldingId']);
      const event = await watcher.waitFor((message) => eventsFor(meldingId).includes(message), {
        timeoutMs: 15_000,
      });
      expect(event.json).toMatchObject({
        payload: {
          clbIds: [CLB_A, CLB_B],
          subject: { kind: 'pupil', ref: BOARDER.ref },
          groupIds: [CLASS_A1, LIVING_GROUP_B1],
        },
      });
      const asInternaatClb = await call('GET', `/v1/meldingen/${meldingId}`, {
        headers: auth(clbStaff(CLB_B)),
      });
      expect(asInternaatClb.status).toBe(200);
    });

    it("uses the person's own groups when the school names none", async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody({ subject: { kind: 'staff', rosterId: STAFF_A1 }, groupIds: [], disease: 'mumps' }),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(answer.status).toBe(202);
      const event = await watcher.waitFor(
        (message) => eventsFor(String(answer.body['meldingId'])).includes(message),
        { timeoutMs: 15_000 },
      );
      expect(event.json).toMatchObject({ payload: { subject: { kind: 'staff' }, groupIds: [CLASS_A1] } });
    });

    it("accepts 'other' with its name and no e-mail address (no confirmation then)", async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody({
          disease: 'other',
          diseaseOther: 'Hepatitis A',
          contactPerson: { name: 'Secretariaat', phone: '09 123 45 67' },
        }),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(answer.status).toBe(202);
      const meldingId = String(answer.body['meldingId']);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM melding WHERE id = $1 AND disease_other = 'Hepatitis A' AND contact_email IS NULL",
          [meldingId],
        ),
      ).toBe(1);
      expect(
        await app.get(MeldingConfirmationQueue).queue.getJob(confirmationJobId(meldingId)),
      ).toBeUndefined();
      await expect(app.get(SendMeldingConfirmationUseCase).execute(meldingId)).resolves.toBe('no-address');
    });
  });

  describe('a melding that is refused leaves no row and no event', () => {
    const refusals: Array<
      [string, { body?: unknown; raw?: string; headers?: Record<string, string> }, number]
    > = [
      ['garbage JSON', { raw: '{"schoolId": "x", ' }, 400],
      ['an unknown field', { body: meldingBody({ nickname: 'Jo' }) }, 400],
      [
        'wrong types',
        { body: meldingBody({ groupIds: 'klas-3b', onsetDate: 20261120, activities: [1] }) },
        400,
      ],
      ['a JSON array', { raw: '[1, 2, 3]' }, 400],
      ['deeply nested JSON', { raw: `{"subject": ${'['.repeat(5_000)}${']'.repeat(5_000)}}` }, 400],
      ['an impossible date', { body: meldingBody({ lastDayPresent: '2026-02-30' }) }, 400],
      ["'other' without its name", { body: meldingBody({ disease: 'other' }) }, 400],
      ['a disease name for a listed disease', { body: meldingBody({ diseaseOther: 'Bof' }) }, 400],
      [
        'names for a pupil on the roster',
        { body: meldingBody({ subject: { kind: 'pupil', rosterId: randomUUID(), firstName: 'Jo' } }) },
        400,
      ],
      ['remarks over 2000 characters', { body: meldingBody({ remarks: 'x'.repeat(2_001) }) }, 400],
      ['a huge body', { raw: JSON.stringify(meldingBody({ remarks: 'x'.repeat(1_100_000) })) }, 413],
      ['a body that is not JSON', { raw: 'schoolId=1', headers: { 'content-type': 'text/plain' } }, 415],
      ['an onset in the future', { body: meldingBody({ onsetDate: addDays(today, 1) }) }, 422],
      [
        'a pupil who is not on the roster',
        { body: meldingBody({ subject: { kind: 'pupil', rosterId: randomUUID() } }) },
        422,
      ],
      [
        'a pupil of the roster named as staff',
        { body: meldingBody({ subject: { kind: 'staff', rosterId: PUPILS[0]?.id } }) },
        422,
      ],
      ['a group of another school', { body: meldingBody({ groupIds: [CLASS_A1, randomUUID()] }) }, 422],
    ];

    it.each(refusals)('%s', async (_name, request, status) => {
      const meldingen = await meldingCount();
      const outbox = await outboxCount();
      const answer = await call('POST', '/v1/meldingen', {
        ...request,
        headers: { ...auth(schoolUser(SCHOOL_A1)), ...request.headers },
      });
      expect(answer.status).toBe(status);
      expect(await meldingCount()).toBe(meldingen);
      expect(await outboxCount()).toBe(outbox);
    });

    it('names each inconsistent date and says why (422)', async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody({
          onsetDate: addDays(today, -1),
          test: { date: addDays(today, 2), result: 'pending' },
          lastDayPresent: addDays(today, -40),
        }),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(answer.status).toBe(422);
      expect(answer.body['fields']).toEqual([
        { field: 'test.date', messages: ['De testdatum ligt in de toekomst.'] },
        { field: 'lastDayPresent', messages: [expect.stringContaining('incubatieperiode van mazelen')] },
      ]);
    });

    it('names malformed fields (400) in the platform format', async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody({
          subject: { kind: 'pupil' },
          contactPerson: { name: ' ', email: 'geen-mail', phone: 'x' },
          extra: 1,
        }),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(answer.status).toBe(400);
      const fields = (answer.body['fields'] as Array<{ field: string }>).map((field) => field.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'extra',
          'subject.rosterId',
          'contactPerson.name',
          'contactPerson.email',
          'contactPerson.phone',
        ]),
      );
    });

    it('never answers 5xx to garbage', async () => {
      const garbage = [
        'null',
        '"text"',
        '{}',
        '{"subject": null}',
        '{"subject": [1]}',
        '{"test": "x"}',
        '{"contactPerson": {"__proto__": {"x": 1}}}',
        '{"groupIds": [[[]]]}',
        '\u0000',
      ];
      for (const raw of garbage) {
        const answer = await call('POST', '/v1/meldingen', { raw, headers: auth(schoolUser(SCHOOL_A1)) });
        expect([raw, answer.status]).toEqual([raw, 400]);
      }
    });
  });

  describe('duplicates and retries', () => {
    it('merges the same person, disease and onset from another channel: one row, one event, the report kept', async () => {
      const body = meldingBody();
      const first = await call('POST', '/v1/meldingen', { body, headers: auth(schoolUser(SCHOOL_A1)) });
      expect(first.status).toBe(202);
      const meldingId = String(first.body['meldingId']);
      await watcher.waitFor((message) => eventsFor(meldingId).includes(message), { timeoutMs: 15_000 });

      const again = await call('POST', '/v1/meldingen', {
        body: { ...body, remarks: 'Tweede melding door het secretariaat', groupIds: [] },
        headers: { 'x-api-key': apiKey },
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ meldingId, reference: first.body['reference'], merged: true });
      expect(await count('SELECT count(*)::int AS n FROM melding WHERE id = $1', [meldingId])).toBe(1);
      expect(
        await count('SELECT count(*)::int AS n FROM melding_report WHERE melding_id = $1', [meldingId]),
      ).toBe(2);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'payload'->>'meldingId' = $1`, [
          meldingId,
        ]),
      ).toBe(1);

      // Events of one school keep their order: once a later melding's event is seen, a second one would be too.
      const sentinel = await call('POST', '/v1/meldingen', {
        body: meldingBody(),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      await watcher.waitFor((message) => eventsFor(String(sentinel.body['meldingId'])).includes(message), {
        timeoutMs: 15_000,
      });
      expect(eventsFor(meldingId)).toHaveLength(1);
    });

    it('keeps one melding when the same report arrives several times at once', async () => {
      const body = meldingBody();
      const answers = await Promise.all(
        [0, 1, 2, 3, 4].map((index) =>
          call('POST', '/v1/meldingen', {
            body,
            headers: index % 2 ? { 'x-api-key': apiKey } : auth(schoolUser(SCHOOL_A1)),
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 202]);
      const ids = new Set(answers.map((answer) => answer.body['meldingId']));
      expect(ids.size).toBe(1);
      const [meldingId] = [...ids];
      expect(
        await count('SELECT count(*)::int AS n FROM melding_report WHERE melding_id = $1', [meldingId]),
      ).toBe(5);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'payload'->>'meldingId' = $1`, [
          meldingId,
        ]),
      ).toBe(1);

      const key = randomUUID();
      const staffBody = { ...body, subject: { kind: 'staff', rosterId: STAFF_A1 } };
      const sameKey = await Promise.all(
        [0, 1, 2].map(() =>
          call('POST', '/v1/meldingen', {
            body: staffBody,
            headers: { 'x-api-key': apiKey, 'idempotency-key': key },
          }),
        ),
      );
      expect(sameKey.map((answer) => answer.status)).toEqual([202, 202, 202]);
      expect(new Set(sameKey.map((answer) => answer.body['meldingId'])).size).toBe(1);
      expect(
        await count('SELECT count(*)::int AS n FROM melding_report WHERE melding_id = $1', [
          sameKey[0]?.body['meldingId'],
        ]),
      ).toBe(1);
    });

    it('honours Idempotency-Key: same body → same answer, other body → 422, bad key → 400', async () => {
      const key = randomUUID();
      const body = meldingBody();
      const headers = { ...auth(schoolUser(SCHOOL_A1)), 'idempotency-key': key };
      const first = await call('POST', '/v1/meldingen', { body, headers });
      expect(first.status).toBe(202);
      const replay = await call('POST', '/v1/meldingen', { body: { ...body }, headers });
      expect(replay.status).toBe(202);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(
        await count('SELECT count(*)::int AS n FROM melding_report WHERE melding_id = $1', [
          first.body['meldingId'],
        ]),
      ).toBe(1);

      const other = await call('POST', '/v1/meldingen', { body: meldingBody(), headers });
      expect(other.status).toBe(422);
      expect(other.body['fields']).toEqual([{ field: 'Idempotency-Key', messages: [expect.any(String)] }]);

      const bad = await call('POST', '/v1/meldingen', {
        body,
        headers: { ...headers, 'idempotency-key': 'met spatie' },
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('signed webhook', () => {
    it('accepts a correctly signed call once, and refuses its replay', async () => {
      const raw = JSON.stringify(meldingBody());
      const headers = signedHeaders(raw);
      const accepted = await call('POST', '/v1/webhooks/meldingen', { raw, headers });
      expect(accepted.status).toBe(202);
      const stored = await call('GET', `/v1/meldingen/${String(accepted.body['meldingId'])}`, {
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(stored.body['channel']).toBe('webhook');

      const replayed = await call('POST', '/v1/webhooks/meldingen', { raw, headers });
      expect(replayed.status).toBe(401);
      expect(replayed.body['reason']).toBe('replayed');
    });

    it("accepts a body signed with the README's openssl recipe", async () => {
      const raw = JSON.stringify(meldingBody({ remarks: 'Één leerling, één klas' }));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = execFileSync(
        'bash',
        ['-c', `printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}'`],
        { env: { ...process.env, TS: timestamp, BODY: raw, SECRET: webhookSecret }, encoding: 'utf8' },
      ).trim();
      const answer = await call('POST', '/v1/webhooks/meldingen', {
        raw,
        headers: {
          'x-meldpunt-school': INSTELLINGSNUMMER_A1,
          'x-meldpunt-timestamp': timestamp,
          'x-meldpunt-signature': `sha256=${signature}`,
        },
      });
      expect(answer.status).toBe(202);
    });

    it('refuses bad, stale, unsigned and unknown-school calls with the reason, keeping nothing', async () => {
      const before = await meldingCount();
      const raw = JSON.stringify(meldingBody());
      const now = Math.floor(Date.now() / 1000);
      const cases: Array<[Record<string, string>, string]> = [
        [signedHeaders(raw, { secret: 'whsec_wrong' }), 'bad-signature'],
        [
          { ...signedHeaders(raw), 'x-meldpunt-signature': signedHeaders(`${raw} `)['x-meldpunt-signature'] },
          'bad-signature',
        ],
        [signedHeaders(raw, { timestamp: now - 301 }), 'stale-timestamp'],
        [signedHeaders(raw, { timestamp: now + 600 }), 'stale-timestamp'],
        [{ ...signedHeaders(raw), 'x-meldpunt-signature': 'deadbeef' }, 'bad-signature-format'],
        [
          { 'x-meldpunt-school': INSTELLINGSNUMMER_A1, 'x-meldpunt-timestamp': String(now) },
          'missing-signature',
        ],
        [signedHeaders(raw, { school: '999999' }), 'unknown-school'],
      ];
      for (const [headers, reason] of cases) {
        const answer = await call('POST', '/v1/webhooks/meldingen', { raw, headers });
        expect([reason, answer.status, answer.body['reason']]).toEqual([reason, 401, reason]);
      }
      expect(await meldingCount()).toBe(before);
    });

    it('validates a signed body like the API, and lets the same signed request be retried after a refusal', async () => {
      const raw = JSON.stringify(meldingBody({ unknownField: true }));
      const headers = signedHeaders(raw, { school: SCHOOL_A1 });
      expect((await call('POST', '/v1/webhooks/meldingen', { raw, headers })).status).toBe(400);
      const again = await call('POST', '/v1/webhooks/meldingen', { raw, headers });
      expect(again.status).toBe(400);
    });
  });

  describe('tenancy', () => {
    let meldingId: string;

    beforeAll(async () => {
      const answer = await call('POST', '/v1/meldingen', {
        body: meldingBody(),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      meldingId = String(answer.body['meldingId']);
    });

    it('lets a school user (or its software) post only for their own school', async () => {
      const before = await meldingCount();
      const asUser = await call('POST', '/v1/meldingen', {
        body: meldingBody({ schoolId: SCHOOL_A2 }),
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(asUser.status).toBe(403);
      const asSoftware = await call('POST', '/v1/meldingen', {
        body: meldingBody({ schoolId: SCHOOL_A2 }),
        headers: { 'x-api-key': apiKey },
      });
      expect(asSoftware.status).toBe(403);
      expect(await meldingCount()).toBe(before);
    });

    it('shows a melding to its school and the CLB that serves it, to no one else', async () => {
      const statusFor = async (headers: Record<string, string>) =>
        (await call('GET', `/v1/meldingen/${meldingId}`, { headers })).status;
      expect(await statusFor(auth(schoolUser(SCHOOL_A1)))).toBe(200);
      expect(await statusFor({ 'x-api-key': apiKey })).toBe(200);
      expect(await statusFor(auth(clbStaff(CLB_A)))).toBe(200);
      expect(await statusFor(auth(ADMIN))).toBe(200);
      expect(await statusFor(auth(schoolUser(SCHOOL_A2)))).toBe(404);
      expect(await statusFor(auth(clbStaff(CLB_B)))).toBe(404);
      expect((await call('GET', '/v1/meldingen/not-a-uuid', { headers: auth(ADMIN) })).status).toBe(400);
    });

    it('lists only what the caller may see, filtered by school and status', async () => {
      const ids = async (query: string, principal: Principal) => {
        const answer = await call('GET', `/v1/meldingen${query}`, { headers: auth(principal) });
        expect(answer.status).toBe(200);
        return (answer.body['items'] as Array<{ meldingId: string }>).map((item) => item.meldingId);
      };
      expect(await ids('', schoolUser(SCHOOL_A1))).toContain(meldingId);
      expect(await ids(`?schoolId=${SCHOOL_A1}&status=received&limit=100`, clbStaff(CLB_A))).toContain(
        meldingId,
      );
      expect(await ids('', schoolUser(SCHOOL_A2))).toEqual([]);
      // CLB B sees school A1's meldingen about its internaat's boarders only.
      expect(await ids(`?schoolId=${SCHOOL_A1}`, clbStaff(CLB_B))).not.toContain(meldingId);
      expect(await ids('?status=letters-sent', schoolUser(SCHOOL_A1))).toEqual([]);
      expect((await call('GET', '/v1/meldingen?status=closed', { headers: auth(ADMIN) })).status).toBe(400);
    });

    it('moves the status forward through UpdateMeldingStatusUseCase, never back', async () => {
      const update = app.get(UpdateMeldingStatusUseCase);
      await expect(update.execute({ meldingId, status: 'being-assessed' })).resolves.toBe('updated');
      await expect(update.execute({ meldingId, status: 'received' })).resolves.toBe('unchanged');
      const answer = await call('GET', `/v1/meldingen/${meldingId}`, {
        headers: auth(schoolUser(SCHOOL_A1)),
      });
      expect(answer.body['status']).toBe('being-assessed');
    });
  });

  describe('school credentials', () => {
    it('are managed by admins and the CLB of the school only, and listed without secrets', async () => {
      expect(
        (
          await call('POST', `/v1/schools/${SCHOOL_A1}/credentials`, {
            body: {},
            headers: auth(schoolUser(SCHOOL_A1)),
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call('POST', `/v1/schools/${SCHOOL_A1}/credentials`, {
            body: {},
            headers: auth(clbStaff(CLB_B)),
          })
        ).status,
      ).toBe(403);
      expect(
        (await call('GET', `/v1/schools/${randomUUID()}/credentials`, { headers: auth(ADMIN) })).status,
      ).toBe(404);
      const list = await call('GET', `/v1/schools/${SCHOOL_A1}/credentials`, {
        headers: auth(clbStaff(CLB_A)),
      });
      expect(list.status).toBe(200);
      const text = JSON.stringify(list.body);
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(webhookSecret);
      expect(list.body['items']).toEqual([
        expect.objectContaining({ state: 'active', createdBy: 'user:admin-1' }),
      ]);
    });

    it('rotate: the previous API key keeps working during the grace period, and not after an immediate rotation', async () => {
      const graceful = await call('POST', `/v1/schools/${SCHOOL_A1}/credentials`, {
        body: { gracePeriodMinutes: 5 },
        headers: auth(clbStaff(CLB_A)),
      });
      expect(graceful.status).toBe(201);
      expect(graceful.headers.get('cache-control')).toBe('no-store');
      const check = (key: string) => call('GET', '/v1/meldingen', { headers: { 'x-api-key': key } });
      expect((await check(apiKey)).status).toBe(200);
      expect((await check(String(graceful.body['apiKey']))).status).toBe(200);

      const immediate = await call('POST', `/v1/schools/${SCHOOL_A1}/credentials`, {
        body: {},
        headers: auth(ADMIN),
      });
      expect(immediate.status).toBe(201);
      expect((await check(apiKey)).status).toBe(401);
      expect((await check(String(graceful.body['apiKey']))).status).toBe(401);
      expect((await check(String(immediate.body['apiKey']))).status).toBe(200);
      apiKey = String(immediate.body['apiKey']);
      webhookSecret = String(immediate.body['webhookSecret']);
      const list = await call('GET', `/v1/schools/${SCHOOL_A1}/credentials`, { headers: auth(ADMIN) });
      expect((list.body['items'] as Array<{ state: string }>).map((item) => item.state)).toEqual([
        'active',
        'revoked',
        'revoked',
      ]);
      expect(
        (
          await call('POST', `/v1/schools/${SCHOOL_A1}/credentials`, {
            body: { gracePeriodMinutes: -1 },
            headers: auth(ADMIN),
          })
        ).status,
      ).toBe(400);
    });
  });

  describe('when what keeps a melding is down', () => {
    let outage: INestApplication;
    let proxy: TcpProxy;
    let outageBase: string;

    beforeAll(async () => {
      // The same database, reached through a proxy this test can cut; Kafka on a closed port.
      const viaProxy = new URL(databaseUrl);
      proxy = await TcpProxy.start(viaProxy.hostname, Number(viaProxy.port || 5432));
      viaProxy.port = String(proxy.port);
      outage = await startMeldingenTestApp({
        databaseUrl: viaProxy.toString(),
        redisUrl: harness.env.redisUrl,
        kafkaBrokers: ['127.0.0.1:1'],
        smtpUrl: smtp.url,
        queuePrefix: `bull-${harness.runId}-outage`,
        kafkaGroupPrefix: `${harness.uniqueGroup('outage')}.`,
        relay: false,
      });
      harness.onCleanup(async () => {
        await outage.get(MeldingConfirmationQueue).queue.obliterate({ force: true });
        await outage.close();
        await proxy.close();
      });
      outageBase = baseUrlOf(outage);
    });

    it('answers 503 with Retry-After when Kafka does not answer, keeping nothing', async () => {
      const before = await meldingCount();
      const answer = await call(
        'POST',
        '/v1/meldingen',
        { body: meldingBody(), headers: auth(schoolUser(SCHOOL_A1)) },
        outageBase,
      );
      expect(answer.status).toBe(503);
      expect(answer.body['reason']).toBe('kafka-unavailable');
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(await meldingCount()).toBe(before);
    });

    it('answers 503 with Retry-After when the database is gone (token and API key alike)', async () => {
      proxy.cut();
      const byToken = await call(
        'POST',
        '/v1/meldingen',
        { body: meldingBody(), headers: auth(schoolUser(SCHOOL_A1)) },
        outageBase,
      );
      expect(byToken.status).toBe(503);
      expect(byToken.body['reason']).toBe('database-unavailable');
      expect(byToken.headers.get('retry-after')).toEqual(expect.stringMatching(/^\d+$/));
      const byKey = await call(
        'POST',
        '/v1/meldingen',
        { body: meldingBody(), headers: { 'x-api-key': apiKey } },
        outageBase,
      );
      expect(byKey.status).toBe(503);
      expect(byKey.body['reason']).toBe('database-unavailable');
      const read = await call(
        'GET',
        `/v1/meldingen?schoolId=${SCHOOL_A1}`,
        { headers: auth(schoolUser(SCHOOL_A1)) },
        outageBase,
      );
      expect(read.status).toBe(503);
    });
  });
});
