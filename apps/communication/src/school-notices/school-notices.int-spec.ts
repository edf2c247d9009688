import { randomUUID } from 'node:crypto';
import {
  CONTRACTS,
  TOPICS,
  type EventEnvelope,
  type RiskMeasuresDecidedV1,
  type SchoolNoticeIssuedV1,
} from '@meldpunt/contracts';
import { createEnvelope, EventProducer, eventMessage, partitionKeyOf } from '@meldpunt/messaging';
import { SmtpSink, TestHarness, waitFor, type EventWatcher, type WatchedMessage } from '@meldpunt/testing';
import { testSealKeys } from '../contacts/test-fixtures/contact-sealing';
import {
  startCommunicationTestApp,
  type CommunicationTestApp,
} from '../letters/test-fixtures/communication-test-app';

/**
 * A doctor's decision on real Kafka and Postgres → the school's anonymised class notice in communication's
 * outbox: classes with counts and measures, no ref of anyone; once per case and version, whatever is redelivered.
 */
jest.setTimeout(60_000);

const quarantine = {
  kind: 'quarantine' as const,
  from: '2026-11-20',
  until: '2026-11-27',
  returnToSchool: '2026-11-30',
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
};

describe('school notices (real Kafka and Postgres)', () => {
  let harness: TestHarness;
  let producer: EventProducer;
  let smtp: SmtpSink;
  let app: CommunicationTestApp;
  let watcher: EventWatcher;

  beforeAll(async () => {
    harness = await TestHarness.start();
    watcher = await harness.watch(TOPICS.SCHOOL_NOTICE_ISSUED);
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    smtp = await SmtpSink.start();
    app = await startCommunicationTestApp(harness, {
      sealKeys: await testSealKeys('notice-key'),
      smtpUrl: smtp.url,
      // No guardians are known here: no letter is sent, so no SMS provider is called.
      smsProviderUrl: 'http://127.0.0.1:9/',
    });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await producer?.disconnect();
    await harness?.cleanup();
  });

  async function publish(decision: RiskMeasuresDecidedV1): Promise<EventEnvelope> {
    const envelope = createEnvelope(CONTRACTS, TOPICS.RISK_MEASURES_DECIDED, decision, {
      producer: 'test',
      correlationId: randomUUID(),
    });
    await producer.publish([eventMessage(envelope, partitionKeyOf(CONTRACTS, envelope))]);
    await waitFor(
      async () =>
        (await app.dataSource.query<unknown[]>('SELECT 1 FROM inbox WHERE event_id = $1', [envelope.eventId]))
          .length > 0,
      { timeoutMs: 30_000, description: `decision ${envelope.eventId} handled` },
    );
    return envelope;
  }

  const noticeOf = (message: WatchedMessage) =>
    (message.json as EventEnvelope<string, SchoolNoticeIssuedV1>).payload;

  it('issues one anonymised notice per version, with classes, counts and measures', async () => {
    const caseId = randomUUID();
    const schoolId = randomUUID();
    const clbId = randomUUID();
    const classId = randomUUID();
    const groupId = randomUUID();
    const householdId = randomUUID();
    const refs = Array.from({ length: 4 }, () => randomUUID());
    const decision = (version: number): RiskMeasuresDecidedV1 => ({
      caseId,
      clbId,
      schoolId,
      disease: 'measles',
      decisionVersion: version,
      decidedAt: new Date().toISOString(),
      contacts: refs.map((ref, index) => ({
        contactRef: ref,
        contactKind: index === 3 ? ('staff' as const) : ('pupil' as const),
        risk: index === 2 ? ('low' as const) : ('high' as const),
        measures: index === 2 ? [] : [quarantine],
        letterKind: null,
        changed: version === 1 || index === 2,
        exposureIds: index === 0 ? [classId, householdId] : [classId],
      })),
      withdrawnContactRefs: [],
      exposures: [
        { exposureId: classId, kind: 'class', groupId, activity: null, lastContactDate: '2026-11-19' },
        {
          exposureId: householdId,
          kind: 'household',
          groupId: null,
          activity: null,
          lastContactDate: '2026-11-19',
        },
      ],
    });
    const v1 = await publish(decision(1));
    await publish(decision(1)); // the same version again, as a new event
    await publish(decision(2));
    // Every communication app of a parallel test run reads the shared topics: count this app's notices, in its
    // outbox (written in the decision's inbox transaction, which publish() waited for).
    const mine = await app.dataSource.query<{ envelope: EventEnvelope<string, SchoolNoticeIssuedV1> }[]>(
      `SELECT envelope FROM outbox WHERE topic = $1 AND envelope->'payload'->>'caseId' = $2 ORDER BY created_at`,
      [TOPICS.SCHOOL_NOTICE_ISSUED, caseId],
    );
    expect(mine.map((row) => row.envelope.payload.decisionVersion)).toEqual([1, 2]);
    const first = mine[0]?.envelope as EventEnvelope<string, SchoolNoticeIssuedV1>;
    expect(first.causationId).toBe(v1.eventId);
    // …and the relay put them on Kafka.
    const published = await watcher.waitFor((message) => message.eventId === mine[1]?.envelope.eventId, {
      timeoutMs: 20_000,
      description: "this app's notice of version 2 on Kafka",
    });
    expect(noticeOf(published).decisionVersion).toBe(2);
    expect(first.payload.classes).toEqual([
      {
        kind: 'class',
        groupId,
        activity: null,
        lastContactDate: '2026-11-19',
        changed: true,
        groups: [
          { risk: 'high', pupils: 2, staff: 1, measures: [quarantine] },
          { risk: 'low', pupils: 1, staff: 0, measures: [] },
        ],
      },
    ]);
    for (const ref of refs) expect(JSON.stringify(first)).not.toContain(ref);
  });
});
