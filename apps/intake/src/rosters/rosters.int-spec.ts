import type { Principal } from '@meldpunt/auth';
import {
  unpackGuardianContact,
  TOPICS,
  type GroupMembershipChangedV1,
  type GuardianContactsChangedV1,
  type SchoolRegisteredV1,
} from '@meldpunt/contracts';
import { TestHarness, waitFor, type EventWatcher, type WatchedMessage } from '@meldpunt/testing';
import { Pupil } from './pupil.entity';
import { contactAad, openGuardianContact } from './sealing/contact-sealer';
import { startIntakeTestApp, type IntakeTestApp } from './test-fixtures/intake-test-app';

const ADMIN: Principal = { userId: 'admin-1', role: 'admin', clbIds: [], schoolIds: [] };

interface ImportStatus {
  status: string;
  total: number;
  processed: number;
  counts: { created: number; updated: number; unchanged: number; gone: number };
  errors: { line: number; field: string; reason: string }[];
  errorCount: number;
  ignoredColumns: string[];
}

interface PupilItem {
  id: string;
  ref: string;
  pupilNumber: string;
  name: string;
  class: { id: string; name: string };
  livingGroup: { id: string; name: string } | null;
  status: string;
}

const HEADER =
  'leerlingnummer;voornaam;familienaam;geboortedatum;klas;internaat;internaat_leefgroep;ouder1_naam;ouder1_taal;ouder1_email;ouder1_gsm;ouder1_kanaal;ouder2_naam;ouder2_taal;ouder2_email;ouder2_gsm;ouder2_kanaal;adres';

/** Personal data in the first roster: none of it may appear on Kafka in plaintext. */
const PII = [
  'élise.peeters@example.be',
  'elise.peeters@example.be',
  '+32470123456',
  '0470 12 34 56',
  '470123456',
  'Élise Peeters',
  'Peeters',
  'Jürgen',
  'Müller',
  'jurgen@example.de',
  '+32499765432',
  'Zoë',
  "D'Hondt",
  'Vandenbroucke',
  'Kerkstraat',
];

function firstRoster(internaat: string): string {
  return [
    `\uFEFF${HEADER}`,
    `1001;Zoë;D'Hondt;12/03/2015;3B;;;Élise Peeters;nl;Elise.Peeters@example.be;0470 12 34 56;email;Jürgen Müller;de;jurgen@example.de;0499/76.54.32;sms;Kerkstraat 1`,
    `1002;Lars;Vandenbroucke;2015-06-01;3B;${internaat};Leefgroep Noord;Ann Smet;fr;ann.smet@example.be;;;;;;;;`,
    `1003;Noor;El Amrani;01/09/2014;4A;;;Fatima El Amrani;ar;;+32 486 11 22 33;;;;;;;`,
  ].join('\r\n');
}

