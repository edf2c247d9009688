import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '@meldpunt/auth';
import { TOPICS, type DeliveryUpdatedV1, type EventEnvelope } from '@meldpunt/contracts';
import { EventProducer } from '@meldpunt/messaging';
import { SmtpSink, TestHarness, waitFor } from '@meldpunt/testing';
import {
  sealContactsEvent,
  testSealKeys,
  type TestSealKeys,
} from '../contacts/test-fixtures/contact-sealing';
import type { DeadLetterPageDto } from '../letters/dto/dead-letter.response.dto';
import {
  startCommunicationTestApp,
  type CommunicationTestApp,
} from '../letters/test-fixtures/communication-test-app';
import { dropQueues, guardian, publish, QUARANTINE } from '../letters/test-fixtures/test-events';
import { freePort, SmsSinkProcess } from '../letters/test-fixtures/sms-sink-process';
import { ApplyDeliveryReportsUseCase } from './use-cases/apply-delivery-reports.use-case';
import { signTimestampedWebhook } from './webhook-signature';

/**
 * Provider delivery reports on real Kafka, Postgres and Redis, a local SMTP sink and the development SMS sink
 * posting signed reports: accepted letters are `sent`, a signed `delivered` report makes them `delivered` (with
 * the delivery update), a bounced e-mail goes out by SMS and the sink's report delivers it, a bounce with no other
 * channel lands on the dead-letter list, duplicates and out-of-order reports change nothing, a bad signature is a
 * 401 that changes nothing, and the letter's link serves it in the guardian's language (404 otherwise).
 */
jest.setTimeout(120_000);

const SECRET = `test-provider-secret-${randomUUID()}`;

interface Row {
  id: string;
  channel: string;
  state: string;
  guardian_ref: string;
  provider_message_id: string | null;
}

