import { randomUUID } from 'node:crypto';
import type { Principal } from '@meldpunt/auth';
import { CONTRACTS, TOPICS, type EventPayloads, type Topic } from '@meldpunt/contracts';
import { createEnvelope, EventProducer, eventMessage, partitionKeyOf } from '@meldpunt/messaging';
import { bearerFor, TestHarness, waitFor, type EventWatcher } from '@meldpunt/testing';
import type { CaseDetailDto, ContactDto, QueueResponseDto } from './dto/case.response.dto';
import { FakeProtocolEvaluator } from './test-fixtures/fake-protocol-evaluator';
import { SseClient, startRiskTestApp, type RiskTestApp } from './test-fixtures/risk-test-app';

/**
 * The risk queue on real Kafka and Postgres: roster and directory events, then a melding on
 * meldingen.melding.received.v1, become a case per CLB with the right contacts and proposals; the queue API is
 * scoped per CLB, only doctors approve, a decision is published once and names nobody, letter statuses come back,
 * new facts reopen the case, an unknown school is dead-lettered, and the live stream announces new cases.
 */

const CLB_A = randomUUID();
const CLB_B = randomUUID();
const CLB_C = randomUUID();
const SCHOOL_A = randomUUID();
const INTERNAAT_B = randomUUID();
const CLASS_3B = randomUUID();
const LIVING_GROUP = randomUUID();
const SCHOOL_NAME = 'Basisschool De Regenboog (test)';
const PUPILS = Array.from({ length: 24 }, () => randomUUID());
const INDEX = PUPILS[0] ?? '';
const BOTH = PUPILS[1] ?? ''; // a classmate who also boards in the index's living group
const TEACHERS = [randomUUID(), randomUUID()];
const BOARDERS = Array.from({ length: 8 }, () => randomUUID());
const EDUCATOR = randomUUID();
const REASON = 'Zat de hele week aan de andere kant van de klas';

