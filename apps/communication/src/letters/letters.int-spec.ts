import { randomUUID } from 'node:crypto';
import type { Principal } from '@meldpunt/auth';
import {
  TOPICS,
  type DeliveryUpdatedV1,
  type EventEnvelope,
  type RiskMeasuresDecidedV1,
} from '@meldpunt/contracts';
import { EventProducer } from '@meldpunt/messaging';
import { TestHarness, waitFor } from '@meldpunt/testing';
import {
  sealContactsEvent,
  testSealKeys,
  type TestSealKeys,
} from '../contacts/test-fixtures/contact-sealing';
import type { DeadLetterDto, DeadLetterPageDto } from './dto/dead-letter.response.dto';
import { startCommunicationTestApp, type CommunicationTestApp } from './test-fixtures/communication-test-app';
import {
  dropQueues,
  guardian,
  handled,
  PlainRenderer,
  publish,
  QUARANTINE,
  republish,
} from './test-fixtures/test-events';
import { SmsSinkProcess } from './test-fixtures/sms-sink-process';
import { SmtpSink } from '@meldpunt/testing';
import { LetterSweeper } from './letter.sweeper';

/**
 * The sending pipeline on real Kafka, Postgres and Redis with a local SMTP sink and the development SMS sink:
 * sealed guardian contacts and a doctor's decision become exactly the expected letters (siblings merged, preferred
 * channel, unreachable contacts reported), a redelivered decision sends nothing new, a new version writes only to
 * guardians whose children changed, a refused address falls back to SMS or lands on the dead-letter list (API
 * scoped per CLB), and an SMTP server failing 20% of the time still ends with every letter sent or dead-lettered,
 * none twice.
 */
jest.setTimeout(120_000);

async function deliveryUpdates(app: CommunicationTestApp, caseId: string): Promise<DeliveryUpdatedV1[]> {
  const rows = await app.dataSource.query<{ envelope: EventEnvelope<string, DeliveryUpdatedV1> }[]>(
    `SELECT envelope FROM outbox WHERE topic = $1 ORDER BY created_at`,
    [TOPICS.DELIVERY_UPDATED],
  );
  return rows.map((row) => row.envelope.payload).filter((payload) => payload.caseId === caseId);
}

async function messageStates(
  app: CommunicationTestApp,
  caseId: string,
): Promise<{ channel: string; state: string }[]> {
  return await app.dataSource.query<{ channel: string; state: string }[]>(
    `SELECT channel, state FROM letter_message WHERE case_id = $1 ORDER BY channel, state`,
    [caseId],
  );
}

