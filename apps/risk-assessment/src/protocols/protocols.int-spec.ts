import type { Principal } from '@meldpunt/auth';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TestHarness } from '@meldpunt/testing';
import { FixedClock } from '../calendar/clock';
import { EXAMPLE_PROTOCOLS } from './examples';
import { PROTOCOL_EVALUATOR, type ProtocolEvaluator, type ProposalInput } from './protocol-engine.types';
import { startProtocolsTestApp, type ProtocolsTestApp } from './test-fixtures/protocols-test-app';
import { SeedExampleProtocolsUseCase } from './use-cases/seed-example-protocols.use-case';

const CLB = '6f1c2a10-0000-4000-8000-000000000001';
const ADMIN: Principal = { userId: 'admin-7', role: 'admin', clbIds: [], schoolIds: [] };
const DOCTOR: Principal = { userId: 'doctor-3', role: 'doctor', clbIds: [CLB], schoolIds: [] };
const STAFF: Principal = { userId: 'staff-1', role: 'clb-staff', clbIds: [CLB], schoolIds: [] };
const SCHOOL: Principal = { userId: 'school-1', role: 'school', clbIds: [], schoolIds: [CLB] };

interface VersionBody {
  version: number;
  effectiveFrom: string;
  createdBy: string;
  definition: { version: number; example: boolean };
}
interface AuditBody {
  items: Array<{
    version: number;
    action: string;
    actor: string;
    reason: string;
    changes: Array<{ path: string; before?: unknown; after?: unknown }>;
  }>;
}

/** A measles body an admin could post: the example, validated by a doctor, with a 21-day exclusion. */
function measlesBody(): Record<string, unknown> {
  const {
    protocolId: _p,
    version: _v,
    effectiveFrom: _e,
    ...content
  } = structuredClone(EXAMPLE_PROTOCOLS.measles);
  const rules = content.rules.map((rule) =>
    rule.id === 'measles.unvaccinated'
      ? { ...rule, measures: rule.measures.map((m) => (m.kind === 'exclusion' ? { ...m, days: 21 } : m)) }
      : rule,
  );
  return { ...content, example: false, warning: null, rules };
}

const proposalInput: ProposalInput = {
  disease: 'measles',
  level: 'lager',
  contactType: 'classmate',
  lastContactDate: '2026-03-09',
  facts: { vaccinated: false, casesInGroup: 1 },
};