describe('provider delivery reports (real Kafka, Postgres, Redis, SMTP and SMS sinks)', () => {
  let harness: TestHarness;
  let keys: TestSealKeys;
  let producer: EventProducer;
  let smtp: SmtpSink;
  let sms: SmsSinkProcess;
  let app: CommunicationTestApp;

  const CLB = randomUUID();
  const SCHOOL = randomUUID();
  const CASE = randomUUID();
  const [ALICE, BILAL, CHLOE] = [randomUUID(), randomUUID(), randomUUID()];
  const [G_ALICE, G_BILAL, G_CHLOE] = [randomUUID(), randomUUID(), randomUUID()];
  const run = randomUUID().slice(0, 8);
  const ALICE_EMAIL = `alice-${run}@example.be`;
  const BILAL_EMAIL = `bilal-${run}@example.be`;
  const BILAL_MOBILE = `+3247${String(Date.now()).slice(-7)}`;
  const CHLOE_MOBILE = `+3248${String(Date.now()).slice(-7)}`;
  const staff: Principal = { userId: 'staff-1', role: 'clb-staff', clbIds: [CLB], schoolIds: [] };

  const rows = async (): Promise<Row[]> =>
    app.dataSource.query<Row[]>(
      `SELECT id::text, channel, state, guardian_ref::text, provider_message_id FROM letter_message
        WHERE case_id = $1 ORDER BY created_at`,
      [CASE],
    );
  const row = async (guardianRef: string, channel: string): Promise<Row | undefined> =>
    (await rows()).find((entry) => entry.guardian_ref === guardianRef && entry.channel === channel);
  const updates = async (): Promise<DeliveryUpdatedV1[]> =>
    (
      await app.dataSource.query<{ envelope: EventEnvelope<string, DeliveryUpdatedV1> }[]>(
        `SELECT envelope FROM outbox WHERE topic = $1 ORDER BY created_at, id`,
        [TOPICS.DELIVERY_UPDATED],
      )
    )
      .map((entry) => entry.envelope.payload)
      .filter((payload) => payload.caseId === CASE);
  const summary = (list: readonly DeliveryUpdatedV1[]) =>
    list.map(
      (update) =>
        `${update.contactRef === ALICE ? 'alice' : update.contactRef === BILAL ? 'bilal' : 'chloe'}:${update.status}:${
          update.channel ?? '-'
        }${update.reason ? `:${update.reason}` : ''}${update.resolvedBy ? `:${update.resolvedBy}` : ''}`,
    );

  const post = async (
    channel: string,
    body: unknown,
    options: { secret?: string; timestamp?: number } = {},
  ): Promise<{ status: number; body: unknown }> => {
    const raw = JSON.stringify(body);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return app.call(null, 'POST', `/v1/providers/${channel}/reports`, raw, {
      'x-meldpunt-timestamp': timestamp,
      'x-meldpunt-signature': signTimestampedWebhook(options.secret ?? SECRET, timestamp, raw),
    });
  };

  beforeAll(async () => {
    harness = await TestHarness.start();
    keys = await testSealKeys('test-key');
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    smtp = await SmtpSink.start();
    // The app must know the sink's URL and the sink the app's: pick the sink's port first.
    const smsPort = await freePort();
    app = await startCommunicationTestApp(harness, {
      sealKeys: keys,
      smtpUrl: smtp.url,
      smsProviderUrl: `http://127.0.0.1:${smsPort}`,
      letters: { emailDeliveryReports: true, smsDeliveryReports: true },
      providerWebhookSecret: SECRET,
    });
    harness.onCleanup(() => dropQueues(harness.env.redisUrl, app.queuePrefix));
    sms = await SmsSinkProcess.start(process.cwd(), {
      port: smsPort,
      reportUrl: `${app.baseUrl}/v1/providers/sms/reports`,
      reportSecret: SECRET,
    });
    await sms.reportFor(CHLOE_MOBILE, 'bounced', 'absent subscriber');

    const contacts = await publish(
      producer,
      TOPICS.GUARDIAN_CONTACTS_CHANGED,
      await sealContactsEvent(keys, SCHOOL, [
        {
          pupilRef: ALICE,
          guardianRef: G_ALICE,
          contact: guardian({ email: ALICE_EMAIL, pupilFirstName: 'Alice' }),
        },
        {
          pupilRef: BILAL,
          guardianRef: G_BILAL,
          contact: guardian({
            email: BILAL_EMAIL,
            mobile: BILAL_MOBILE,
            language: 'ar',
            pupilFirstName: 'Bilal',
          }),
        },
        {
          pupilRef: CHLOE,
          guardianRef: G_CHLOE,
          contact: guardian({ mobile: CHLOE_MOBILE, preferredChannel: 'sms', pupilFirstName: 'Chloe' }),
        },
      ]),
    );
    await waitFor(
      async () =>
        (await app.dataSource.query<unknown[]>('SELECT 1 FROM inbox WHERE event_id = $1', [contacts.eventId]))
          .length > 0,
      { timeoutMs: 30_000, description: 'the contacts applied' },
    );
    await publish(producer, TOPICS.RISK_MEASURES_DECIDED, {
      caseId: CASE,
      clbId: CLB,
      schoolId: SCHOOL,
      disease: 'measles',
      decisionVersion: 1,
      decidedAt: new Date().toISOString(),
      contacts: [ALICE, BILAL, CHLOE].map((ref) => ({
        contactRef: ref,
        contactKind: 'pupil' as const,
        risk: 'high' as const,
        measures: [QUARANTINE],
        letterKind: 'measles-high-risk',
        changed: true,
      })),
      withdrawnContactRefs: [],
    });
  });

  afterAll(async () => {
    await app?.close();
    await sms?.stop();
    await smtp?.close();
    await producer?.disconnect();
    await harness?.cleanup();
  });

  it('keeps accepted letters `sent` until a report comes, and dead-letters an SMS the provider reports bounced', async () => {
    await waitFor(
      async () => {
        const states = (await rows()).map((entry) => `${entry.channel}:${entry.state}`).sort();
        return states.join(',') === 'email:sent,email:sent,sms:bounced';
      },
      { timeoutMs: 40_000, description: 'two e-mails sent, the SMS bounced by the sink' },
    );
    expect(smtp.to(ALICE_EMAIL)).toHaveLength(1);
    expect(smtp.to(BILAL_EMAIL)).toHaveLength(1);
    expect((await row(G_ALICE, 'email'))?.provider_message_id).toMatch(/@meldpunt\.be$/);
    // No `delivered` for the e-mails yet; the bounced SMS failed with its reason.
    await waitFor(async () => (await updates()).length === 1, {
      timeoutMs: 10_000,
      description: 'one update',
    });
    expect(summary(await updates())).toEqual(['chloe:failed:sms:bounced']);
    const dead = (await app.call(staff, 'GET', '/v1/dead-letters')).body as DeadLetterPageDto;
    expect(dead.items.map((item) => [item.guardianRef, item.channel])).toEqual([[G_CHLOE, 'sms']]);
    expect(dead.items[0]?.reason).toMatch(/Teruggekaatst.*absent subscriber/);
  });

  it('makes a letter `delivered` on a signed report, once: a duplicate or an older bounce changes nothing', async () => {
    const alice = await row(G_ALICE, 'email');
    const id = alice?.provider_message_id ?? '';
    const at = new Date().toISOString();
    const delivered = await post('email', { reports: [{ providerMessageId: id, status: 'delivered', at }] });
    expect(delivered).toEqual({ status: 200, body: { applied: 1, ignored: 0, unknown: 0 } });
    expect((await row(G_ALICE, 'email'))?.state).toBe('delivered');
    expect(summary(await updates())).toEqual(['chloe:failed:sms:bounced', 'alice:delivered:email']);
    expect((await updates()).at(-1)?.at).toBe(at);

    const again = await post('email', { reports: [{ providerMessageId: id, status: 'delivered', at }] });
    expect(again.body).toEqual({ applied: 0, ignored: 1, unknown: 0 });
    const older = new Date(Date.parse(at) - 60_000).toISOString();
    const stale = await post('email', { reports: [{ providerMessageId: id, status: 'bounced', at: older }] });
    expect(stale.body).toEqual({ applied: 0, ignored: 1, unknown: 0 });
    const unknown = await post('sms', { reports: [{ providerMessageId: id, status: 'bounced', at }] });
    expect(unknown).toEqual({ status: 200, body: { applied: 0, ignored: 0, unknown: 1 } });
    expect((await row(G_ALICE, 'email'))?.state).toBe('delivered');
    expect(await updates()).toHaveLength(2);
  });

  it('refuses a bad signature, a stale timestamp or no signature with 401, and changes nothing', async () => {
    const id = (await row(G_ALICE, 'email'))?.provider_message_id ?? '';
    const bounce = { reports: [{ providerMessageId: id, status: 'bounced', at: new Date().toISOString() }] };
    const wrong = await post('email', bounce, { secret: 'not-the-secret-0123456789' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ reason: 'bad-signature' });
    const stale = await post('email', bounce, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.body).toMatchObject({ reason: 'stale-timestamp' });
    expect((await app.call(null, 'POST', '/v1/providers/email/reports', bounce)).status).toBe(401);
    // Signed for one body, sent with another.
    const raw = JSON.stringify(bounce);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const tampered = await app.call(
      null,
      'POST',
      '/v1/providers/email/reports',
      raw.replace('bounced', 'failed'),
      {
        'x-meldpunt-timestamp': timestamp,
        'x-meldpunt-signature': signTimestampedWebhook(SECRET, timestamp, raw),
      },
    );
    expect(tampered.status).toBe(401);
    expect((await row(G_ALICE, 'email'))?.state).toBe('delivered');
    expect(await updates()).toHaveLength(2);
  });

  it('answers malformed reports with field-level 400s', async () => {
    const bad = await post('email', {
      reports: [{ providerMessageId: ' ', status: 'lost', at: 'gisteren', reason: 'x'.repeat(501) }],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { fields: { field: string }[] }).fields.map((field) => field.field).sort();
    expect(fields).toEqual([
      'reports[0].at',
      'reports[0].providerMessageId',
      'reports[0].reason',
      'reports[0].status',
    ]);
    const tooMany = await post('email', {
      reports: Array.from({ length: 1_001 }, () => ({
        providerMessageId: 'x',
        status: 'delivered',
        at: new Date().toISOString(),
      })),
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/"reports"/);
    expect((await post('email', { reports: [] })).status).toBe(400);
    expect((await post('email', { reports: 'all' })).status).toBe(400);
    const channel = await post('fax', {
      reports: [{ providerMessageId: 'x', status: 'delivered', at: new Date().toISOString() }],
    });
    expect(channel.status).toBe(400);
    expect(await updates()).toHaveLength(2);
  });

  it('sends a bounced e-mail again by SMS; the SMS provider reports it delivered', async () => {
    const email = await row(G_BILAL, 'email');
    const bounced = await post('email', {
      reports: [
        {
          providerMessageId: email?.provider_message_id,
          status: 'bounced',
          at: new Date().toISOString(),
          reason: '550 5.1.1 mailbox unavailable',
        },
      ],
    });
    expect(bounced.body).toEqual({ applied: 1, ignored: 0, unknown: 0 });
    await waitFor(async () => (await row(G_BILAL, 'sms'))?.state === 'delivered', {
      timeoutMs: 30_000,
      description: "Bilal's SMS fallback delivered (the sink's report)",
    });
    expect((await row(G_BILAL, 'email'))?.state).toBe('bounced');
    expect((await sms.messages()).filter((text) => text.to === BILAL_MOBILE)).toHaveLength(1);
    expect(summary(await updates())).toEqual([
      'chloe:failed:sms:bounced',
      'alice:delivered:email',
      'bilal:failed:email:bounced',
      'bilal:delivered:sms',
    ]);
    // The bounce is final: a late `delivered` for the e-mail changes nothing.
    const late = await post('email', {
      reports: [
        { providerMessageId: email?.provider_message_id, status: 'delivered', at: new Date().toISOString() },
      ],
    });
    expect(late.body).toEqual({ applied: 0, ignored: 1, unknown: 0 });
    const dead = (await app.call(staff, 'GET', '/v1/dead-letters')).body as DeadLetterPageDto;
    expect(dead.total).toBe(1);
  });

  it("serves the SMS's letter link in the guardian's language, and 404s unknown and expired tokens alike", async () => {
    const text = (await sms.messages()).find((entry) => entry.to === BILAL_MOBILE);
    const token = /\/b\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/.exec(text?.body ?? '')?.[1];
    expect(token).toBeDefined();
    const open = async (candidate: string) => fetch(`${app.baseUrl}/v1/public/letters/${candidate}`);
    const page = await open(token ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/);
    const letter = (await page.json()) as { language: string; direction: string; html: string };
    expect(letter).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(letter.html).toMatch(/dir="rtl"/);
    expect(letter.html).toMatch(/Bilal/);
    // Only the hash is stored.
    const stored = await app.dataSource.query<{ link_token_hash: string }[]>(
      `SELECT link_token_hash FROM letter_message WHERE link_token_hash IS NOT NULL`,
    );
    expect(JSON.stringify(stored)).not.toContain(token);

    const unknown = await open(randomBytes(16).toString('base64url'));
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.text();
    expect((await open('not-a-token')).status).toBe(404);
    await app.dataSource.query(
      `UPDATE letter_message SET link_expires_at = now() - interval '1 second' WHERE guardian_ref = $1 AND channel = 'sms'`,
      [G_BILAL],
    );
    const expired = await open(token ?? '');
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe(unknownBody);
  });

  it('publishes the family as reached when staff resolve the dead letter ("called by phone")', async () => {
    const dead = (await app.call(staff, 'GET', '/v1/dead-letters')).body as DeadLetterPageDto;
    const resolved = await app.call(staff, 'POST', `/v1/dead-letters/${dead.items[0]?.id ?? ''}/resolve`, {
      note: 'Telefonisch gemeld aan de moeder',
    });
    expect(resolved.status).toBe(200);
    expect(summary(await updates()).at(-1)).toBe('chloe:delivered:sms:phone');
    const bad = await app.call(staff, 'POST', `/v1/dead-letters/${dead.items[0]?.id ?? ''}/resolve`, {
      note: 'nog eens',
      resolvedBy: 'duif',
    });
    expect(bad.status).toBe(400);
  });

  it('applies a report that came before the send that stored its provider id committed, once the letter is there', async () => {
    const late = `late-${run}`;
    const at = new Date().toISOString();
    const early = await post('email', { reports: [{ providerMessageId: late, status: 'delivered', at }] });
    expect(early.body).toEqual({ applied: 0, ignored: 0, unknown: 1 });
    const before = (await updates()).length;
    // The send commits after the provider's report arrived: a letter now carries that id.
    await app.dataSource.query(
      `INSERT INTO letter_message (id, message_key, case_id, decision_version, campaign_id, clb_id, school_id, disease,
         kind, channel, guardian_ref, pupil_ref, is_update, children, recipients, state, fallback_of, retries,
         last_error, provider_message_id, correlation_id, decided_at, sent_at)
       SELECT gen_random_uuid(), message_key || '-late', case_id, decision_version, campaign_id, clb_id, school_id,
         disease, kind, channel, guardian_ref, pupil_ref, is_update, children, recipients, 'sent', NULL, 0, NULL, $2,
         correlation_id, decided_at, now()
         FROM letter_message WHERE case_id = $1 AND guardian_ref = $3 AND channel = 'email'`,
      [CASE, late, G_ALICE],
    );
    await app.app.get(ApplyDeliveryReportsUseCase).applyPending();
    // The sweeper (every 5 s) may hold the pending report at this moment (rows are claimed with SKIP LOCKED): it
    // applies it then, not this call.
    await waitFor(
      async () =>
        (
          await app.dataSource.query<{ state: string }[]>(
            `SELECT state FROM letter_message WHERE provider_message_id = $1`,
            [late],
          )
        )[0]?.state === 'delivered',
      { timeoutMs: 15_000, description: 'the late letter delivered' },
    );
    expect(summary((await updates()).slice(before))).toEqual(['alice:delivered:email']);
    expect(
      await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM provider_report_pending WHERE provider_message_id = $1`,
        [late],
      ),
    ).toHaveLength(0);
    // Applied once: again, nothing.
    await app.app.get(ApplyDeliveryReportsUseCase).applyPending();
    expect((await updates()).length).toBe(before + 1);
  });
});