describe('letters (real Kafka, Postgres, Redis, SMTP and SMS sinks)', () => {
  let harness: TestHarness;
  let keys: TestSealKeys;
  let producer: EventProducer;
  let sms: SmsSinkProcess;

  beforeAll(async () => {
    harness = await TestHarness.start();
    keys = await testSealKeys('test-key');
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    sms = await SmsSinkProcess.start();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await sms?.stop();
    await harness?.cleanup();
  });

  describe('a decision', () => {
    const CLB = randomUUID();
    const OTHER_CLB = randomUUID();
    const SCHOOL = randomUUID();
    const CASE = randomUUID();
    const id = (): string => randomUUID();
    const [ZOE, LOU, MILA, NOAH, LIAM, EMMA, FINN, STAFF] = [id(), id(), id(), id(), id(), id(), id(), id()];
    const [G_ZOE, G_LOU, G_MILA, G_NOAH, G_EMMA, G_FINN] = [id(), id(), id(), id(), id(), id()];
    const run = randomUUID().slice(0, 8);
    const FAMILY = `peeters-${run}@example.be`;
    const MILA_MOBILE = `+3247${String(Date.now()).slice(-7)}`;
    const EMMA_MOBILE = `+3248${String(Date.now()).slice(-7)}`;
    // Other specs' communication apps run at the same time on the same topics: count only this test's letters.
    const ourMails = () => smtp.mails.filter((mail) => mail.to.some((to) => to.includes(run)));
    const ourTexts = async () =>
      (await sms.messages()).filter((text) => [MILA_MOBILE, EMMA_MOBILE, '+32470000001'].includes(text.to));
    const BOUNCE = `bounce-${run}@example.be`;
    const BOUNCE_NO_MOBILE = `gone-${run}@example.be`;
    let smtp: SmtpSink;
    let app: CommunicationTestApp;
    let v1: EventEnvelope;
    const staff = (clbId: string, role: Principal['role'] = 'clb-staff'): Principal => ({
      userId: `${role}-${clbId.slice(0, 6)}`,
      role,
      clbIds: [clbId],
      schoolIds: [],
    });

    const decision = (version: number, changed: (ref: string) => boolean): RiskMeasuresDecidedV1 => ({
      caseId: CASE,
      clbId: CLB,
      schoolId: SCHOOL,
      disease: 'measles',
      decisionVersion: version,
      decidedAt: new Date().toISOString(),
      contacts: [ZOE, LOU, MILA, NOAH, LIAM, EMMA, FINN, STAFF].map((ref) => ({
        contactRef: ref,
        contactKind: ref === STAFF ? ('staff' as const) : ('pupil' as const),
        risk: 'high' as const,
        measures: [QUARANTINE],
        letterKind: ref === MILA ? 'measles-low-risk' : 'measles-high-risk',
        changed: changed(ref),
      })),
      withdrawnContactRefs: [],
    });

    beforeAll(async () => {
      smtp = await SmtpSink.start({
        refuse: (address) => address === BOUNCE || address === BOUNCE_NO_MOBILE,
      });
      app = await startCommunicationTestApp(harness, {
        sealKeys: keys,
        smtpUrl: smtp.url,
        smsProviderUrl: sms.url,
      });
      harness.onCleanup(() => dropQueues(harness.env.redisUrl, app.queuePrefix));
      const contacts = await publish(
        producer,
        TOPICS.GUARDIAN_CONTACTS_CHANGED,
        await sealContactsEvent(keys, SCHOOL, [
          // Zoë and Lou are siblings: two guardian rows (one per pupil), one address.
          {
            pupilRef: ZOE,
            guardianRef: G_ZOE,
            contact: guardian({ email: FAMILY, pupilFirstName: 'Zoe', mobile: '+32470000001' }),
          },
          { pupilRef: LOU, guardianRef: G_LOU, contact: guardian({ email: FAMILY, pupilFirstName: 'Lou' }) },
          {
            pupilRef: MILA,
            guardianRef: G_MILA,
            contact: guardian({ mobile: MILA_MOBILE, preferredChannel: 'sms', pupilFirstName: 'Mila' }),
          },
          { pupilRef: NOAH, guardianRef: G_NOAH, contact: guardian({ pupilFirstName: 'Noah' }) },
          {
            pupilRef: EMMA,
            guardianRef: G_EMMA,
            contact: guardian({ email: BOUNCE, mobile: EMMA_MOBILE, pupilFirstName: 'Emma' }),
          },
          {
            pupilRef: FINN,
            guardianRef: G_FINN,
            contact: guardian({ email: BOUNCE_NO_MOBILE, pupilFirstName: 'Finn' }),
          },
        ]),
      );
      await handled(app, contacts.eventId);
    });

    afterAll(async () => {
      await app?.close();
      await smtp?.close();
    });

    it('stores contacts encrypted at rest', async () => {
      const rows = await app.dataSource.query<
        {
          encrypted: string;
        }[]
      >('SELECT encrypted FROM guardian_contact');
      expect(rows).toHaveLength(6);
      // base64url ciphertext never contains `@`, `+` or `.` inside a part by chance (a short name could: `YZoE`).
      for (const row of rows) {
        expect(row.encrypted).toMatch(/^v1(\.[A-Za-z0-9_-]+)+$/);
        for (const plain of [FAMILY, MILA_MOBILE, EMMA_MOBILE, '@', '+32'])
          expect(row.encrypted).not.toContain(plain);
      }
    });

    it('sends exactly the expected letters and reports every contact', async () => {
      v1 = await publish(
        producer,
        TOPICS.RISK_MEASURES_DECIDED,
        decision(1, () => true),
      );
      await waitFor(
        async () => {
          const states = await messageStates(app, CASE);
          return (
            states.length === 5 &&
            states.every((message) => message.state !== 'queued') &&
            (await ourTexts()).length >= 2
          );
        },
        { timeoutMs: 30_000, description: 'letters of v1 sent' },
      );
      // One e-mail for the siblings, to the family address, covering both children.
      expect(smtp.to(FAMILY)).toHaveLength(1);
      const family = (smtp.to(FAMILY)[0]?.data ?? '').replace(/=\r\n/g, '');
      expect(family).toMatch(/Zoe/);
      expect(family).toMatch(/Lou/);
      expect(family).toMatch(/Content-Type: application\/pdf/i);
      expect(ourMails()).toHaveLength(1);
      // Mila's guardian prefers SMS; Emma's e-mail is refused for good, so her letter falls back to SMS.
      const texts = await ourTexts();
      expect(texts.map((text) => text.to).sort()).toEqual([MILA_MOBILE, EMMA_MOBILE].sort());
      expect(texts.find((text) => text.to === MILA_MOBILE)?.body).toMatch(
        /\/b\/[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/,
      );
      expect(await messageStates(app, CASE)).toEqual([
        // No delivery reports on these channels here (providers/ tests them): accepted counts as delivered.
        { channel: 'email', state: 'delivered' },
        { channel: 'email', state: 'failed' },
        { channel: 'email', state: 'failed' },
        { channel: 'sms', state: 'delivered' },
        { channel: 'sms', state: 'delivered' },
      ]);

      const updates = await deliveryUpdates(app, CASE);
      const summary = updates.map(
        (update) =>
          `${update.contactRef}/${update.guardianRef ?? '-'}:${update.status}:${update.channel ?? '-'}`,
      );
      expect(summary.sort()).toEqual(
        [
          `${ZOE}/${G_ZOE}:delivered:email`,
          `${LOU}/${G_LOU}:delivered:email`,
          `${MILA}/${G_MILA}:delivered:sms`,
          `${EMMA}/${G_EMMA}:failed:email`,
          `${EMMA}/${G_EMMA}:delivered:sms`,
          `${FINN}/${G_FINN}:failed:email`,
          `${NOAH}/${G_NOAH}:unreachable:-`,
          `${LIAM}/-:unreachable:-`,
          `${STAFF}/-:unreachable:-`,
        ].sort(),
      );
      expect(updates.every((update) => update.decisionVersion === 1)).toBe(true);
    });

    it('sends nothing new when the decision is delivered again (same event, or a new event of the same version)', async () => {
      const copy = await publish(
        producer,
        TOPICS.RISK_MEASURES_DECIDED,
        decision(1, () => true),
      );
      await republish(producer, v1);
      await handled(app, copy.eventId);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(ourMails()).toHaveLength(1);
      expect(await ourTexts()).toHaveLength(2);
      expect(await messageStates(app, CASE)).toHaveLength(5);
      expect(await deliveryUpdates(app, CASE)).toHaveLength(9);
    });

    it('writes on a new version only to guardians whose children changed, as an update', async () => {
      const v2 = await publish(
        producer,
        TOPICS.RISK_MEASURES_DECIDED,
        decision(2, (ref) => ref === MILA),
      );
      await handled(app, v2.eventId);
      await waitFor(
        async () => (await messageStates(app, CASE)).filter((row) => row.state === 'delivered').length === 4,
        {
          timeoutMs: 20_000,
          description: 'the v2 SMS sent',
        },
      );
      const rows = await app.dataSource.query<
        { channel: string; state: string; is_update: boolean; guardian_ref: string }[]
      >(
        `SELECT channel, state, is_update, guardian_ref::text AS guardian_ref FROM letter_message WHERE case_id = $1 AND decision_version = 2`,
        [CASE],
      );
      expect(rows).toEqual([{ channel: 'sms', state: 'delivered', is_update: true, guardian_ref: G_MILA }]);
      expect((await sms.messages()).filter((text) => text.to === MILA_MOBILE)).toHaveLength(2);
      expect(ourMails()).toHaveLength(1);
      const v2Updates = (await deliveryUpdates(app, CASE)).filter((update) => update.decisionVersion === 2);
      expect(v2Updates.map((update) => [update.contactRef, update.status])).toEqual([[MILA, 'delivered']]);
    });

    it('queues again a letter left queued when Redis was unreachable at commit (the sweeper), sending it once', async () => {
      const key = `${CASE}-v9-${G_MILA}-sms`;
      await app.dataSource.query(
        `INSERT INTO letter_message (id, message_key, case_id, decision_version, clb_id, school_id, disease, kind, channel,
           guardian_ref, pupil_ref, is_update, children, recipients, state, fallback_of, retries, last_error,
           provider_message_id, correlation_id, decided_at, sent_at, created_at, updated_at)
         SELECT gen_random_uuid(), $2, case_id, 9, clb_id, school_id, disease, kind, channel, guardian_ref, pupil_ref, true,
           children, recipients, 'queued', NULL, 0, NULL, NULL, correlation_id, decided_at, NULL, now(), now() - interval '1 hour'
           FROM letter_message WHERE case_id = $1 AND decision_version = 2`,
        [CASE, key],
      );
      const sweeper = app.app.get(LetterSweeper);
      await expect(sweeper.sweep()).resolves.toBe(1);
      await waitFor(
        async () => (await sms.messages()).filter((text) => text.to === MILA_MOBILE).length === 3,
        {
          timeoutMs: 20_000,
          description: 'the swept letter sent',
        },
      );
      await waitFor(async () => (await sweeper.sweep()) === 0, {
        timeoutMs: 10_000,
        description: 'nothing left queued',
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await sms.messages()).filter((text) => text.to === MILA_MOBILE)).toHaveLength(3);
    });

    it('lists an undeliverable letter for its CLB only, and lets staff retry or resolve it', async () => {
      const mine = await app.call(staff(CLB), 'GET', '/v1/dead-letters');
      expect(mine.status).toBe(200);
      const page = mine.body as DeadLetterPageDto;
      expect(page.total).toBe(1);
      const dead = page.items[0] as DeadLetterDto;
      expect(dead).toMatchObject({
        caseId: CASE,
        channel: 'email',
        guardianRef: G_FINN,
        contactRefs: [FINN],
        status: 'open',
      });
      // Whom to call: the guardian's details, opened for the CLB's staff only (never the pupil's name: intake's).
      expect(dead.guardian).toEqual({
        name: 'Ouder Test',
        language: 'nl',
        email: BOUNCE_NO_MOBILE,
        mobile: null,
        householdLabel: 'gezin 1',
      });
      expect(JSON.stringify(dead)).not.toMatch(/Finn/);

      expect((await app.call(staff(OTHER_CLB), 'GET', '/v1/dead-letters')).body).toMatchObject({ total: 0 });
      expect((await app.call(staff(OTHER_CLB), 'POST', `/v1/dead-letters/${dead.id}/retry`)).status).toBe(
        404,
      );
      expect(
        (
          await app.call(
            { ...staff(CLB), role: 'school', clbIds: [], schoolIds: [SCHOOL] },
            'GET',
            '/v1/dead-letters',
          )
        ).status,
      ).toBe(403);

      // Retried: the same refusal brings it back as a new dead letter.
      const retried = await app.call(staff(CLB, 'doctor'), 'POST', `/v1/dead-letters/${dead.id}/retry`);
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ status: 'retried' });
      const again = await waitFor(
        async () => {
          const list = (await app.call(staff(CLB), 'GET', '/v1/dead-letters')).body as DeadLetterPageDto;
          return list.total === 1 && list.items[0]?.id !== dead.id ? list.items[0] : null;
        },
        { timeoutMs: 20_000, description: 'the retried letter dead-lettered again' },
      );
      expect(again.messageId).toBe(dead.messageId);

      const blank = await app.call(staff(CLB), 'POST', `/v1/dead-letters/${again.id}/resolve`, {
        note: '  ',
      });
      expect(blank.status).toBe(400);
      expect(JSON.stringify(blank.body)).toMatch(/note/);
      const resolved = await app.call(staff(CLB), 'POST', `/v1/dead-letters/${again.id}/resolve`, {
        note: 'Telefonisch gemeld aan de vader',
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        note: 'Telefonisch gemeld aan de vader',
        handledBy: 'clb-staff-' + CLB.slice(0, 6),
      });
      expect(
        (await app.call(staff(CLB), 'POST', `/v1/dead-letters/${again.id}/resolve`, { note: 'nog eens' }))
          .status,
      ).toBe(409);
      expect((await app.call(staff(CLB), 'GET', '/v1/dead-letters')).body).toMatchObject({ total: 0 });
      expect(smtp.to(BOUNCE_NO_MOBILE)).toHaveLength(0);
    });
  });

  describe('an SMTP server that fails 20% of the time', () => {
    const CLB = randomUUID();
    const SCHOOL = randomUUID();
    const CASE = randomUUID();
    const PUPILS = Array.from({ length: 60 }, () => ({ pupil: randomUUID(), guardian: randomUUID() }));
    const run = randomUUID().slice(0, 8);
    const address = (index: number) => `ouder${index}-${run}@example.be`;
    let smtp: SmtpSink;
    let app: CommunicationTestApp;

    beforeAll(async () => {
      smtp = await SmtpSink.start({ failRate: 0.2 });
      app = await startCommunicationTestApp(harness, {
        sealKeys: keys,
        smtpUrl: smtp.url,
        smsProviderUrl: sms.url,
        renderer: new PlainRenderer(),
        letters: { maxAttempts: 3, retryBaseMs: 20 },
      });
      harness.onCleanup(() => dropQueues(harness.env.redisUrl, app.queuePrefix));
    });

    afterAll(async () => {
      await app?.close();
      await smtp?.close();
    });

    it('ends with every letter sent or dead-lettered, none twice', async () => {
      const contacts = await publish(
        producer,
        TOPICS.GUARDIAN_CONTACTS_CHANGED,
        await sealContactsEvent(
          keys,
          SCHOOL,
          PUPILS.map((entry, index) => ({
            pupilRef: entry.pupil,
            guardianRef: entry.guardian,
            contact: guardian({ email: address(index), pupilFirstName: `Kind${index}` }),
          })),
        ),
      );
      await handled(app, contacts.eventId);
      const decided = await publish(producer, TOPICS.RISK_MEASURES_DECIDED, {
        caseId: CASE,
        clbId: CLB,
        schoolId: SCHOOL,
        disease: 'mumps',
        decisionVersion: 1,
        decidedAt: new Date().toISOString(),
        contacts: PUPILS.map((entry) => ({
          contactRef: entry.pupil,
          contactKind: 'pupil' as const,
          risk: 'high' as const,
          measures: [QUARANTINE],
          letterKind: 'mumps-high-risk',
          changed: true,
        })),
        withdrawnContactRefs: [],
      });
      await handled(app, decided.eventId);
      const states = await waitFor(
        async () => {
          const rows = await messageStates(app, CASE);
          return rows.length === PUPILS.length && rows.every((row) => row.state !== 'queued') ? rows : null;
        },
        { timeoutMs: 60_000, description: 'every letter sent or failed' },
      );
      const sent = states.filter((row) => row.state === 'delivered').length;
      const deadLetters = await app.dataSource.query<unknown[]>(
        'SELECT 1 FROM letter_dead_letter WHERE case_id = $1',
        [CASE],
      );
      expect(sent + deadLetters.length).toBe(PUPILS.length);
      expect(smtp.refused).toBeGreaterThan(0);
      // None twice: every address received at most one letter, and exactly the sent ones did.
      PUPILS.forEach((_, index) => expect(smtp.to(address(index)).length).toBeLessThanOrEqual(1));
      expect(smtp.mails.filter((mail) => mail.to.some((to) => to.includes(run)))).toHaveLength(sent);
      const delivered = (await deliveryUpdates(app, CASE)).filter((update) => update.status === 'delivered');
      expect(delivered).toHaveLength(sent);
    });
  });
});