const user = (
  role: Principal['role'],
  clbId: string,
  userId = `${role}-${clbId.slice(0, 6)}`,
): Principal => ({
  userId,
  role,
  clbIds: [clbId],
  schoolIds: [],
});
const DOCTOR_A = user('doctor', CLB_A);
const STAFF_A = user('clb-staff', CLB_A);
const DOCTOR_B = user('doctor', CLB_B);
const DOCTOR_C = user('doctor', CLB_C);

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('cases (real Kafka and Postgres)', () => {
  let harness: TestHarness;
  let risk: RiskTestApp;
  let producer: EventProducer;
  let watcher: EventWatcher;
  let sse: SseClient;
  let caseA: CaseDetailDto;
  const evaluator = new FakeProtocolEvaluator();
  const eventIds: string[] = [];

  async function publish<T extends Topic>(
    topic: T,
    payload: EventPayloads[T],
    occurredAt?: Date,
  ): Promise<string> {
    const envelope = createEnvelope(CONTRACTS, topic, payload, {
      producer: 'test',
      correlationId: randomUUID(),
      ...(occurredAt ? { occurredAt } : {}),
    });
    await producer.publish([eventMessage(envelope, partitionKeyOf(CONTRACTS, envelope))]);
    eventIds.push(envelope.eventId);
    return envelope.eventId;
  }

  async function handled(eventId: string, description: string): Promise<void> {
    await waitFor(
      async () => {
        const rows: unknown[] = await risk.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [
          eventId,
        ]);
        return rows.length > 0;
      },
      { timeoutMs: 45_000, intervalMs: 100, description },
    );
  }

  function melding(
    subjectRef: string,
    overrides: Partial<EventPayloads[typeof TOPICS.MELDING_RECEIVED]> = {},
  ): EventPayloads[typeof TOPICS.MELDING_RECEIVED] {
    return {
      meldingId: randomUUID(),
      reference: `M-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
      schoolId: SCHOOL_A,
      clbIds: [CLB_A],
      subject: { kind: 'pupil', ref: subjectRef },
      disease: 'meningococcal',
      onsetDate: daysAgo(1),
      test: { date: today, result: 'positive' },
      lastDayPresent: daysAgo(1),
      groupIds: [CLASS_3B],
      activities: [],
      channel: 'form',
      receivedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  async function getCase(principal: Principal, id: string): Promise<CaseDetailDto> {
    const answer = await risk.call(principal, 'GET', `/v1/cases/${id}`);
    expect(answer.status).toBe(200);
    return answer.body as CaseDetailDto;
  }

  const contact = (detail: CaseDetailDto, ref: string): ContactDto => {
    const found = detail.contacts.find((candidate) => candidate.contactRef === ref);
    if (!found) throw new Error(`no contact ${ref}`);
    return found;
  };

  async function decidedRows(
    caseId: string,
  ): Promise<Array<{ envelope: { payload: Record<string, unknown> } }>> {
    return risk.dataSource.query(
      `SELECT envelope FROM outbox WHERE topic = $1 AND envelope->'payload'->>'caseId' = $2 ORDER BY created_at`,
      [TOPICS.RISK_MEASURES_DECIDED, caseId],
    );
  }

  /** Stages (with decision version) the case's meldingen were announced at, in order. */
  async function progressedStages(caseId: string): Promise<string[]> {
    const rows: Array<{ stage: string; version: number | null }> = await risk.dataSource.query(
      `SELECT envelope->'payload'->>'stage' AS stage, (envelope->'payload'->>'decisionVersion')::int AS version
         FROM outbox WHERE topic = $1 AND envelope->'payload'->>'caseId' = $2 ORDER BY created_at`,
      [TOPICS.RISK_MELDING_PROGRESSED, caseId],
    );
    return rows.map((row) => (row.version === null ? row.stage : `${row.stage}@${row.version}`));
  }

  beforeAll(async () => {
    harness = await TestHarness.start({ redis: true });
    risk = await startRiskTestApp(harness, { evaluator });
    producer = new EventProducer(harness.kafka);
    await producer.connect();
    watcher = await harness.watch([TOPICS.RISK_CASE_OPENED, TOPICS.RISK_MEASURES_DECIDED]);
    await publish(TOPICS.CLB_REGISTERED, { clbId: CLB_A, name: 'CLB A (test)' });
    await publish(TOPICS.CLB_REGISTERED, { clbId: CLB_B, name: 'CLB B (test)' });
    await publish(TOPICS.SCHOOL_REGISTERED, {
      schoolId: SCHOOL_A,
      clbId: CLB_A,
      instellingsnummer: '123456',
      name: SCHOOL_NAME,
      levels: ['lager'],
    });
    const internaat = await publish(TOPICS.SCHOOL_REGISTERED, {
      schoolId: INTERNAAT_B,
      clbId: CLB_B,
      instellingsnummer: '654321',
      name: 'Internaat Ter Schelde (test)',
      levels: ['secundair'],
      isInternaat: true,
    });
    await handled(internaat, 'the internaat in the directory replica');
  }, 120_000);

  afterAll(async () => {
    // The app closes with the live stream still open: it must end the stream rather than wait for it.
    await risk?.close();
    sse?.close();
    await producer?.disconnect();
    await harness?.cleanup();
  }, 60_000);

  it('keeps the newest membership of a group whatever order its events arrive in', async () => {
    const newer = new Date();
    const older = new Date(newer.getTime() - 60_000);
    await publish(
      TOPICS.GROUP_MEMBERSHIP_CHANGED,
      {
        schoolId: INTERNAAT_B,
        groupId: LIVING_GROUP,
        schoolYear: '2026-2027',
        kind: 'living-group',
        name: 'Leefgroep Noord',
        level: 'secundair',
        pupilRefs: [INDEX, BOTH, ...BOARDERS],
        staffRefs: [EDUCATOR],
      },
      newer,
    );
    // A retried older event arrives after the newer one: it must not roll the group back.
    const stale = await publish(
      TOPICS.GROUP_MEMBERSHIP_CHANGED,
      {
        schoolId: INTERNAAT_B,
        groupId: LIVING_GROUP,
        schoolYear: '2026-2027',
        kind: 'living-group',
        name: 'Leefgroep Noord (oud)',
        level: 'secundair',
        pupilRefs: [],
        staffRefs: [],
      },
      older,
    );
    const klas = await publish(TOPICS.GROUP_MEMBERSHIP_CHANGED, {
      schoolId: SCHOOL_A,
      groupId: CLASS_3B,
      schoolYear: '2026-2027',
      kind: 'class',
      name: '3B',
      level: 'lager',
      pupilRefs: PUPILS,
      staffRefs: TEACHERS,
    });
    await handled(stale, 'the stale membership event');
    await handled(klas, 'the class membership event');
    const [group] = await risk.dataSource.query<Array<{ name: string; pupil_refs: string[] }>>(
      'SELECT name, pupil_refs FROM roster_group WHERE id = $1',
      [LIVING_GROUP],
    );
    expect(group?.name).toBe('Leefgroep Noord');
    expect(group?.pupil_refs).toHaveLength(10);
  });

  it('turns a melding into a case per CLB with every classmate, teacher and boarder as contact, live', async () => {
    sse = await SseClient.open(`${risk.baseUrl}/v1/cases/stream`, bearerFor(DOCTOR_A, 'risk-assessment'));
    expect(sse.status).toBe(200);
    expect(sse.contentType).toMatch(/^text\/event-stream/);
    await sse.waitFor((event) => event.event === 'ready');

    const payload = melding(INDEX, {
      clbIds: [CLB_A, CLB_B],
      groupIds: [CLASS_3B, LIVING_GROUP],
      activities: ['excursion'],
    });
    await publish(TOPICS.MELDING_RECEIVED, payload);

    const live = await sse.waitFor((event) => event.event === 'case-opened', 45_000);
    const queue = (await risk.call(DOCTOR_A, 'GET', '/v1/cases')).body as QueueResponseDto;
    expect(queue.items).toHaveLength(1);
    const [item] = queue.items;
    expect(live.data).toMatchObject({ id: item?.id, clbId: CLB_A, status: 'open' });
    expect(item).toMatchObject({
      clbId: CLB_A,
      schoolId: SCHOOL_A,
      schoolName: SCHOOL_NAME,
      reference: payload.reference,
      disease: 'meningococcal',
      urgency: 'critical',
      alwaysPage: true,
      status: 'open',
      decisionVersion: 0,
      contactCount: 34,
    });
    expect(item?.deadline).toBe(new Date(Date.parse(payload.receivedAt) + 24 * 3_600_000).toISOString());
    expect(item?.waitingSeconds).toBeGreaterThanOrEqual(0);

    caseA = await getCase(DOCTOR_A, item?.id ?? '');
    expect(caseA.subject).toEqual({ kind: 'pupil', ref: INDEX });
    expect(caseA.meldingen.map((entry) => entry.meldingId)).toEqual([payload.meldingId]);
    expect(caseA.exposures.map((exposure) => [exposure.kind, exposure.label, exposure.memberCount])).toEqual([
      ['class', '3B', 26],
      ['living-group', 'Leefgroep Noord', 11],
      ['activity', null, 0],
    ]);
    // The index person is nobody's contact; the classmate who also boards is one contact, the closest type.
    expect(caseA.contacts.map((entry) => entry.contactRef)).not.toContain(INDEX);
    expect(new Set(caseA.contacts.map((entry) => entry.contactRef)).size).toBe(34);
    expect(contact(caseA, BOTH)).toMatchObject({
      contactType: 'boarding-group',
      level: 'secundair',
      lastContactDate: payload.lastDayPresent,
    });
    expect(contact(caseA, BOTH).exposureIds).toHaveLength(2);
    for (const teacher of TEACHERS) {
      expect(contact(caseA, teacher)).toMatchObject({
        contactKind: 'staff',
        contactType: 'teacher',
        level: 'lager',
      });
      expect(contact(caseA, teacher).proposal).toMatchObject({ risk: 'low', rule: { ruleId: 'distant' } });
    }
    expect(contact(caseA, EDUCATOR)).toMatchObject({ contactType: 'teacher', level: 'secundair' });
    const classmate = contact(caseA, PUPILS[5] ?? '');
    expect(classmate).toMatchObject({
      contactKind: 'pupil',
      contactType: 'classmate',
      lastContactDate: payload.lastDayPresent,
    });
    expect(classmate.proposal).toMatchObject({
      risk: 'high',
      letterKind: 'meningococcal-high',
      rule: { protocolId: 'fake-meningococcal', ruleId: 'close' },
    });
    expect(classmate.effective).toMatchObject({ risk: 'high', source: 'proposal' });
    expect(caseA.highRiskCount).toBe(23 + 8);
    expect(caseA.timeline.map((entry) => entry.kind)).toEqual(['opened']);

    // The internaat's CLB has its own case of the same melding; the rota hears of both.
    const rows = await risk.dataSource.query<Array<{ clb_id: string }>>(
      'SELECT clb_id FROM risk_case WHERE subject_ref = $1 ORDER BY clb_id',
      [INDEX],
    );
    expect(rows.map((row) => row.clb_id).sort()).toEqual([CLB_A, CLB_B].sort());
    const opened = await watcher.waitFor(
      (message) => (message.json as { payload?: { caseId?: string } }).payload?.caseId === caseA.id,
      { timeoutMs: 15_000, description: 'risk.case.opened.v1 of case A' },
    );
    expect(opened.topic).toBe(TOPICS.RISK_CASE_OPENED);
    expect((opened.json as { payload: unknown }).payload).toMatchObject({
      clbId: CLB_A,
      schoolId: SCHOOL_A,
      disease: 'meningococcal',
      urgency: 'critical',
      alwaysPage: true,
      reopened: false,
    });
  }, 90_000);

  it('scopes the queue and the case page to the caller’s CLB', async () => {
    expect((await risk.call(DOCTOR_B, 'GET', `/v1/cases/${caseA.id}`)).status).toBe(404);
    expect((await risk.call(DOCTOR_B, 'POST', `/v1/cases/${caseA.id}/claim`)).status).toBe(404);
    expect((await risk.call(DOCTOR_B, 'POST', `/v1/cases/${caseA.id}/approve`)).status).toBe(404);
    const queueB = (await risk.call(DOCTOR_B, 'GET', '/v1/cases')).body as QueueResponseDto;
    expect(queueB.items.map((item) => item.clbId)).toEqual([CLB_B]);
    expect(queueB.items.map((item) => item.id)).not.toContain(caseA.id);
    const queueC = (await risk.call(DOCTOR_C, 'GET', '/v1/cases?status=all')).body as QueueResponseDto;
    expect(queueC).toMatchObject({ items: [], total: 0 });
    expect((await risk.call(DOCTOR_C, 'GET', `/v1/cases/${caseA.id}`)).status).toBe(404);
    const school: Principal = { userId: 'school-1', role: 'school', clbIds: [], schoolIds: [SCHOOL_A] };
    expect((await risk.call(school, 'GET', '/v1/cases')).status).toBe(403);
    expect((await risk.call(null, 'GET', '/v1/cases')).status).toBe(401);
    expect((await risk.call(DOCTOR_A, 'GET', '/v1/cases/not-a-uuid')).status).toBe(404);
  });

  it('lets CLB staff prepare but only a doctor approve, publishing one decision that names nobody', async () => {
    const claim = await risk.call(STAFF_A, 'POST', `/v1/cases/${caseA.id}/claim`);
    expect(claim.status).toBe(200);
    expect((claim.body as CaseDetailDto).assigneeId).toBe(STAFF_A.userId);
    expect((await risk.call(DOCTOR_A, 'POST', `/v1/cases/${caseA.id}/claim`)).status).toBe(409);

    const selected = [PUPILS[10], PUPILS[11], PUPILS[12]].map((ref) => contact(caseA, ref ?? '').id);
    const noReason = await risk.call(STAFF_A, 'PATCH', `/v1/cases/${caseA.id}/contacts`, {
      contactIds: selected,
      risk: 'none',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ fields: [{ field: 'reason' }] });
    const reclassified = await risk.call(STAFF_A, 'PATCH', `/v1/cases/${caseA.id}/contacts`, {
      contactIds: selected,
      risk: 'none',
      reason: REASON,
    });
    expect(reclassified.status).toBe(200);
    const prepared = reclassified.body as CaseDetailDto;
    for (const id of selected) {
      const entry = prepared.contacts.find((candidate) => candidate.id === id);
      expect(entry?.override).toMatchObject({ risk: 'none', reason: REASON, by: STAFF_A.userId });
      expect(entry?.effective).toEqual({
        risk: 'none',
        measures: [],
        letterKind: null,
        source: 'override-none',
      });
      expect(entry?.proposal.risk).toBe('high');
    }
    expect(prepared.highRiskCount).toBe(31 - 3);

    const refused = await risk.call(STAFF_A, 'POST', `/v1/cases/${caseA.id}/approve`);
    expect(refused.status).toBe(403);
    expect(await decidedRows(caseA.id)).toHaveLength(0);

    const approved = await risk.call(DOCTOR_A, 'POST', `/v1/cases/${caseA.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ decisionVersion: 1, published: true, changedCount: 34 });
    expect((approved.body as { case: CaseDetailDto }).case).toMatchObject({
      status: 'decided',
      decisionVersion: 1,
    });

    const published = await watcher.waitFor(
      (message) =>
        message.topic === TOPICS.RISK_MEASURES_DECIDED &&
        (message.json as { payload?: { caseId?: string } }).payload?.caseId === caseA.id,
      { timeoutMs: 15_000, description: 'risk.measures.decided.v1 of case A' },
    );
    expect(published.key).toBe(caseA.id);
    const decision = (published.json as { payload: EventPayloads[typeof TOPICS.RISK_MEASURES_DECIDED] })
      .payload;
    expect(decision).toMatchObject({
      caseId: caseA.id,
      clbId: CLB_A,
      schoolId: SCHOOL_A,
      decisionVersion: 1,
    });
    expect(decision.contacts).toHaveLength(34);
    expect(decision.contacts.every((entry) => entry.changed)).toBe(true);
    expect(decision.contacts.find((entry) => entry.contactRef === PUPILS[10])).toEqual({
      contactRef: PUPILS[10],
      contactKind: 'pupil',
      risk: 'none',
      measures: [],
      letterKind: null,
      changed: true,
      exposureIds: [expect.any(String) as string],
    });
    // Where they met, for the school's class notice: ids and enums only.
    expect(decision.exposures).toContainEqual({
      exposureId: decision.contacts.find((entry) => entry.contactRef === PUPILS[10])?.exposureIds?.[0],
      kind: 'class',
      groupId: CLASS_3B,
      activity: null,
      lastContactDate: expect.any(String) as string,
    });
    expect(decision.contacts.find((entry) => entry.contactRef === PUPILS[5])).toMatchObject({
      risk: 'high',
      letterKind: 'meningococcal-high',
      measures: [{ kind: 'quarantine', until: expect.any(String) as string }],
    });
    // Nothing that names anyone or carries free text: no group or school names, descriptions or reasons.
    const text = published.value ?? '';
    for (const forbidden of [
      SCHOOL_NAME,
      '3B',
      'Leefgroep',
      'Quarantaine',
      REASON,
      'description',
      'reason',
      'label',
    ]) {
      expect(text).not.toContain(forbidden);
    }

    // Approving again without a change publishes nothing new.
    const again = await risk.call(DOCTOR_A, 'POST', `/v1/cases/${caseA.id}/approve`);
    expect(again.body).toMatchObject({ decisionVersion: 1, published: false, changedCount: 0 });
    expect(await decidedRows(caseA.id)).toHaveLength(1);
    // The school's melding moved on: in a CLB's queue, then measures decided (once, not again for the repeat).
    const stages = await progressedStages(caseA.id);
    expect(stages.filter((stage) => stage.startsWith('measures-decided'))).toEqual(['measures-decided@1']);
  }, 60_000);

  it('shows what became of the letters, whatever order the statuses arrive in', async () => {
    const guardian = randomUUID();
    const at = Date.now();
    await publish(TOPICS.DELIVERY_UPDATED, {
      caseId: caseA.id,
      decisionVersion: 1,
      contactRef: PUPILS[5] ?? '',
      guardianRef: guardian,
      status: 'delivered',
      channel: 'email',
      at: new Date(at).toISOString(),
    });
    const late = await publish(TOPICS.DELIVERY_UPDATED, {
      caseId: caseA.id,
      decisionVersion: 1,
      contactRef: PUPILS[5] ?? '',
      guardianRef: guardian,
      status: 'failed',
      channel: 'email',
      at: new Date(at - 5_000).toISOString(),
    });
    const unreachable = await publish(TOPICS.DELIVERY_UPDATED, {
      caseId: caseA.id,
      decisionVersion: 1,
      contactRef: PUPILS[6] ?? '',
      guardianRef: null,
      status: 'unreachable',
      channel: null,
      at: new Date(at).toISOString(),
    });
    await handled(late, 'the late letter status');
    await handled(unreachable, 'the unreachable letter status');
    const detail = await getCase(DOCTOR_A, caseA.id);
    expect(contact(detail, PUPILS[5] ?? '')).toMatchObject({
      letterStatus: 'delivered',
      letters: [{ decisionVersion: 1, guardianRef: guardian, status: 'delivered', channel: 'email' }],
    });
    expect(contact(detail, PUPILS[6] ?? '').letterStatus).toBe('unreachable');
    expect(contact(detail, PUPILS[7] ?? '').letterStatus).toBe('pending');
    expect(contact(detail, PUPILS[10] ?? '').letterStatus).toBe('none');
    expect(await progressedStages(caseA.id)).not.toContain('letters-sent@1');

    // Once every letter of the decision is accounted for, the school sees "letters sent".
    const [decided] = await decidedRows(caseA.id);
    const writtenTo = (
      decided?.envelope.payload['contacts'] as Array<{ contactRef: string; letterKind: string | null }>
    )
      .filter((entry) => entry.letterKind !== null)
      .map((entry) => entry.contactRef);
    expect(writtenTo.length).toBeGreaterThan(2);
    let last = '';
    for (const contactRef of writtenTo) {
      last = await publish(TOPICS.DELIVERY_UPDATED, {
        caseId: caseA.id,
        decisionVersion: 1,
        contactRef,
        guardianRef: randomUUID(),
        status: 'delivered',
        channel: 'sms',
        at: new Date(at + 1_000).toISOString(),
      });
    }
    await handled(last, 'the last letter status');
    await waitFor(async () => (await progressedStages(caseA.id)).includes('letters-sent@1'), {
      timeoutMs: 20_000,
      description: 'letters-sent for decision 1',
    });
  }, 60_000);

  it('reopens the case for a second case in the class, and the next version flags what changed', async () => {
    const second = PUPILS[5] ?? '';
    await publish(TOPICS.MELDING_RECEIVED, melding(second));
    const reopened = await waitFor(
      async () => {
        const detail = await getCase(DOCTOR_A, caseA.id);
        return detail.status === 'open' ? detail : null;
      },
      { timeoutMs: 45_000, description: 'case A reopened' },
    );
    expect(reopened).toMatchObject({ reassessment: true, decisionVersion: 1 });
    expect(reopened.timeline.map((entry) => entry.kind).slice(-2)).toEqual(['related-case', 'reopened']);
    expect(contact(reopened, PUPILS[8] ?? '').proposal.rule.ruleId).toBe('close-cluster');

    const approved = await risk.call(DOCTOR_A, 'POST', `/v1/cases/${caseA.id}/approve`);
    expect(approved.body).toMatchObject({ decisionVersion: 2, published: true });
    const rows = await decidedRows(caseA.id);
    expect(rows).toHaveLength(2);
    const version2 = rows[1]?.envelope.payload as EventPayloads[typeof TOPICS.RISK_MEASURES_DECIDED];
    const changed = (ref: string | undefined) =>
      version2.contacts.find((entry) => entry.contactRef === ref)?.changed;
    expect(changed(PUPILS[8])).toBe(true); // classmate: a test on day 7 now
    expect(changed(BOTH)).toBe(true); // boards too, but also in the class
    expect(changed(BOARDERS[0])).toBe(false); // the living group has one case
    expect(changed(TEACHERS[0])).toBe(false);
    expect(changed(PUPILS[10])).toBe(false); // overridden to no risk: still none
    expect(version2.contacts).toHaveLength(34);
  }, 90_000);

  it('adds contacts to an excursion by hand, removes one, and a corrected date reopens for the next version', async () => {
    const before = await getCase(DOCTOR_A, caseA.id);
    const excursion = before.exposures.find((exposure) => exposure.activity === 'excursion');
    const outsider = randomUUID();
    expect(
      (
        await risk.call(STAFF_A, 'POST', `/v1/cases/${caseA.id}/contacts`, {
          exposureId: excursion?.id,
          contacts: [{ ref: INDEX, kind: 'pupil' }],
        })
      ).body,
    ).toMatchObject({ statusCode: 422, fields: [{ field: 'contacts[0].ref' }] });
    const added = await risk.call(STAFF_A, 'POST', `/v1/cases/${caseA.id}/contacts`, {
      exposureId: excursion?.id,
      contacts: [
        { ref: outsider, kind: 'pupil' },
        { kind: 'external', type: 'household', label: 'gezinslid 1' },
      ],
    });
    expect(added.status).toBe(200);
    const withAdded = added.body as CaseDetailDto;
    expect(withAdded).toMatchObject({ status: 'open', reassessment: true, contactCount: 36 });
    expect(contact(withAdded, outsider)).toMatchObject({
      contactType: 'activity',
      lastContactDate: excursion?.lastContactDate,
      proposal: { risk: 'low' },
    });
    const external = withAdded.contacts.find((entry) => entry.contactKind === 'external');
    expect(external).toMatchObject({
      contactType: 'household',
      label: 'gezinslid 1',
      proposal: { risk: 'high' },
    });

    const removed = await risk.call(
      STAFF_A,
      'DELETE',
      `/v1/cases/${caseA.id}/contacts/${contact(withAdded, outsider).id}`,
    );
    expect(removed.status).toBe(200);
    expect(contact(removed.body as CaseDetailDto, outsider).removed).toBe(true);
    expect((removed.body as CaseDetailDto).contactCount).toBe(35);
    const household = await risk.call(STAFF_A, 'POST', `/v1/cases/${caseA.id}/exposures`, {
      kind: 'household',
      lastContactDate: daysAgo(2),
    });
    expect((household.body as CaseDetailDto).exposures.map((exposure) => exposure.kind)).toContain(
      'household',
    );

    const version3 = await risk.call(DOCTOR_A, 'POST', `/v1/cases/${caseA.id}/approve`);
    expect(version3.body).toMatchObject({ decisionVersion: 3, published: true, changedCount: 1 });

    // The school corrects the index's last day present: the case reopens and every date moves.
    await publish(TOPICS.MELDING_RECEIVED, melding(INDEX, { lastDayPresent: daysAgo(3), clbIds: [CLB_A] }));
    const corrected = await waitFor(
      async () => {
        const detail = await getCase(DOCTOR_A, caseA.id);
        return detail.status === 'open' ? detail : null;
      },
      { timeoutMs: 45_000, description: 'case A reopened by the correction' },
    );
    expect(corrected.facts.lastDayPresent).toBe(daysAgo(3));
    expect(corrected.meldingen).toHaveLength(2);
    expect(contact(corrected, PUPILS[8] ?? '').lastContactDate).toBe(daysAgo(3));
    const version4 = await risk.call(DOCTOR_A, 'POST', `/v1/cases/${caseA.id}/approve`);
    expect(version4.body).toMatchObject({ decisionVersion: 4, published: true });
    const rows = await decidedRows(caseA.id);
    const payload = rows[3]?.envelope.payload as EventPayloads[typeof TOPICS.RISK_MEASURES_DECIDED];
    expect(payload.contacts.find((entry) => entry.contactRef === PUPILS[8])?.changed).toBe(true);
    expect(payload.contacts.find((entry) => entry.contactKind === 'external')?.changed).toBe(false);
  }, 90_000);

  it('retries a melding of an unknown school, then dead-letters it with the reason', async () => {
    const dlq = await harness.watch(`${risk.consumerGroup}.dlq`);
    const unknown = randomUUID();
    const eventId = await publish(TOPICS.MELDING_RECEIVED, melding(randomUUID(), { schoolId: unknown }));
    const dead = await dlq.waitFor((message) => message.headers['event-id'] === eventId, {
      timeoutMs: 45_000,
      description: 'the dead letter of the unknown school',
    });
    expect(dead.headers['x-error']).toContain(`unknown school ${unknown}`);
    expect(dead.headers['x-attempts']).toBe('3');
    expect(dead.headers['x-original-topic']).toBe(TOPICS.MELDING_RECEIVED);
    const cases: unknown[] = await risk.dataSource.query('SELECT 1 FROM risk_case WHERE school_id = $1', [
      unknown,
    ]);
    expect(cases).toHaveLength(0);
  }, 60_000);
});
