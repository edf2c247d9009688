import { randomUUID } from 'node:crypto';
import type { Principal } from '@meldpunt/auth';
import { TOPICS, type EventEnvelope } from '@meldpunt/contracts';
import { EventProducer } from '@meldpunt/messaging';
import { SmtpSink, TestHarness, waitFor } from '@meldpunt/testing';
import {
  sealContactsEvent,
  testSealKeys,
  type TestSealKeys,
} from '../contacts/test-fixtures/contact-sealing';
import type { DeadLetterPageDto } from '../letters/dto/dead-letter.response.dto';
import { LETTER_PRIORITIES, LetterQueues } from '../letters/letter-queues';
import {
  startCommunicationTestApp,
  type CommunicationTestApp,
} from '../letters/test-fixtures/communication-test-app';
import { dropQueues, guardian, handled, PlainRenderer, publish } from '../letters/test-fixtures/test-events';
import { SmsSinkProcess } from '../letters/test-fixtures/sms-sink-process';
import { DEVELOPMENT_PROVIDER_WEBHOOK_SECRET } from '../providers/provider-webhooks.config';
import { signTimestampedWebhook } from '../providers/webhook-signature';
import type {
  AudiencesDto,
  CampaignDto,
  CampaignPageDto,
  CampaignPreviewDto,
} from './dto/campaign.response.dto';

/**
 * Campaigns on real Kafka, Postgres and Redis with the SMTP sink and the development SMS sink: the audience
 * directory from roster events, SMS STOP through the signed webhook, a preview with exact numbers, a campaign to
 * one class sending exactly one letter per guardian address (siblings merged, opted-out SMS → e-mail or nothing,
 * a refused address dead-lettered as a campaign letter) up to 100% progress, idempotent creation, cancel half-way
 * (nothing sent after), decision letters overtaking a queued campaign (priority), and field-level 400s.
 */
jest.setTimeout(180_000);

const id = (): string => randomUUID();

/** The headers a provider puts on a webhook: X-Meldpunt-Timestamp and the HMAC of `<timestamp>.<raw body>`. */
function signed(
  raw: string,
  secret = DEVELOPMENT_PROVIDER_WEBHOOK_SECRET,
  at = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(at / 1000));
  return {
    'x-meldpunt-timestamp': timestamp,
    'x-meldpunt-signature': signTimestampedWebhook(secret, timestamp, raw),
  };
}

