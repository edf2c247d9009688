import { randomUUID } from 'node:crypto';
import { TOPICS, type MeldingReceivedV1 } from '@meldpunt/contracts';
import { isNonRetriable } from '@meldpunt/messaging';
import { FixedClock } from '../../calendar/clock';
import { UnknownSchoolError } from '../cases.errors';
import { FakeProtocolEvaluator } from '../test-fixtures/fake-protocol-evaluator';
import { InMemoryCases } from '../test-fixtures/in-memory-cases';

const CLB_A = randomUUID();
const CLB_B = randomUUID();
const SCHOOL = randomUUID();
const CLASS = randomUUID();
const OTHER_CLASS = randomUUID();
const [INDEX = '', ANNA = '', BERT = '', CHLOE = ''] = Array.from({ length: 4 }, () => randomUUID());
const JUF = randomUUID();

function melding(overrides: Partial<MeldingReceivedV1> = {}): MeldingReceivedV1 {
  return {
    meldingId: randomUUID(),
    reference: 'M-2026-000001',
    schoolId: SCHOOL,
    clbIds: [CLB_A],
    subject: { kind: 'pupil', ref: INDEX },
    disease: 'measles',
    onsetDate: '2026-03-02',
    test: null,
    lastDayPresent: '2026-03-02',
    groupIds: [CLASS],
    activities: [],
    channel: 'form',
    receivedAt: '2026-03-03T09:00:00.000Z',
    ...overrides,
  };
}