/** Roster imports end to end: HTTP → queue → job → one transaction → outbox → Kafka, on real infrastructure. */
describe('roster imports', () => {
  let harness: TestHarness;
  let intake: IntakeTestApp;
  let watcher: EventWatcher;
  let clbA = '';
  let clbB = '';
  let schoolA = '';
  let schoolC = '';
  let internaatB = '';
  let userA: Principal;
  let firstImportId = '';

  async function createSchool(
    clbId: string,
    instellingsnummer: string,
    name: string,
    isInternaat: boolean,
    levels: string[],
  ) {
    const response = await intake.call(ADMIN, 'POST', '/v1/schools', {
      clbId,
      instellingsnummer,
      name,
      address: { street: 'Schoolstraat 1', postalCode: '9000', city: 'Gent' },
      levels,
      isInternaat,
    });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  async function finished(importId: string, principal: Principal = userA): Promise<ImportStatus> {
    return waitFor(
      async () => {
        const response = await intake.call(principal, 'GET', `/v1/roster-imports/${importId}`);
        const body = response.body as ImportStatus;
        return ['applied', 'rejected', 'failed'].includes(body.status) ? body : undefined;
      },
      { timeoutMs: 20_000, description: `roster import ${importId} to finish` },
    );
  }

  async function pupils(query = ''): Promise<PupilItem[]> {
    const response = await intake.call(userA, 'GET', `/v1/schools/${schoolA}/pupils${query}`);
    expect(response.status).toBe(200);
    return (response.body as { items: PupilItem[] }).items;
  }

  const payloadOf = <T>(message: WatchedMessage) => (message.json as { payload: T }).payload;

  beforeAll(async () => {
    harness = await TestHarness.start();
    intake = await startIntakeTestApp(harness);
    clbA = (
      (await intake.call(ADMIN, 'POST', '/v1/clbs', { name: `CLB A ${harness.runId}` })).body as {
        id: string;
      }
    ).id;
    clbB = (
      (await intake.call(ADMIN, 'POST', '/v1/clbs', { name: `CLB B ${harness.runId}` })).body as {
        id: string;
      }
    ).id;
    const suffix = String(Math.floor(Math.random() * 9_000) + 1_000);
    schoolA = await createSchool(clbA, `71${suffix}`, 'Basisschool A', false, ['kleuter', 'lager']);
    schoolC = await createSchool(clbA, `72${suffix}`, 'Basisschool C', false, ['lager']);
    internaatB = await createSchool(clbB, `73${suffix}`, 'Internaat B', true, ['secundair']);
    userA = { userId: 'school-a', role: 'school', clbIds: [], schoolIds: [schoolA] };
    watcher = await harness.watch([
      TOPICS.GROUP_MEMBERSHIP_CHANGED,
      TOPICS.GUARDIAN_CONTACTS_CHANGED,
      TOPICS.SCHOOL_REGISTERED,
    ]);
  });

  afterAll(async () => {
    await intake?.close();
    await harness?.cleanup();
  });

  it('applies a valid CSV and publishes pseudonymous memberships and sealed contacts, with no plaintext PII on Kafka', async () => {
    const internaatNumber = (
      (await intake.call(ADMIN, 'GET', `/v1/schools/${internaatB}`)).body as { instellingsnummer: string }
    ).instellingsnummer;
    const accepted = await intake.call(
      userA,
      'POST',
      `/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2027`,
      firstRoster(internaatNumber),
    );
    expect(accepted.status).toBe(202);
    const { importId, statusUrl } = accepted.body as { importId: string; statusUrl: string };
    expect(statusUrl).toBe(`/v1/roster-imports/${importId}`);
    expect(accepted.headers.get('location')).toBe(statusUrl);
    firstImportId = importId;

    const status = await finished(importId);
    expect(status).toMatchObject({
      status: 'applied',
      total: 3,
      processed: 3,
      counts: { created: 3, updated: 0, unchanged: 0, gone: 0 },
      errors: [],
      errorCount: 0,
      ignoredColumns: ['adres'],
    });

    const list = await pupils();
    expect(
      list.map((pupil) => [pupil.pupilNumber, pupil.name, pupil.class.name, pupil.livingGroup?.name ?? null]),
    ).toEqual([
      ['1001', "Zoë D'Hondt", '3B', null],
      ['1003', 'Noor El Amrani', '4A', null],
      ['1002', 'Lars Vandenbroucke', '3B', 'Leefgroep Noord'],
    ]);
    expect((await pupils('?search=zoe')).map((pupil) => pupil.pupilNumber)).toEqual(['1001']);
    expect((await pupils('?search=100')).length).toBe(3);
    const classB = list[0]?.class.id ?? '';
    expect((await pupils(`?classId=${classB}`)).map((pupil) => pupil.pupilNumber).sort()).toEqual([
      '1001',
      '1002',
    ]);

    // Memberships: the two classes of A, and the living group of internaat B (keyed by B).
    const refs = Object.fromEntries(list.map((pupil) => [pupil.pupilNumber, pupil.ref]));
    const groups = await watcher.waitForCount(
      (message) =>
        message.topic === TOPICS.GROUP_MEMBERSHIP_CHANGED &&
        [schoolA, internaatB].includes(message.key ?? ''),
      3,
      { timeoutMs: 15_000 },
    );
    const byName = Object.fromEntries(
      groups.map((message) => [
        payloadOf<GroupMembershipChangedV1>(message).name,
        payloadOf<GroupMembershipChangedV1>(message),
      ]),
    );
    expect(byName['3B']).toMatchObject({
      schoolId: schoolA,
      kind: 'class',
      level: 'lager',
      schoolYear: '2026-2027',
      staffRefs: [],
    });
    expect(byName['3B']?.pupilRefs).toEqual([refs['1001'], refs['1002']].sort());
    expect(byName['4A']?.pupilRefs).toEqual([refs['1003']]);
    expect(byName['Leefgroep Noord']).toMatchObject({
      schoolId: internaatB,
      kind: 'living-group',
      level: 'secundair',
      pupilRefs: [refs['1002']],
    });

    // Contacts: one sealed blob per guardian, opened only with communication's key pair.
    const contactEvent = await watcher.waitFor(
      (message) => message.topic === TOPICS.GUARDIAN_CONTACTS_CHANGED && message.key === schoolA,
      { timeoutMs: 15_000 },
    );
    const contacts = payloadOf<GuardianContactsChangedV1>(contactEvent);
    expect(contacts).toMatchObject({
      schoolId: schoolA,
      keyId: 'test-seal-key',
      scheme: 'sealedbox-x25519+aes-256-gcm',
    });
    expect(contacts.contacts).toHaveLength(4);
    const opened = await Promise.all(
      contacts.contacts.map(async (contact) =>
        unpackGuardianContact(
          await openGuardianContact(
            intake.sealKeys,
            contacts.sealedKey,
            contact.sealed ?? '',
            contactAad(schoolA, contact.pupilRef, contact.guardianRef),
          ),
        ),
      ),
    );
    expect(opened).toContainEqual({
      name: 'Jürgen Müller',
      householdLabel: 'gezin 2',
      language: 'de',
      email: 'jurgen@example.de',
      mobile: '+32499765432',
      preferredChannel: 'sms',
      pupilFirstName: 'Zoë',
      pupilLastName: "D'Hondt",
    });
    expect(opened.map((contact) => contact.email)).toContain('elise.peeters@example.be');

    // The boarder links A and B: both are now served by both CLBs, and announced so.
    const announced = await watcher.waitForCount(
      (message) =>
        message.topic === TOPICS.SCHOOL_REGISTERED &&
        [schoolA, internaatB].includes(message.key ?? '') &&
        payloadOf<SchoolRegisteredV1>(message).servingClbIds?.length === 2,
      2,
      { timeoutMs: 15_000 },
    );
    expect(announced.map((message) => message.key).sort()).toEqual([schoolA, internaatB].sort());
    for (const message of announced)
      expect(new Set(payloadOf<SchoolRegisteredV1>(message).servingClbIds)).toEqual(new Set([clbA, clbB]));
    const doctorB: Principal = { userId: 'doc-b', role: 'doctor', clbIds: [clbB], schoolIds: [] };
    expect((await intake.call(doctorB, 'GET', `/v1/schools/${schoolA}/pupils`)).status).toBe(200);

    // Nothing personal in plaintext in anything this import put on Kafka.
    const ours = watcher.seen.filter((message) => [schoolA, internaatB].includes(message.key ?? ''));
    expect(ours.length).toBeGreaterThanOrEqual(6);
    for (const message of ours) {
      const raw = `${message.value ?? ''} ${JSON.stringify(message.headers)}`;
      for (const secret of PII)
        expect({ topic: message.topic, leaked: raw.includes(secret) ? secret : null }).toEqual({
          topic: message.topic,
          leaked: null,
        });
    }
  });

  it('applies NOTHING when one row is bad, and reports line, field and reason for each problem', async () => {
    const before = await intake.dataSource
      .getRepository(Pupil)
      .find({ where: { schoolId: schoolA }, order: { pupilNumber: 'ASC' } });
    const outboxBefore = await intake.dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM outbox',
    );
    const csv = [
      'leerlingnummer,voornaam,familienaam,geboortedatum,klas,ouder1_naam,ouder1_email,ouder1_gsm',
      '1001,Zoë,D’Hondt-Nieuw,12/03/2015,3C,Élise Peeters,elise.peeters@example.be,',
      '1004,Jan,Nieuw,31/02/2015,3C,Piet,piet@example.be,0470 12 34',
      '1005,Eva,Nieuw,2015-01-01,3C,Ann,ann@example.be,',
    ].join('\n');
    const accepted = await intake.call(
      userA,
      'POST',
      `/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2027`,
      csv,
    );
    expect(accepted.status).toBe(202);
    const status = await finished((accepted.body as { importId: string }).importId);
    expect(status).toMatchObject({
      status: 'rejected',
      total: 3,
      counts: { created: 0, updated: 0, gone: 0 },
      errorCount: 2,
    });
    expect(status.errors).toEqual([
      { line: 3, field: 'geboortedatum', reason: 'Ongeldige datum: gebruik dd/mm/jjjj of jjjj-mm-dd.' },
      {
        line: 3,
        field: 'ouder1_gsm',
        reason: 'Ongeldig gsm-nummer: gebruik bv. 0470 12 34 56 of +32 470 12 34 56.',
      },
    ]);
    const after = await intake.dataSource
      .getRepository(Pupil)
      .find({ where: { schoolId: schoolA }, order: { pupilNumber: 'ASC' } });
    expect(after).toEqual(before);
    expect(await intake.dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual(outboxBefore);
    expect(await intake.dataSource.query('SELECT count(*)::int AS n FROM roster_import_upload')).toEqual([
      { n: 0 },
    ]);
  });

  it('re-import upserts by pupil number: keeps refs, updates changes, marks missing pupils gone, replaces staff', async () => {
    const before = Object.fromEntries((await pupils()).map((pupil) => [pupil.pupilNumber, pupil]));
    const body = {
      schoolYear: '2026-2027',
      pupils: [
        {
          pupilNumber: 1001,
          firstName: 'Zoë',
          lastName: "D'Hondt",
          birthDate: '2015-03-12',
          className: '4A',
          guardians: [
            {
              name: 'Élise Peeters',
              language: 'nl',
              email: 'elise.peeters@example.be',
              mobile: '0470 12 34 56',
              preferredChannel: 'email',
            },
            {
              name: 'Jürgen Müller',
              language: 'de',
              email: 'jurgen@example.de',
              mobile: '0499/76.54.32',
              preferredChannel: 'sms',
            },
          ],
        },
        {
          pupilNumber: '1003',
          firstName: 'Noor',
          lastName: 'El Amrani',
          birthDate: '01/09/2014',
          className: '4A',
          groups: ['Koor'],
          guardians: [{ name: 'Fatima El Amrani', language: 'ar', mobile: '+32 486 11 22 33' }],
        },
        {
          pupilNumber: '1006',
          firstName: 'Mila',
          lastName: 'Janssens',
          birthDate: '2020-02-02',
          className: 'K2',
          guardians: [{ name: 'Tom Janssens', email: 'tom@example.be' }],
        },
      ],
      staff: [{ staffNumber: 'P1', firstName: 'Karel', lastName: 'Leraar', classes: ['4A', 'K2'] }],
    };
    const accepted = await intake.call(userA, 'POST', `/v1/schools/${schoolA}/roster-imports`, body, {
      'idempotency-key': `reimport-${harness.runId}`,
    });
    expect(accepted.status).toBe(202);
    const importId = (accepted.body as { importId: string }).importId;
    const repeated = await intake.call(userA, 'POST', `/v1/schools/${schoolA}/roster-imports`, body, {
      'idempotency-key': `reimport-${harness.runId}`,
    });
    expect((repeated.body as { importId: string }).importId).toBe(importId);

    const status = await finished(importId);
    expect(status).toMatchObject({
      status: 'applied',
      total: 3,
      counts: { created: 1, updated: 2, unchanged: 0, gone: 1 },
    });

    const all = Object.fromEntries((await pupils('?status=all')).map((pupil) => [pupil.pupilNumber, pupil]));
    expect(all['1001']).toMatchObject({
      ref: before['1001']?.ref,
      id: before['1001']?.id,
      status: 'active',
      class: { name: '4A' },
    });
    expect(all['1002']).toMatchObject({ ref: before['1002']?.ref, status: 'gone' });
    expect(all['1006']).toMatchObject({ status: 'active', class: { name: 'K2' } });
    expect((await pupils()).map((pupil) => pupil.pupilNumber).sort()).toEqual(['1001', '1003', '1006']);

    const groups = (await intake.call(userA, 'GET', `/v1/schools/${schoolA}/groups`)).body as {
      schoolYear: string;
      items: { kind: string; name: string; level: string; pupilCount: number; staffCount: number }[];
    };
    expect(groups.schoolYear).toBe('2026-2027');
    expect(
      groups.items.map((group) => [group.kind, group.name, group.level, group.pupilCount, group.staffCount]),
    ).toEqual([
      ['class', '3B', 'lager', 0, 0],
      ['class', '4A', 'lager', 2, 1],
      ['class', 'K2', 'kleuter', 1, 1],
      ['group', 'Koor', 'lager', 1, 0],
    ]);
    const staff = (await intake.call(userA, 'GET', `/v1/schools/${schoolA}/staff`)).body as {
      items: { staffNumber: string; classes: { name: string }[] }[];
    };
    expect(
      staff.items.map((member) => [member.staffNumber, member.classes.map((klas) => klas.name)]),
    ).toEqual([['P1', ['4A', 'K2']]]);

    // 3B lost both pupils (1001 moved, 1002 gone); the living group of B lost its boarder.
    const emptied = await watcher.waitFor(
      (message) =>
        message.topic === TOPICS.GROUP_MEMBERSHIP_CHANGED &&
        payloadOf<GroupMembershipChangedV1>(message).name === 'Leefgroep Noord' &&
        payloadOf<GroupMembershipChangedV1>(message).pupilRefs.length === 0,
      { timeoutMs: 15_000 },
    );
    expect(emptied.key).toBe(internaatB);
  });

  it('keeps tenants apart: other schools get 404, wrong roles 403, no token 401', async () => {
    const csv = firstRoster('');
    expect(
      (
        await intake.call(
          userA,
          'POST',
          `/v1/schools/${schoolC}/roster-imports/csv?schoolYear=2026-2027`,
          csv,
        )
      ).status,
    ).toBe(404);
    expect((await intake.call(userA, 'GET', `/v1/schools/${schoolC}/pupils`)).status).toBe(404);
    expect((await intake.call(userA, 'GET', `/v1/schools/${schoolC}/groups`)).status).toBe(404);
    expect((await intake.call(userA, 'GET', `/v1/schools/${schoolC}/staff`)).status).toBe(404);
    const userC: Principal = { userId: 'school-c', role: 'school', clbIds: [], schoolIds: [schoolC] };
    expect((await intake.call(userC, 'GET', `/v1/roster-imports/${firstImportId}`)).status).toBe(404);
    expect((await intake.call(userC, 'GET', `/v1/schools/${schoolA}/pupils`)).status).toBe(404);
    const doctor: Principal = { userId: 'doc', role: 'doctor', clbIds: [clbA], schoolIds: [] };
    expect(
      (
        await intake.call(
          doctor,
          'POST',
          `/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2027`,
          csv,
        )
      ).status,
    ).toBe(403);
    expect(
      (await intake.call(null, 'POST', `/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2027`, csv))
        .status,
    ).toBe(401);
    expect((await intake.call(null, 'GET', `/v1/roster-imports/${firstImportId}`)).status).toBe(401);
    const staffB: Principal = { userId: 'staff-b', role: 'clb-staff', clbIds: [clbB], schoolIds: [] };
    expect((await intake.call(staffB, 'GET', `/v1/schools/${schoolC}/pupils`)).status).toBe(404);
  });

  it('tells the CLB who the refs on its cases are, and nobody outside the school’s scope', async () => {
    const [pupil] = await pupils();
    expect(pupil).toBeDefined();
    const unknown = '3f1d2c4b-5a69-4e8f-9a0b-1c2d3e4f5a6b';
    const doctorA: Principal = { userId: 'doc-a', role: 'doctor', clbIds: [clbA], schoolIds: [] };
    const found = await intake.call(doctorA, 'POST', '/v1/people/lookup', { refs: [pupil?.ref, unknown] });
    expect(found.status).toBe(200);
    expect((found.body as { items: unknown[] }).items).toEqual([
      { ref: pupil?.ref, kind: 'pupil', name: pupil?.name, schoolId: schoolA, groupName: pupil?.class.name },
    ]);
    const doctorB: Principal = { userId: 'doc-b', role: 'doctor', clbIds: [clbB], schoolIds: [] };
    const hidden = await intake.call(doctorB, 'POST', '/v1/people/lookup', { refs: [pupil?.ref] });
    expect(hidden.status).toBe(200);
    expect((hidden.body as { items: unknown[] }).items).toEqual([]);
    const bad = await intake.call(doctorA, 'POST', '/v1/people/lookup', { refs: ['not-a-uuid'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('refs');
    expect((await intake.call(doctorA, 'POST', '/v1/people/lookup', { refs: [] })).status).toBe(400);
    expect((await intake.call(null, 'POST', '/v1/people/lookup', { refs: [unknown] })).status).toBe(401);
  });

  it('refuses what it can at once: bad school year (400), not CSV (415), non-UTF-8 (400)', async () => {
    const bad = await intake.call(
      userA,
      'POST',
      `/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2028`,
      'a;b\n1;2',
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ fields: [{ field: 'schoolYear' }] });
    const json = await intake.call(
      userA,
      'POST',
      `/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2027`,
      { pupils: [] },
    );
    expect(json.status).toBe(415);
    const latin1 = await fetch(
      `${intake.baseUrl}/v1/schools/${schoolA}/roster-imports/csv?schoolYear=2026-2027`,
      {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          authorization: (await import('@meldpunt/testing')).bearerFor(userA, 'intake'),
        },
        body: Buffer.from('leerlingnummer;voornaam\n1;Zo\xeb\n', 'latin1'),
      },
    );
    expect(latin1.status).toBe(400);
  });
});