describe('campaigns (real Kafka, Postgres, Redis, SMTP and SMS sinks)', () => {
  const CLB = id();
  const OTHER_CLB = id();
  const SCHOOL = id();
  const SCHOOL_B = id();
  const OTHER_SCHOOL = id();
  const CLASS_3A = id();
  const CLASS_1K = id();
  const CLASS_2C = id();
  const CLASS_5B = id();
  const CLASS_5C = id();
  const OLD_CLASS = id();
  const run = randomUUID().slice(0, 8);
  const digits = String(Date.now()).slice(-6);
  // Class 3A: Zoë and Lou are siblings (one address); Mila has two guardians (e-mail and SMS, in French); Noah's
  // only guardian sent STOP (SMS only); Emma's guardian sent STOP but has e-mail; Finn has no guardian on record;
  // Jules's address is refused by the mail server.
  const [ZOE, LOU, MILA, NOAH, EMMA, FINN, JULES, KIM] = [id(), id(), id(), id(), id(), id(), id(), id()];
  const [G_ZOE, G_LOU, G_MILA, G_MILA_2, G_NOAH, G_EMMA, G_JULES, G_KIM] = [
    id(),
    id(),
    id(),
    id(),
    id(),
    id(),
    id(),
    id(),
  ];
  const FAMILY = `peeters-${run}@example.be`;
  const MILA_MAIL = `mila-${run}@example.be`;
  const MILA_MOBILE = `+3247100${digits}`;
  const NOAH_MOBILE = `+3247200${digits}`;
  const EMMA_MOBILE = `+3247300${digits}`;
  const EMMA_MAIL = `emma-${run}@example.be`;
  const JULES_MAIL = `refused-${run}@example.be`;
  const KIM_MAIL = `kim-${run}@example.be`;
  // Class 2C: both guardians text STOP after the campaign was queued (checked again when sending).
  const [LATE_SMS_ONLY, LATE_WITH_MAIL] = [
    { pupil: id(), guardian: id(), mobile: `+3247400${digits}` },
    { pupil: id(), guardian: id(), mobile: `+3247500${digits}`, email: `late-${run}@example.be` },
  ];
  const BIG_5B = Array.from({ length: 30 }, () => ({ pupil: id(), guardian: id() }));
  const BIG_5C = Array.from({ length: 20 }, () => ({ pupil: id(), guardian: id() }));
  const URGENT = Array.from({ length: 2 }, () => ({ pupil: id(), guardian: id() }));
  const mail5b = (index: number) => `b${index}-${run}@example.be`;
  const mail5c = (index: number) => `c${index}-${run}@example.be`;
  const urgentMail = (index: number) => `urgent${index}-${run}@example.be`;

  let harness: TestHarness;
  let keys: TestSealKeys;
  let producer: EventProducer;
  let sms: SmsSinkProcess;
  let smtp: SmtpSink;
  let app: CommunicationTestApp;
  let classCampaign: CampaignDto;

  const staff = (clbId: string, role: Principal['role'] = 'clb-staff', userId?: string): Principal => ({
    userId: userId ?? `${role}-${clbId.slice(0, 6)}`,
    role,
    clbIds: [clbId],
    schoolIds: [],
  });
  const body = (schoolIds: string[], extra: Record<string, unknown> = {}) => ({
    clbId: CLB,
    disease: 'measles',
    audience: { schoolIds, ...extra },
  });
  const campaign = async (campaignId: string): Promise<CampaignDto> =>
    (await app.call(staff(CLB), 'GET', `/v1/campaigns/${campaignId}`)).body as CampaignDto;

  beforeAll(async () => {
    harness = await TestHarness.start();
    keys = await testSealKeys('campaign-key');
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    sms = await SmsSinkProcess.start();
    smtp = await SmtpSink.start({ refuse: (address) => address === JULES_MAIL });
    app = await startCommunicationTestApp(harness, {
      sealKeys: keys,
      smtpUrl: smtp.url,
      smsProviderUrl: sms.url,
      renderer: new PlainRenderer(),
      // One letter at a time, 10 a second: the order is observable and a cancel lands half-way.
      letters: {
        concurrency: 1,
        emailRatePerSecond: 10,
        smsRatePerSecond: 10,
        maxAttempts: 2,
        retryBaseMs: 20,
      },
    });
    harness.onCleanup(() => dropQueues(harness.env.redisUrl, app.queuePrefix));

    const events = [
      await publish(producer, TOPICS.CLB_REGISTERED, { clbId: CLB, name: 'CLB Campagne' }),
      await publish(producer, TOPICS.CLB_REGISTERED, { clbId: OTHER_CLB, name: 'CLB Elders' }),
      ...(await Promise.all(
        [
          [SCHOOL, CLB, 'Basisschool De Linde', ['kleuter', 'lager']] as const,
          [SCHOOL_B, CLB, 'Middenschool Ter Beke', ['lager']] as const,
          [OTHER_SCHOOL, OTHER_CLB, 'School Elders', ['secundair']] as const,
        ].map(([schoolId, clbId, name, levels], index) =>
          publish(producer, TOPICS.SCHOOL_REGISTERED, {
            schoolId,
            clbId,
            instellingsnummer: String(100_000 + index),
            name,
            levels: [...levels],
          }),
        ),
      )),
    ];
    const group = (
      groupId: string,
      schoolId: string,
      name: string,
      level: 'kleuter' | 'lager',
      pupilRefs: string[],
      schoolYear = '2026-2027',
    ) =>
      publish(producer, TOPICS.GROUP_MEMBERSHIP_CHANGED, {
        schoolId,
        groupId,
        schoolYear,
        kind: 'class',
        name,
        level,
        pupilRefs,
        staffRefs: [id()],
      });
    events.push(
      await group(CLASS_3A, SCHOOL, '3A', 'lager', [ZOE, LOU, MILA, NOAH, EMMA, FINN, JULES]),
      await group(CLASS_1K, SCHOOL, '1K', 'kleuter', [KIM]),
      await group(CLASS_2C, SCHOOL, '2C', 'lager', [LATE_SMS_ONLY.pupil, LATE_WITH_MAIL.pupil]),
      await group(OLD_CLASS, SCHOOL, '6Z', 'lager', [id(), id()], '2025-2026'),
      await group(
        CLASS_5B,
        SCHOOL_B,
        '5B',
        'lager',
        BIG_5B.map((entry) => entry.pupil),
      ),
      await group(
        CLASS_5C,
        SCHOOL_B,
        '5C',
        'lager',
        BIG_5C.map((entry) => entry.pupil),
      ),
      await publish(
        producer,
        TOPICS.GUARDIAN_CONTACTS_CHANGED,
        await sealContactsEvent(keys, SCHOOL, [
          { pupilRef: ZOE, guardianRef: G_ZOE, contact: guardian({ email: FAMILY, pupilFirstName: 'Zoe' }) },
          { pupilRef: LOU, guardianRef: G_LOU, contact: guardian({ email: FAMILY, pupilFirstName: 'Lou' }) },
          {
            pupilRef: MILA,
            guardianRef: G_MILA,
            contact: guardian({ email: MILA_MAIL, pupilFirstName: 'Mila' }),
          },
          {
            pupilRef: MILA,
            guardianRef: G_MILA_2,
            contact: guardian({
              mobile: MILA_MOBILE,
              preferredChannel: 'sms',
              language: 'fr',
              pupilFirstName: 'Mila',
            }),
          },
          {
            pupilRef: NOAH,
            guardianRef: G_NOAH,
            contact: guardian({ mobile: NOAH_MOBILE, preferredChannel: 'sms', pupilFirstName: 'Noah' }),
          },
          {
            pupilRef: EMMA,
            guardianRef: G_EMMA,
            contact: guardian({
              mobile: EMMA_MOBILE,
              email: EMMA_MAIL,
              preferredChannel: 'sms',
              pupilFirstName: 'Emma',
            }),
          },
          {
            pupilRef: JULES,
            guardianRef: G_JULES,
            contact: guardian({ email: JULES_MAIL, pupilFirstName: 'Jules' }),
          },
          {
            pupilRef: KIM,
            guardianRef: G_KIM,
            contact: guardian({ email: KIM_MAIL, pupilFirstName: 'Kim' }),
          },
          {
            pupilRef: LATE_SMS_ONLY.pupil,
            guardianRef: LATE_SMS_ONLY.guardian,
            contact: guardian({
              mobile: LATE_SMS_ONLY.mobile,
              preferredChannel: 'sms',
              pupilFirstName: 'Laat',
            }),
          },
          {
            pupilRef: LATE_WITH_MAIL.pupil,
            guardianRef: LATE_WITH_MAIL.guardian,
            contact: guardian({
              mobile: LATE_WITH_MAIL.mobile,
              email: LATE_WITH_MAIL.email,
              preferredChannel: 'sms',
              pupilFirstName: 'Later',
            }),
          },
          ...URGENT.map((entry, index) => ({
            pupilRef: entry.pupil,
            guardianRef: entry.guardian,
            contact: guardian({ email: urgentMail(index), pupilFirstName: `Dringend${index}` }),
          })),
        ]),
      ),
      await publish(
        producer,
        TOPICS.GUARDIAN_CONTACTS_CHANGED,
        await sealContactsEvent(keys, SCHOOL_B, [
          ...BIG_5B.map((entry, index) => ({
            pupilRef: entry.pupil,
            guardianRef: entry.guardian,
            contact: guardian({ email: mail5b(index), pupilFirstName: `B${index}` }),
          })),
          ...BIG_5C.map((entry, index) => ({
            pupilRef: entry.pupil,
            guardianRef: entry.guardian,
            contact: guardian({ email: mail5c(index), pupilFirstName: `C${index}` }),
          })),
        ]),
      ),
    );
    await handled(
      app,
      events.map((event) => event.eventId),
    );
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await sms?.stop();
    await producer?.disconnect();
    await harness?.cleanup();
  });

  it("lists the CLB's schools with their current classes only, for that CLB's staff only", async () => {
    const response = await app.call(staff(CLB), 'GET', `/v1/campaigns/audiences?clbId=${CLB}`);
    expect(response.status).toBe(200);
    const { schools } = response.body as AudiencesDto;
    expect(schools.map((school) => school.name)).toEqual(['Basisschool De Linde', 'Middenschool Ter Beke']);
    expect(schools[0]).toMatchObject({ id: SCHOOL, levels: ['kleuter', 'lager'] });
    expect(schools[0]?.groups.map((group) => [group.name, group.level, group.pupils])).toEqual([
      ['1K', 'kleuter', 1],
      ['2C', 'lager', 2],
      ['3A', 'lager', 7],
    ]);
    expect(schools[1]?.groups.map((group) => [group.id, group.pupils])).toEqual([
      [CLASS_5B, 30],
      [CLASS_5C, 20],
    ]);
    expect((await app.call(staff(CLB), 'GET', '/v1/campaigns/audiences')).body).toEqual(response.body);
    expect((await app.call(staff(OTHER_CLB), 'GET', `/v1/campaigns/audiences?clbId=${CLB}`)).status).toBe(
      403,
    );
    expect(
      (
        await app.call(
          { userId: 'school', role: 'school', clbIds: [], schoolIds: [SCHOOL] },
          'GET',
          '/v1/campaigns/audiences',
        )
      ).status,
    ).toBe(403);
    expect((await app.call(staff(CLB), 'GET', '/v1/campaigns/audiences?clbId=nope')).status).toBe(400);
  });

  describe('SMS STOP webhook', () => {
    const inbound = (payload: unknown, secret = DEVELOPMENT_PROVIDER_WEBHOOK_SECRET, at = Date.now()) =>
      app.call(
        null,
        'POST',
        '/v1/providers/sms/inbound',
        JSON.stringify(payload),
        signed(JSON.stringify(payload), secret, at),
      );

    it('refuses unsigned, wrongly signed and malformed requests', async () => {
      const stop = { from: NOAH_MOBILE, body: 'STOP', receivedAt: new Date().toISOString() };
      expect((await app.call(null, 'POST', '/v1/providers/sms/inbound', stop)).status).toBe(401);
      expect((await inbound(stop, 'not-the-secret-at-all')).status).toBe(401);
      // A request signed ten minutes ago is a replay.
      expect((await inbound(stop, DEVELOPMENT_PROVIDER_WEBHOOK_SECRET, Date.now() - 600_000)).status).toBe(
        401,
      );
      const bad = await inbound({ from: '0470', body: 42, receivedAt: 'gisteren' });
      expect(bad.status).toBe(400);
      expect((bad.body as { fields: { field: string }[] }).fields.map((field) => field.field).sort()).toEqual(
        ['body', 'from', 'receivedAt'],
      );
      expect((await app.dataSource.query<unknown[]>('SELECT 1 FROM sms_opt_out')).length).toBe(0);
    });

    it('opts numbers out on STOP (stored as keyed hashes only), back in on START; a late older SMS changes nothing', async () => {
      const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
      expect((await inbound({ from: NOAH_MOBILE, body: ' stop ', receivedAt: at(5) })).body).toEqual({
        action: 'opted-out',
      });
      expect((await inbound({ from: EMMA_MOBILE, body: 'START', receivedAt: at(9) })).body).toEqual({
        action: 'opted-in',
      });
      expect((await inbound({ from: EMMA_MOBILE, body: 'Stop alles', receivedAt: at(4) })).body).toEqual({
        action: 'opted-out',
      });
      // Delivered late: older than the STOP, so it does not opt Emma's number back in.
      expect((await inbound({ from: EMMA_MOBILE, body: 'START', receivedAt: at(8) })).status).toBe(200);
      expect((await inbound({ from: MILA_MOBILE, body: 'Dank u!', receivedAt: at(1) })).body).toEqual({
        action: 'ignored',
      });
      const rows = await app.dataSource.query<{ number_hash: string; opted_out: boolean }[]>(
        'SELECT number_hash, opted_out FROM sms_opt_out',
      );
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.opted_out && /^[0-9a-f]{64}$/.test(row.number_hash))).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(digits);
    });
  });

  it('previews one class: pupils, letters per language and channel, opted out, unreachable', async () => {
    const response = await app.call(
      staff(CLB),
      'POST',
      '/v1/campaigns/preview',
      body([SCHOOL], { groupIds: [CLASS_3A] }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      pupils: 7,
      // family (Zoë + Lou), Mila by e-mail and by SMS, Emma by e-mail (STOP), Jules.
      recipients: 5,
      byLanguage: [
        { language: 'nl', email: 4, sms: 0 },
        { language: 'fr', email: 0, sms: 1 },
      ],
      optedOut: 1,
      unreachable: 1,
    } satisfies CampaignPreviewDto);
    const kleuter = await app.call(
      staff(CLB),
      'POST',
      '/v1/campaigns/preview',
      body([SCHOOL], { levels: ['kleuter'] }),
    );
    expect(kleuter.body).toMatchObject({ pupils: 1, recipients: 1 });
    const school = await app.call(staff(CLB), 'POST', '/v1/campaigns/preview', body([SCHOOL]));
    expect(school.body).toMatchObject({ pupils: 10, recipients: 8 });
  });

  it('answers malformed or foreign requests with Dutch field errors, 403 or 404, never 5xx', async () => {
    const fields = async (payload: unknown, path = '/v1/campaigns/preview') => {
      const response = await app.call(staff(CLB), 'POST', path, payload);
      expect(response.status).toBe(400);
      const fieldErrors = (response.body as { fields: { field: string; messages: string[] }[] }).fields;
      return Object.fromEntries(fieldErrors.map((field) => [field.field, field.messages.join(' ')]));
    };
    const expectFields = (actual: Record<string, string>, expected: Record<string, RegExp>) => {
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const [field, pattern] of Object.entries(expected)) expect(actual[field]).toMatch(pattern);
    };
    expectFields(
      await fields({ clbId: 'x', disease: 'griep', audience: { schoolIds: [], levels: ['hoger'] } }),
      {
        clbId: /geldige id/,
        disease: /moet een van deze ziektes/,
        'audience.schoolIds': /minstens één school/,
        'audience.levels': /kleuter, lager, secundair, buitengewoon/,
      },
    );
    expectFields(await fields({ clbId: CLB, disease: 'measles' }), {
      audience: /doelgroep/,
    });
    expectFields(await fields({ ...body([SCHOOL]), title: '   ' }, '/v1/campaigns'), {
      title: /titel/,
    });
    expectFields(await fields({ ...body([SCHOOL]), audience: { schoolIds: [SCHOOL], groupIds: ['3A'] } }), {
      'audience.groupIds': /UUID/,
    });
    expectFields(await fields(body([OTHER_SCHOOL])), {
      'audience.schoolIds': /niet \(meer\) bij dit CLB/,
    });
    expectFields(await fields(body([SCHOOL], { groupIds: [CLASS_5B] })), {
      'audience.groupIds': /gekozen scholen/,
    });
    expect(await fields({ ...body([SCHOOL]), title: 'x', extra: 1 }, '/v1/campaigns')).toHaveProperty(
      'extra',
    );
    expect((await app.call(staff(OTHER_CLB), 'POST', '/v1/campaigns/preview', body([SCHOOL]))).status).toBe(
      403,
    );
    expect((await app.call(staff(CLB), 'GET', '/v1/campaigns/nope')).status).toBe(404);
    expect((await app.call(staff(CLB), 'POST', `/v1/campaigns/${id()}/cancel`)).status).toBe(404);
    expect((await app.call(staff(CLB), 'GET', '/v1/campaigns?limit=0')).status).toBe(400);
    const badKey = await app.call(
      staff(CLB),
      'POST',
      '/v1/campaigns',
      { ...body([SCHOOL]), title: 'x' },
      {
        'idempotency-key': 'met spaties',
      },
    );
    expect(badKey.status).toBe(400);
    expect(JSON.stringify(badKey.body)).toMatch(/Idempotency-Key/);
    expect(await app.dataSource.query<unknown[]>('SELECT 1 FROM campaign')).toHaveLength(0);
  });

  it('sends a campaign to one class: one letter per guardian address, opt-outs respected, progress to 100%', async () => {
    const request = { ...body([SCHOOL], { groupIds: [CLASS_3A] }), title: 'Mazelen in de school' };
    const key = { 'idempotency-key': `camp-${run}` };
    const created = await app.call(staff(CLB), 'POST', '/v1/campaigns', request, key);
    expect(created.status).toBe(201);
    classCampaign = created.body as CampaignDto;
    expect(classCampaign).toMatchObject({
      title: 'Mazelen in de school',
      disease: 'measles',
      clbId: CLB,
      audience: { schoolIds: [SCHOOL], groupIds: [CLASS_3A], levels: [] },
      status: 'sending',
      total: 5,
      pupils: 7,
      optedOut: 1,
      unreachable: 1,
      createdBy: `clb-staff-${CLB.slice(0, 6)}`,
    });
    // A resend (network error, double click) returns the same campaign and sends nothing twice.
    const again = await app.call(staff(CLB), 'POST', '/v1/campaigns', request, key);
    expect(again.status).toBe(201);
    expect((again.body as CampaignDto).id).toBe(classCampaign.id);
    // So does the client-generated id.
    const clientId = id();
    const first = await app.call(staff(CLB), 'POST', '/v1/campaigns', {
      ...body([SCHOOL], { levels: ['kleuter'] }),
      title: 'Kleuters',
      id: clientId,
    });
    const second = await app.call(staff(CLB), 'POST', '/v1/campaigns', {
      ...body([SCHOOL], { levels: ['kleuter'] }),
      title: 'Kleuters',
      id: clientId,
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((second.body as CampaignDto).id).toBe(clientId);
    const stolen = await app.call(staff(CLB, 'doctor', 'someone-else'), 'POST', '/v1/campaigns', {
      ...body([SCHOOL]),
      title: 'x',
      id: clientId,
    });
    expect(stolen.status).toBe(409);

    const done = await waitFor(
      async () => {
        const view = await campaign(classCampaign.id);
        return view.status === 'completed' ? view : null;
      },
      { timeoutMs: 30_000, description: 'the class campaign completed' },
    );
    expect(done).toMatchObject({ total: 5, sent: 4, failed: 1, cancelled: 0, pending: 0 });
    expect(done.completedAt).not.toBeNull();
    const kleuters = await waitFor(
      async () => {
        const view = await campaign(clientId);
        return view.status === 'completed' ? view : null;
      },
      { timeoutMs: 30_000, description: 'the kleuter campaign completed' },
    );
    expect(kleuters).toMatchObject({ total: 1, sent: 1, pending: 0 });

    expect(smtp.to(FAMILY)).toHaveLength(1);
    expect(smtp.to(FAMILY)[0]?.data).toMatch(/Zoe, Lou|Lou, Zoe/);
    expect(smtp.to(FAMILY)[0]?.data).toMatch(/information measles Basisschool De Linde/);
    expect(smtp.to(MILA_MAIL)).toHaveLength(1);
    expect(smtp.to(EMMA_MAIL)).toHaveLength(1);
    expect(smtp.to(KIM_MAIL)).toHaveLength(1);
    expect(smtp.to(JULES_MAIL)).toHaveLength(0);
    const texts = await sms.messages();
    expect(texts.filter((text) => text.to === MILA_MOBILE)).toHaveLength(1);
    expect(texts.filter((text) => text.to === NOAH_MOBILE || text.to === EMMA_MOBILE)).toHaveLength(0);
    // Campaign letters are not a case's: no delivery updates on Kafka (other suites' decisions share the topics).
    const updates = await app.dataSource.query<{ envelope: EventEnvelope<string, { contactRef: string }> }[]>(
      'SELECT envelope FROM outbox WHERE topic = $1',
      [TOPICS.DELIVERY_UPDATED],
    );
    const classPupils = new Set([ZOE, LOU, MILA, NOAH, EMMA, FINN, JULES, KIM]);
    expect(updates.filter((row) => classPupils.has(row.envelope.payload.contactRef))).toHaveLength(0);

    // The refused address is on the dead-letter list as a campaign letter.
    const dead = (await app.call(staff(CLB), 'GET', '/v1/dead-letters')).body as DeadLetterPageDto;
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({
      campaignId: classCampaign.id,
      caseId: null,
      guardianRef: G_JULES,
      channel: 'email',
    });

    // Listed for its CLB, not for another.
    const list = (await app.call(staff(CLB), 'GET', `/v1/campaigns?clbId=${CLB}&limit=10`))
      .body as CampaignPageDto;
    expect(list.total).toBe(2);
    expect(list.items.map((item) => item.id).sort()).toEqual([classCampaign.id, clientId].sort());
    expect(((await app.call(staff(OTHER_CLB), 'GET', '/v1/campaigns')).body as CampaignPageDto).total).toBe(
      0,
    );
    expect((await app.call(staff(OTHER_CLB), 'GET', `/v1/campaigns/${classCampaign.id}`)).status).toBe(404);

    // A finished campaign cannot be cancelled.
    const late = await app.call(staff(CLB), 'POST', `/v1/campaigns/${classCampaign.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ message: /al volledig verstuurd/ });
  });

  it("still sends a doctor's decided measures to a number that sent STOP", async () => {
    const decided = await publish(producer, TOPICS.RISK_MEASURES_DECIDED, {
      caseId: id(),
      clbId: CLB,
      schoolId: SCHOOL,
      disease: 'measles',
      decisionVersion: 1,
      decidedAt: new Date().toISOString(),
      contacts: [
        {
          contactRef: NOAH,
          contactKind: 'pupil',
          risk: 'high',
          measures: [],
          letterKind: 'measles-high-risk',
          changed: true,
        },
      ],
      withdrawnContactRefs: [],
    });
    await handled(app, [decided.eventId]);
    await waitFor(async () => (await sms.messages()).some((text) => text.to === NOAH_MOBILE), {
      timeoutMs: 20_000,
      description: "the decision's SMS to the opted-out number",
    });
  });

  it('checks SMS STOP again when sending: an opted-out number gets nothing, or the letter by e-mail', async () => {
    const queue = app.app.get(LetterQueues).queue('sms');
    await queue.pause();
    let campaignId = '';
    try {
      const created = await app.call(staff(CLB), 'POST', '/v1/campaigns', {
        ...body([SCHOOL], { groupIds: [CLASS_2C] }),
        title: 'Late STOP',
      });
      expect(created.body).toMatchObject({ total: 2, optedOut: 0 });
      campaignId = (created.body as CampaignDto).id;
      for (const late of [LATE_SMS_ONLY, LATE_WITH_MAIL]) {
        const raw = JSON.stringify({ from: late.mobile, body: 'STOP', receivedAt: new Date().toISOString() });
        const stop = await app.call(null, 'POST', '/v1/providers/sms/inbound', raw, signed(raw));
        expect(stop.body).toEqual({ action: 'opted-out' });
      }
    } finally {
      await queue.resume();
    }
    const done = await waitFor(
      async () => {
        const view = await campaign(campaignId);
        return view.status === 'completed' ? view : null;
      },
      { timeoutMs: 30_000, description: 'the late-STOP campaign completed' },
    );
    expect(done).toMatchObject({ total: 2, sent: 1, cancelled: 1, failed: 0, pending: 0 });
    expect(smtp.to(LATE_WITH_MAIL.email)).toHaveLength(1);
    const texts = await sms.messages();
    expect(
      texts.filter((text) => text.to === LATE_SMS_ONLY.mobile || text.to === LATE_WITH_MAIL.mobile),
    ).toEqual([]);
  });

  it('cancels half-way: letters not sent yet are cancelled, nothing is sent after', async () => {
    const created = await app.call(staff(CLB, 'coordinator'), 'POST', '/v1/campaigns', {
      ...body([SCHOOL_B], { groupIds: [CLASS_5B] }),
      title: 'Geruststelling 5B',
    });
    expect(created.status).toBe(201);
    const campaignId = (created.body as CampaignDto).id;
    await waitFor(async () => (await campaign(campaignId)).sent >= 3, {
      timeoutMs: 20_000,
      intervalMs: 20,
      description: 'a few letters of 5B sent',
    });
    const cancelled = await app.call(staff(CLB), 'POST', `/v1/campaigns/${campaignId}/cancel`);
    expect(cancelled.status).toBe(200);
    const atCancel = cancelled.body as CampaignDto;
    expect(atCancel.status).toBe('cancelled');
    expect(atCancel.cancelled).toBeGreaterThan(0);
    expect(atCancel.pending).toBe(0);

    // Let every job that was still in the queue run out, then compare.
    const queue = app.app.get(LetterQueues).queue('email');
    await waitFor(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
        return Object.values(counts).every((count) => count === 0);
      },
      { timeoutMs: 20_000, description: 'the email queue drained' },
    );
    const final = await campaign(campaignId);
    expect(final).toMatchObject({ status: 'cancelled', total: 30, pending: 0, failed: 0 });
    expect(final.sent + final.cancelled).toBe(30);
    expect(final.sent).toBe(atCancel.sent);
    const received = BIG_5B.filter((_, index) => smtp.to(mail5b(index)).length > 0).length;
    expect(received).toBe(final.sent);
    BIG_5B.forEach((_, index) => expect(smtp.to(mail5b(index)).length).toBeLessThanOrEqual(1));
    expect((await app.call(staff(CLB), 'POST', `/v1/campaigns/${campaignId}/cancel`)).status).toBe(409);
  });

  it("sends a decision's letters before the rest of a queued campaign (priority)", async () => {
    const queue = app.app.get(LetterQueues).queue('email');
    await queue.pause();
    const created = await app.call(staff(CLB), 'POST', '/v1/campaigns', {
      ...body([SCHOOL_B], { groupIds: [CLASS_5C] }),
      title: 'Informatie 5C',
    });
    expect(created.status).toBe(201);
    const campaignId = (created.body as CampaignDto).id;
    // The waiting jobs of these letters (suites running at the same time share the Kafka topics: other decisions'
    // letters may wait in this queue too).
    const waitingPriorities = async (where: string, value: string): Promise<(number | undefined)[]> => {
      const rows = await app.dataSource.query<{ id: string }[]>(
        `SELECT id::text AS id FROM letter_message WHERE ${where} = $1`,
        [value],
      );
      const ids = new Set(rows.map((row) => row.id));
      return (await queue.getJobs(['prioritized', 'waiting']))
        .filter((job) => ids.has(job.data.messageId))
        .map((job) => job.opts.priority);
    };
    await waitFor(async () => (await waitingPriorities('campaign_id', campaignId)).length === 20, {
      timeoutMs: 10_000,
      description: 'the campaign queued',
    });
    const caseId = id();
    const decided = await publish(producer, TOPICS.RISK_MEASURES_DECIDED, {
      caseId,
      clbId: CLB,
      schoolId: SCHOOL,
      disease: 'measles',
      decisionVersion: 1,
      decidedAt: new Date().toISOString(),
      contacts: URGENT.map((entry) => ({
        contactRef: entry.pupil,
        contactKind: 'pupil' as const,
        risk: 'high' as const,
        measures: [],
        letterKind: 'measles-high-risk',
        changed: true,
      })),
      withdrawnContactRefs: [],
    });
    await handled(app, [decided.eventId]);
    const decisionPriorities = await waitFor(
      async () => {
        const found = await waitingPriorities('case_id', caseId);
        return found.length === 2 ? found : null;
      },
      { timeoutMs: 10_000, description: "the decision's letters queued" },
    );
    expect(decisionPriorities).toEqual([LETTER_PRIORITIES.decision, LETTER_PRIORITIES.decision]);
    expect(new Set(await waitingPriorities('campaign_id', campaignId))).toEqual(
      new Set([LETTER_PRIORITIES.campaign]),
    );

    const before = smtp.mails.length;
    await queue.resume();
    await waitFor(async () => (await campaign(campaignId)).status === 'completed', {
      timeoutMs: 30_000,
      description: 'the 5C campaign completed',
    });
    const ours = (address: string) => address.endsWith(`-${run}@example.be`);
    await waitFor(() => smtp.mails.slice(before).filter((mail) => mail.to.some(ours)).length >= 22, {
      timeoutMs: 10_000,
      description: '22 mails',
    });
    // Only this test's letters (suites running at the same time share the Kafka topics, so other decisions).
    const order = smtp.mails
      .slice(before)
      .map((mail) => mail.to.join(','))
      .filter(ours);
    expect(order.slice(0, 2).sort()).toEqual([urgentMail(0), urgentMail(1)].sort());
    expect(order.slice(2).every((address) => /^c\d+-/.test(address))).toBe(true);
  });
});
