import type { Principal } from '@meldpunt/auth';
import { TOPICS } from '@meldpunt/contracts';
import { TestHarness, type EventWatcher } from '@meldpunt/testing';
import { startIntakeTestApp, type IntakeTestApp } from '../rosters/test-fixtures/intake-test-app';

const ADMIN: Principal = { userId: 'admin-1', role: 'admin', clbIds: [], schoolIds: [] };

interface SchoolBody {
  id: string;
  clbId: string;
  servingClbIds: string[];
  address: { postalCode: string } | null;
}

/** The registry's admin API and scoped reads, over HTTP with console tokens (real Postgres, Kafka, Redis). */
describe('registry API', () => {
  let harness: TestHarness;
  let intake: IntakeTestApp;
  let watcher: EventWatcher;
  let clbA = '';
  let clbB = '';
  const schoolBody = (clbId: string, instellingsnummer: string, name: string) => ({
    clbId,
    instellingsnummer,
    name,
    address: { street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent' },
    levels: ['lager'],
    isInternaat: false,
  });

  beforeAll(async () => {
    harness = await TestHarness.start();
    intake = await startIntakeTestApp(harness);
    watcher = await harness.watch([TOPICS.CLB_REGISTERED, TOPICS.SCHOOL_REGISTERED]);
  });

  afterAll(async () => {
    await intake?.close();
    await harness?.cleanup();
  });

  it('lets an admin register CLBs (201, announced) and refuses a taken name (409) and other roles (403)', async () => {
    const created = await intake.call(ADMIN, 'POST', '/v1/clbs', { name: `CLB Noord ${harness.runId}` });
    expect(created.status).toBe(201);
    clbA = (created.body as { id: string }).id;
    clbB = (
      (await intake.call(ADMIN, 'POST', '/v1/clbs', { name: `CLB Zuid ${harness.runId}` })).body as {
        id: string;
      }
    ).id;

    const again = await intake.call(ADMIN, 'POST', '/v1/clbs', { name: `CLB Noord ${harness.runId}` });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ fields: [{ field: 'name' }] });

    const staff: Principal = { userId: 'u', role: 'clb-staff', clbIds: [clbA], schoolIds: [] };
    expect((await intake.call(staff, 'POST', '/v1/clbs', { name: 'X' })).status).toBe(403);
    expect((await intake.call(null, 'GET', '/v1/clbs')).status).toBe(401);
    const mine = await intake.call(staff, 'GET', '/v1/clbs');
    expect(mine.body).toEqual({ items: [{ id: clbA, name: `CLB Noord ${harness.runId}` }] });

    const event = await watcher.waitFor(
      (message) => (message.json as { payload?: { clbId?: string } }).payload?.clbId === clbA,
    );
    expect(event.topic).toBe(TOPICS.CLB_REGISTERED);
  });

  it('registers schools with address and levels, refuses bad fields (400) and a taken instellingsnummer (409)', async () => {
    const created = await intake.call(
      ADMIN,
      'POST',
      '/v1/schools',
      schoolBody(clbA, '700001', 'Basisschool Noord'),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      instellingsnummer: '700001',
      address: { postalCode: '9000' },
      servingClbIds: [clbA],
    });

    const invalid = await intake.call(ADMIN, 'POST', '/v1/schools', {
      ...schoolBody(clbA, '70001', ''),
      address: { street: 'x', postalCode: '900', city: 'Gent' },
      levels: ['universiteit'],
    });
    expect(invalid.status).toBe(400);
    expect(
      (invalid.body as { fields: { field: string }[] }).fields.map((field) => field.field).sort(),
    ).toEqual(['address.postalCode', 'instellingsnummer', 'levels', 'name']);

    const taken = await intake.call(
      ADMIN,
      'POST',
      '/v1/schools',
      schoolBody(clbB, '700001', 'Andere school'),
    );
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      fields: [
        { field: 'instellingsnummer', messages: ['Er bestaat al een school met dit instellingsnummer.'] },
      ],
    });

    const unknownClb = await intake.call(
      ADMIN,
      'POST',
      '/v1/schools',
      schoolBody('5b3a0c1e-0000-4000-8000-000000000000', '700009', 'X'),
    );
    expect(unknownClb.status).toBe(400);
    expect(unknownClb.body).toMatchObject({ fields: [{ field: 'clbId' }] });

    const schoolId = (created.body as SchoolBody).id;
    await watcher.waitFor(
      (message) => message.key === schoolId && message.topic === TOPICS.SCHOOL_REGISTERED,
    );
  });

  it('scopes reads: school users their schools, CLB users their CLB’s (and agreed) schools, 404 outside', async () => {
    const north = (
      await intake.call(ADMIN, 'POST', '/v1/schools', schoolBody(clbA, '700002', 'School Noord 2'))
    ).body as SchoolBody;
    const south = (
      await intake.call(ADMIN, 'POST', '/v1/schools', {
        ...schoolBody(clbB, '700003', 'Internaat Zuid'),
        isInternaat: true,
        extraClbIds: [clbA],
      })
    ).body as SchoolBody;
    expect(south.servingClbIds).toEqual([clbB, clbA]);

    const schoolUser: Principal = { userId: 's', role: 'school', clbIds: [], schoolIds: [north.id] };
    const list = await intake.call(schoolUser, 'GET', '/v1/schools');
    expect((list.body as { items: SchoolBody[] }).items.map((school) => school.id)).toEqual([north.id]);
    expect((await intake.call(schoolUser, 'GET', `/v1/schools/${north.id}`)).status).toBe(200);
    expect((await intake.call(schoolUser, 'GET', `/v1/schools/${south.id}`)).status).toBe(404);
    expect((await intake.call(schoolUser, 'GET', '/v1/schools/not-a-uuid')).status).toBe(404);

    const southDoctor: Principal = { userId: 'd', role: 'doctor', clbIds: [clbB], schoolIds: [] };
    const southList = (await intake.call(southDoctor, 'GET', '/v1/schools')).body as { items: SchoolBody[] };
    expect(southList.items.map((school) => school.id)).toEqual([south.id]);
    const northStaff: Principal = { userId: 'n', role: 'clb-staff', clbIds: [clbA], schoolIds: [] };
    const northList = (await intake.call(northStaff, 'GET', '/v1/schools')).body as { items: SchoolBody[] };
    expect(northList.items.map((school) => school.id)).toEqual(expect.arrayContaining([north.id, south.id]));

    const updated = await intake.call(ADMIN, 'PUT', `/v1/schools/${north.id}`, {
      ...schoolBody(clbA, '700002', 'School Noord Twee'),
      isInternaat: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'School Noord Twee', isInternaat: true });
  });
});