describe('ReceiveMeldingUseCase', () => {
  let store: InMemoryCases;
  let evaluator: FakeProtocolEvaluator;
  let clock: FixedClock;
  let useCases: ReturnType<InMemoryCases['useCases']>;
  const receive = (payload: MeldingReceivedV1) =>
    useCases.receive.execute(store.manager, {
      eventId: randomUUID(),
      correlationId: payload.meldingId,
      payload,
    });

  beforeEach(() => {
    store = new InMemoryCases();
    evaluator = new FakeProtocolEvaluator();
    clock = new FixedClock('2026-03-03T09:00:05.000Z');
    useCases = store.useCases(evaluator, clock);
    store.schools.set(SCHOOL, { id: SCHOOL, clbId: CLB_A, levels: ['lager'] });
    store.addGroup({
      schoolId: SCHOOL,
      groupId: CLASS,
      schoolYear: '2025-2026',
      kind: 'class',
      name: '3B',
      level: 'lager',
      pupilRefs: [INDEX, ANNA, BERT],
      staffRefs: [JUF],
    });
  });

  it('refuses (retriably) a melding of a school the directory does not know, without writing anything', async () => {
    const error: unknown = await receive(melding({ schoolId: randomUUID() })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UnknownSchoolError);
    expect(isNonRetriable(error)).toBe(false);
    expect(store.cases.size).toBe(0);
  });

  it('opens a case per CLB with the class as contacts: classmates and the teacher, not the index', async () => {
    await receive(melding({ clbIds: [CLB_A, CLB_B] }));
    expect(store.cases.size).toBe(2);
    const riskCase = store.caseOf(CLB_A, INDEX);
    expect(riskCase).toMatchObject({
      status: 'open',
      urgency: 'high',
      level: 'lager',
      contactCount: 3,
      highRiskCount: 2,
      queuedAt: new Date('2026-03-03T09:00:00.000Z'),
    });
    const contacts = store.contactsOf(riskCase.id);
    expect(contacts.map((contact) => [contact.contactRef, contact.contactType, contact.risk]).sort()).toEqual(
      [
        [ANNA, 'classmate', 'high'],
        [BERT, 'classmate', 'high'],
        [JUF, 'teacher', 'low'],
      ].sort(),
    );
    // Identical questions are asked once: two classmates, one teacher → two proposals per case.
    expect(evaluator.proposeCalls).toHaveLength(4);
    expect(evaluator.proposeCalls[0]).toMatchObject({
      on: '2026-03-03',
      input: { disease: 'measles', level: 'lager' },
    });
    expect(store.notified.map((change) => change.kind)).toEqual(['case-opened', 'case-opened']);
    // measles is urgent (high) in the stand-in: both CLBs' rotas hear of it.
    const announced = store.outbox.filter((event) => event.type === TOPICS.RISK_CASE_OPENED);
    expect(announced.map((event) => [event.type, (event.payload as { clbId: string }).clbId]).sort()).toEqual(
      [
        [TOPICS.RISK_CASE_OPENED, CLB_A],
        [TOPICS.RISK_CASE_OPENED, CLB_B],
      ].sort(),
    );
  });

  it('always gives the school’s own CLB (from the directory) a case', async () => {
    await receive(melding({ clbIds: [CLB_B] }));
    expect([...store.cases.values()].map((found) => found.clbId).sort()).toEqual([CLB_A, CLB_B].sort());
  });

  it('does not announce a case of normal urgency', async () => {
    await receive(melding({ disease: 'mumps' }));
    expect(store.cases.size).toBe(1);
    expect(store.outbox.filter((event) => event.type === TOPICS.RISK_CASE_OPENED)).toEqual([]);
  });

  it('tells the school once that the CLB has its melding, even when two CLBs get a case', async () => {
    const received = melding({ clbIds: [CLB_A, CLB_B] });
    await receive(received);
    await receive(received);
    const progressed = store.outbox.filter((event) => event.type === TOPICS.RISK_MELDING_PROGRESSED);
    expect(progressed.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        meldingId: received.meldingId,
        stage: 'being-assessed',
        decisionVersion: null,
      }),
    ]);
  });

  it('adds a later melding of the same person to the case, and a corrected date moves the contacts', async () => {
    await receive(melding());
    const riskCase = store.caseOf(CLB_A, INDEX);
    store.cases.set(riskCase.id, { ...riskCase, status: 'decided', decisionVersion: 1 });
    clock.set('2026-03-04T10:00:00.000Z');
    await receive(melding({ lastDayPresent: '2026-02-27', receivedAt: '2026-03-04T09:59:00.000Z' }));
    expect(store.cases.size).toBe(1);
    expect(store.caseOf(CLB_A, INDEX)).toMatchObject({
      status: 'open',
      reassessment: true,
      lastDayPresent: '2026-02-27',
      queuedAt: new Date('2026-03-04T10:00:00.000Z'),
      decisionVersion: 1,
    });
    expect(store.contactsOf(riskCase.id).map((contact) => contact.lastContactDate)).toEqual([
      '2026-02-27',
      '2026-02-27',
      '2026-02-27',
    ]);
    expect(store.timeline.map((entry) => entry.kind)).toEqual(['opened', 'melding-added', 'reopened']);
  });

  it('changes nothing for a melding the case has already', async () => {
    const payload = melding();
    await receive(payload);
    await receive(payload);
    expect(store.meldingen).toHaveLength(1);
    expect(store.timeline.map((entry) => entry.kind)).toEqual(['opened']);
  });

  it('reopens the cases in the class for a second case: classmates are proposed for a cluster', async () => {
    await receive(melding());
    const first = store.caseOf(CLB_A, INDEX);
    store.cases.set(first.id, { ...first, status: 'decided', decisionVersion: 1 });
    await receive(melding({ subject: { kind: 'pupil', ref: ANNA } }));
    expect(store.caseOf(CLB_A, INDEX)).toMatchObject({ status: 'open', reassessment: true });
    const bert = store.contactsOf(first.id).find((contact) => contact.contactRef === BERT);
    expect(bert?.proposal.rule.ruleId).toBe('close-cluster');
    expect(store.timeline.filter((entry) => entry.caseId === first.id).map((entry) => entry.kind)).toEqual([
      'opened',
      'related-case',
      'reopened',
    ]);
    // The second person's own case counts both too.
    const second = store.caseOf(CLB_A, ANNA);
    expect(
      store.contactsOf(second.id).find((contact) => contact.contactRef === BERT)?.proposal.rule.ruleId,
    ).toBe('close-cluster');
  });

  it('waits for a group whose roster has not arrived, then adds its members as contacts', async () => {
    await receive(melding({ groupIds: [OTHER_CLASS], activities: ['excursion'] }));
    const riskCase = store.caseOf(CLB_A, INDEX);
    expect(riskCase.contactCount).toBe(0);
    const exposures = [...store.exposures.values()];
    expect(exposures.map((exposure) => [exposure.kind, exposure.awaitingRoster, exposure.activity])).toEqual([
      ['group', true, null],
      ['activity', false, 'excursion'],
    ]);
    await useCases.applyGroup.execute(
      store.manager,
      {
        schoolId: SCHOOL,
        groupId: OTHER_CLASS,
        schoolYear: '2025-2026',
        kind: 'class',
        name: '4A',
        level: 'lager',
        pupilRefs: [CHLOE, INDEX],
        staffRefs: [],
      },
      new Date('2026-03-03T10:00:00Z'),
    );
    expect(store.caseOf(CLB_A, INDEX).contactCount).toBe(1);
    expect(store.contactsOf(riskCase.id).map((contact) => [contact.contactRef, contact.contactType])).toEqual(
      [[CHLOE, 'classmate']],
    );
    expect([...store.exposures.values()][0]).toMatchObject({
      kind: 'class',
      label: '4A',
      awaitingRoster: false,
    });
  });

  it('keeps overrides, vaccination and removals when it proposes again', async () => {
    await receive(melding());
    const riskCase = store.caseOf(CLB_A, INDEX);
    for (const contact of store.contactsOf(riskCase.id)) {
      if (contact.contactRef === ANNA) contact.vaccinated = true;
      if (contact.contactRef === BERT) contact.override = { risk: 'low', reason: 'r', by: 'd', at: 'now' };
      if (contact.contactRef === JUF) contact.removedAt = new Date();
    }
    await useCases.assessor.reassess(store.manager, store.caseOf(CLB_A, INDEX));
    const byRef = new Map(store.contactsOf(riskCase.id).map((contact) => [contact.contactRef, contact]));
    expect(byRef.get(ANNA)).toMatchObject({
      vaccinated: true,
      risk: 'none',
      proposal: { rule: { ruleId: 'vaccinated' } },
    });
    expect(byRef.get(BERT)).toMatchObject({ risk: 'low', proposal: { risk: 'high' } });
    expect(byRef.get(JUF)?.removedAt).not.toBeNull();
  });
});