/** The protocols admin API and the evaluator on real Postgres, with console tokens. */
describe('protocols API', () => {
  const clock = new FixedClock('2026-03-10T10:00:00Z');
  let harness: TestHarness;
  let api: ProtocolsTestApp;

  const countRows = async (table: string, protocolId: string): Promise<number> => {
    const rows = await api.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM ${table} WHERE protocol_id = $1`,
      [protocolId],
    );
    return Number(rows[0]?.n);
  };

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    api = await startProtocolsTestApp(harness, clock);
  });

  afterAll(async () => {
    await api?.close();
    await harness?.cleanup();
  });

  it('seeds every example at start, once, and lists them flagged as examples for CLB roles', async () => {
    const list = await api.call(DOCTOR, 'GET', '/v1/protocols');
    expect(list.status).toBe(200);
    const items = (list.body as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((item) => item['protocolId'])).toEqual(Object.keys(EXAMPLE_PROTOCOLS));
    for (const item of items) {
      expect(item).toMatchObject({ currentVersion: 1, example: true, source: 'database', versionCount: 1 });
      expect(item['warning']).toMatch(/^VOORBEELD/);
    }
    expect(await api.app.get(SeedExampleProtocolsUseCase).execute()).toEqual([]);
    expect(await countRows('protocol_version', 'measles')).toBe(1);
    const audit = (await api.call(STAFF, 'GET', '/v1/protocols/measles/audit')).body as AuditBody;
    expect(audit.items).toMatchObject([{ version: 1, action: 'seeded', actor: 'system' }]);
  });

  it('refuses callers without a token (401), school users (403) and unknown diseases (404)', async () => {
    expect((await api.call(null, 'GET', '/v1/protocols')).status).toBe(401);
    expect((await api.call(SCHOOL, 'GET', '/v1/protocols')).status).toBe(403);
    const unknown = await api.call(DOCTOR, 'GET', '/v1/protocols/ebola');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: 'Dit protocol bestaat niet.' });
  });

  it('lets only an admin add a version (403 for a doctor, nothing written)', async () => {
    const response = await api.call(DOCTOR, 'POST', '/v1/protocols/measles/versions', {
      effectiveFrom: '2026-04-01',
      reason: 'Verlengd',
      definition: measlesBody(),
    });
    expect(response.status).toBe(403);
    expect(await countRows('protocol_version', 'measles')).toBe(1);
  });

  it('answers a malformed request with 400 and field errors, writing nothing', async () => {
    const response = await api.call(ADMIN, 'POST', '/v1/protocols/measles/versions', {
      effectiveFrom: '2026-02-30',
      definition: 'quarantaine',
    });
    expect(response.status).toBe(400);
    const fields = (response.body as { fields: Array<{ field: string }> }).fields.map((field) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['effectiveFrom', 'reason', 'definition']));
    expect(await countRows('protocol_version', 'measles')).toBe(1);
  });

  it('answers an invalid definition with 422 naming each field, writing nothing (no row, no audit)', async () => {
    const body = measlesBody();
    const rules = body['rules'] as Array<Record<string, unknown>>;
    rules[0] = { ...rules[0], risk: 'extreme', measures: [{ kind: 'exclusion', days: 0 }], typo: 1 };
    rules.pop();
    const response = await api.call(ADMIN, 'POST', '/v1/protocols/measles/versions', {
      effectiveFrom: '2026-04-01',
      reason: 'Test',
      definition: body,
    });
    expect(response.status).toBe(422);
    const fields = Object.fromEntries(
      (response.body as { fields: Array<{ field: string; messages: string[] }> }).fields.map((f) => [
        f.field,
        f.messages,
      ]),
    );
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining([
        'definition.rules[0].risk',
        'definition.rules[0].measures[0].days',
        'definition.rules[0].typo',
      ]),
    );
    expect(await countRows('protocol_version', 'measles')).toBe(1);
    expect(await countRows('protocol_audit', 'measles')).toBe(1);
  });

  it('refuses an effective date in the past (422 on effectiveFrom)', async () => {
    const response = await api.call(ADMIN, 'POST', '/v1/protocols/measles/versions', {
      effectiveFrom: '2026-03-09',
      reason: 'Te laat',
      definition: measlesBody(),
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      fields: [{ field: 'effectiveFrom', messages: [expect.stringContaining('vandaag is 2026-03-10')] }],
    });
  });

  it('adds version 2 with an audit of who, why and what changed; the evaluator uses it from its date', async () => {
    const evaluator = api.app.get<ProtocolEvaluator>(PROTOCOL_EVALUATOR);
    const before = await evaluator.propose(proposalInput, '2026-03-10');
    expect(before.measures.find((m) => m.kind === 'exclusion')?.until).toBe('2026-03-27');

    const created = await api.call(ADMIN, 'POST', '/v1/protocols/measles/versions', {
      effectiveFrom: '2026-03-16',
      reason: '  Gevalideerd door dr. X: wering 21 dagen.  ',
      definition: measlesBody(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      version: 2,
      effectiveFrom: '2026-03-16',
      createdBy: 'admin-7',
      definition: { version: 2, example: false },
    });

    const audit = (await api.call(DOCTOR, 'GET', '/v1/protocols/measles/audit')).body as AuditBody;
    expect(audit.items[0]).toMatchObject({
      version: 2,
      action: 'created',
      actor: 'admin-7',
      reason: 'Gevalideerd door dr. X: wering 21 dagen.',
    });
    expect(audit.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { path: 'rules[0].measures[0].days', before: 18, after: 21 },
        { path: 'example', before: true, after: false },
        { path: 'version', before: 1, after: 2 },
      ]),
    );

    // Still version 1 today (cached or not); version 2 from its effective date.
    expect((await evaluator.propose(proposalInput, '2026-03-15')).rule.protocolVersion).toBe(1);
    const after = await evaluator.propose(proposalInput, '2026-03-16');
    expect(after.rule.protocolVersion).toBe(2);
    expect(after.measures.find((m) => m.kind === 'exclusion')?.until).toBe('2026-03-30');

    const versions = await api.call(STAFF, 'GET', '/v1/protocols/measles');
    expect(versions.body).toMatchObject({ current: { version: 1, source: 'database' } });
    expect((versions.body as { versions: VersionBody[] }).versions.map((v) => v.version)).toEqual([1, 2]);

    clock.set('2026-03-16T06:00:00Z');
    const list = (await api.call(DOCTOR, 'GET', '/v1/protocols')).body as {
      items: Array<Record<string, unknown>>;
    };
    expect(list.items.find((item) => item['protocolId'] === 'measles')).toMatchObject({
      currentVersion: 2,
      example: false,
      latestVersion: 2,
    });
  });

  it('numbers concurrent versions without gaps or duplicates', async () => {
    const post = (reason: string) =>
      api.call(ADMIN, 'POST', '/v1/protocols/measles/versions', {
        effectiveFrom: '2026-09-01',
        reason,
        definition: measlesBody(),
      });
    const results = await Promise.all([post('Eerste'), post('Tweede'), post('Derde')]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => (r.body as VersionBody).version).sort()).toEqual([3, 4, 5]);
  });

  it('computes urgency with the version in force on the day the melding was received', async () => {
    const evaluator = api.app.get<ProtocolEvaluator>(PROTOCOL_EVALUATOR);
    const urgency = await evaluator.urgencyOf({
      disease: 'meningococcal',
      level: 'kleuter',
      onsetDate: null,
      lastDayPresent: '2026-03-27',
      receivedAt: '2026-03-28T20:00:00+01:00',
    });
    expect(urgency).toMatchObject({
      urgency: 'critical',
      deadline: '2026-03-29T21:00:00+02:00',
      alwaysPage: true,
    });
  });

  it('documents its routes in OpenAPI', () => {
    const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().build());
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/protocols',
      '/v1/protocols/{disease}',
      '/v1/protocols/{disease}/audit',
      '/v1/protocols/{disease}/versions',
    ]);
    expect(Object.keys(document.paths['/v1/protocols/{disease}/versions'] ?? {})).toEqual(['post']);
  });
});
