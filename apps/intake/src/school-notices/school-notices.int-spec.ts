import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceAuthModule, type Principal } from '@meldpunt/auth';
import { CONTRACTS, TOPICS, type SchoolNoticeIssuedV1 } from '@meldpunt/contracts';
import { createEnvelope, type HandlerMap } from '@meldpunt/messaging';
import { configureHttp } from '@meldpunt/platform';
import { bearerFor, TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { Clb } from '../registry/clb.entity';
import { School } from '../registry/school.entity';
import { MIGRATIONS } from '../migrations';
import { baseUrlOf } from '../meldingen/test-fixtures/meldingen-test-app';
import { SchoolNoticesConsumer } from './school-notices.consumer';
import { SchoolNoticesModule } from './school-notices.module';

/**
 * The CLB's class notices as schools see them, on real Postgres: communication.school-notice.issued.v1 handled in
 * a transaction as the inbox runs it, then read over HTTP with console tokens: a school sees its own notices (the
 * latest version per case), a CLB those of its cases, nobody anything else; a replay stores nothing twice.
 */
const CLB_A = randomUUID();
const CLB_B = randomUUID();
const SCHOOL_A1 = randomUUID();
const SCHOOL_A2 = randomUUID();
const SCHOOL_B1 = randomUUID();
const CLASS_3B = randomUUID();

const school = (schoolId: string): Principal => ({
  userId: `school-${schoolId.slice(0, 8)}`,
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

const quarantine = {
  kind: 'quarantine' as const,
  from: '2026-11-20',
  until: '2026-11-27',
  returnToSchool: '2026-11-30',
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
};

function notice(overrides: Partial<SchoolNoticeIssuedV1> = {}): SchoolNoticeIssuedV1 {
  return {
    noticeId: randomUUID(),
    schoolId: SCHOOL_A1,
    clbId: CLB_A,
    caseId: randomUUID(),
    decisionVersion: 1,
    disease: 'measles',
    issuedAt: new Date().toISOString(),
    classes: [
      {
        kind: 'class',
        groupId: CLASS_3B,
        activity: null,
        lastContactDate: '2026-11-19',
        changed: true,
        groups: [{ risk: 'high', pupils: 22, staff: 1, measures: [quarantine] }],
      },
    ],
    ...overrides,
  };
}

describe('school notices (real Postgres)', () => {
  let harness: TestHarness;
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let handle: (payload: SchoolNoticeIssuedV1) => Promise<void>;

  const list = async (principal: Principal, query = '') => {
    const response = await fetch(`${baseUrlOf(app)}/v1/school-notices${query}`, {
      headers: { authorization: bearerFor(principal, 'intake') },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const items = async (principal: Principal) =>
    ((await list(principal)).body['items'] as Array<Record<string, unknown>>) ?? [];

  beforeAll(async () => {
    harness = await TestHarness.start();
    const databaseUrl = await harness.createTestDatabase('intake_notices');
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          migrationsRun: true,
          retryAttempts: 0,
        }),
        ServiceAuthModule.forService({ audience: 'intake', publicKey: TEST_AUTH_KEYS.publicKey }),
        SchoolNoticesModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
    configureHttp(app);
    await app.listen(0, '127.0.0.1');
    dataSource = app.get(DataSource);
    // The roster knows the class's name; the event carries its id only.
    await dataSource.getRepository(Clb).insert({ id: CLB_A, name: `CLB A ${harness.runId}` });
    await dataSource.getRepository(School).insert({
      id: SCHOOL_A1,
      clbId: CLB_A,
      instellingsnummer: String(100_000 + Math.floor(Math.random() * 800_000)),
      name: 'Basisschool De Regenboog',
      levels: ['lager'],
    });
    await dataSource.query(
      `INSERT INTO school_year (label, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31')`,
    );
    await dataSource.query(
      `INSERT INTO roster_group (id, school_id, school_year, kind, name, level) VALUES ($1, $2, '2026-2027', 'class', '3B', 'lager')`,
      [CLASS_3B, SCHOOL_A1],
    );
    const handlers: HandlerMap<typeof CONTRACTS> = app.get(SchoolNoticesConsumer).eventHandlers();
    const handler = handlers[TOPICS.SCHOOL_NOTICE_ISSUED];
    if (!handler) throw new Error('SchoolNoticesConsumer has no handler for the notice topic');
    handle = async (payload) => {
      const event = createEnvelope(CONTRACTS, TOPICS.SCHOOL_NOTICE_ISSUED, payload, {
        producer: 'communication',
        correlationId: randomUUID(),
      });
      await dataSource.transaction((manager) =>
        handler(event, {
          manager,
          attempt: 1,
          topic: TOPICS.SCHOOL_NOTICE_ISSUED,
          partition: 0,
          offset: '0',
        }),
      );
    };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await harness?.cleanup();
  });

  it('shows a school its own notices, the latest version per case, and a replay changes nothing', async () => {
    const caseId = randomUUID();
    const first = notice({ caseId });
    await handle(first);
    await handle(first); // redelivered
    const second = notice({
      caseId,
      decisionVersion: 2,
      issuedAt: new Date(Date.now() + 1_000).toISOString(),
      classes: [
        {
          kind: 'class',
          groupId: CLASS_3B,
          activity: null,
          lastContactDate: '2026-11-19',
          changed: true,
          groups: [{ risk: 'low', pupils: 22, staff: 1, measures: [] }],
        },
      ],
    });
    await handle(second);
    await handle(notice({ schoolId: SCHOOL_A2 }));
    await handle(notice({ schoolId: SCHOOL_B1, clbId: CLB_B }));

    const seen = await items(school(SCHOOL_A1));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ caseId, decisionVersion: 2, disease: 'measles', schoolId: SCHOOL_A1 });
    expect(seen[0]?.['classes']).toEqual(second.classes.map((item) => ({ ...item, name: '3B' })));
    const stored = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM school_notice WHERE case_id = $1`,
      [caseId],
    );
    expect(stored[0]?.count).toBe(2);

    expect((await items(school(SCHOOL_A2))).map((item) => item['schoolId'])).toEqual([SCHOOL_A2]);
    expect((await items(clbStaff(CLB_A))).map((item) => item['schoolId']).sort()).toEqual(
      [SCHOOL_A1, SCHOOL_A2].sort(),
    );
    expect((await items(clbStaff(CLB_B))).map((item) => item['schoolId'])).toEqual([SCHOOL_B1]);
  });

  it('answers a bad page with a Dutch field error, and nothing without a token', async () => {
    const bad = await list(school(SCHOOL_A1), '?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit moet een geheel getal van 1 tot 100 zijn.');
    const anonymous = await fetch(`${baseUrlOf(app)}/v1/school-notices`);
    expect(anonymous.status).toBe(401);
  });
});
