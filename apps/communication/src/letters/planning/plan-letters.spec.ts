import type { GuardianContactV1, RiskMeasuresDecidedV1 } from '@meldpunt/contracts';
import { letterKindOf } from './letter-kind';
import {
  channelFor,
  messageKey,
  planLetters,
  UnknownLetterKindError,
  type PlanningGuardian,
} from './plan-letters';

const CASE = '00000000-0000-4000-8000-00000000c0de';
const SCHOOL = '00000000-0000-4000-8000-0000000005c1';
const CLB = '00000000-0000-4000-8000-000000000c1b';
const ref = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [ZOE, LOU, MILA, STAFF] = [ref(1), ref(2), ref(3), ref(4)];

const quarantine = {
  kind: 'quarantine' as const,
  from: '2026-11-20',
  until: '2026-11-30',
  returnToSchool: '2026-12-01',
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
};

function contact(overrides: Partial<GuardianContactV1> = {}): GuardianContactV1 {
  return {
    name: 'Élise Peeters',
    householdLabel: 'gezin 1',
    language: 'nl',
    email: 'elise@example.be',
    mobile: '+32470123456',
    preferredChannel: 'email',
    pupilFirstName: 'Zoë',
    pupilLastName: 'Peeters',
    ...overrides,
  };
}

function decision(
  contacts: {
    ref: string;
    changed?: boolean;
    letterKind?: string | null;
    kind?: 'pupil' | 'staff' | 'external';
  }[],
  version = 1,
): RiskMeasuresDecidedV1 {
  return {
    caseId: CASE,
    clbId: CLB,
    schoolId: SCHOOL,
    disease: 'measles',
    decisionVersion: version,
    decidedAt: '2026-11-20T10:00:00+01:00',
    contacts: contacts.map((entry) => ({
      contactRef: entry.ref,
      contactKind: entry.kind ?? 'pupil',
      risk: 'high',
      measures: [quarantine],
      letterKind: entry.letterKind === undefined ? 'measles-high-risk' : entry.letterKind,
      changed: entry.changed ?? true,
    })),
    withdrawnContactRefs: [],
  };
}

const guardian = (
  pupilRef: string,
  guardianRef: string,
  details: Partial<GuardianContactV1> = {},
): PlanningGuardian => ({
  pupilRef,
  guardianRef,
  contact: contact(details),
});

describe('planLetters', () => {
  it('sends one letter per guardian address covering all their affected children (siblings merged)', () => {
    // Zoë and Lou are siblings: intake gives each pupil's guardian its own ref, the address is the same.
    const plan = planLetters(decision([{ ref: ZOE }, { ref: LOU }, { ref: MILA }]), [
      guardian(ZOE, ref(11)),
      guardian(LOU, ref(12), { email: ' Elise@Example.be ', pupilFirstName: 'Lou' }),
      guardian(MILA, ref(13), { email: 'other@example.be', pupilFirstName: 'Mila' }),
    ]);
    expect(plan.unreachable).toEqual([]);
    expect(plan.messages).toHaveLength(2);
    const [siblings, mila] = plan.messages;
    expect(siblings).toMatchObject({
      channel: 'email',
      guardianRef: ref(11),
      pupilRef: ZOE,
      kind: 'high-risk',
      isUpdate: false,
    });
    expect(siblings?.children.map((child) => child.pupilRef)).toEqual([ZOE, LOU]);
    expect(siblings?.recipients).toEqual([
      { pupilRef: ZOE, guardianRef: ref(11) },
      { pupilRef: LOU, guardianRef: ref(12) },
    ]);
    expect(mila?.children.map((child) => child.pupilRef)).toEqual([MILA]);
  });

  it('writes to both parents of one child when they have their own addresses', () => {
    const plan = planLetters(decision([{ ref: ZOE }]), [
      guardian(ZOE, ref(11)),
      guardian(ZOE, ref(12), { email: 'papa@example.be', mobile: null }),
    ]);
    expect(plan.messages.map((message) => message.guardianRef)).toEqual([ref(11), ref(12)]);
  });

  it('on a new version writes only to guardians whose children changed, listing unchanged siblings as such', () => {
    const plan = planLetters(
      decision(
        [
          { ref: ZOE, changed: true },
          { ref: LOU, changed: false },
          { ref: MILA, changed: false },
        ],
        2,
      ),
      [
        guardian(ZOE, ref(11)),
        guardian(LOU, ref(12), { pupilFirstName: 'Lou' }),
        guardian(MILA, ref(13), { email: 'other@example.be' }),
      ],
    );
    expect(plan.messages).toHaveLength(1);
    expect(plan.messages[0]?.isUpdate).toBe(true);
    expect(plan.messages[0]?.children.map((child) => [child.pupilRef, child.changed])).toEqual([
      [ZOE, true],
      [LOU, false],
    ]);
    expect(plan.unreachable).toEqual([]);
  });

  it('plans nothing for a contact without a letter', () => {
    const plan = planLetters(decision([{ ref: ZOE, letterKind: null }]), [guardian(ZOE, ref(11))]);
    expect(plan).toEqual({ messages: [], unreachable: [] });
  });

  it('uses the preferred channel when usable, else the other one', () => {
    expect(channelFor(contact({ preferredChannel: 'sms' }))).toEqual({
      channel: 'sms',
      address: '+32470123456',
    });
    expect(channelFor(contact({ preferredChannel: 'sms', mobile: null }))).toEqual({
      channel: 'email',
      address: 'elise@example.be',
    });
    expect(channelFor(contact({ email: null }))).toEqual({ channel: 'sms', address: '+32470123456' });
    expect(channelFor(contact({ email: '  ', mobile: null }))).toBeNull();
  });

  it('groups per channel: the same guardian preferring SMS for one child is a separate letter', () => {
    const plan = planLetters(decision([{ ref: ZOE }, { ref: LOU }]), [
      guardian(ZOE, ref(11)),
      guardian(LOU, ref(12), { preferredChannel: 'sms' }),
    ]);
    expect(plan.messages.map((message) => message.channel)).toEqual(['email', 'sms']);
  });

  it('lists unreachable contacts: no usable address, no guardian, staff and external contacts', () => {
    const plan = planLetters(
      decision([
        { ref: ZOE },
        { ref: LOU },
        { ref: STAFF, kind: 'staff' },
        { ref: ref(5), kind: 'external' },
      ]),
      [guardian(ZOE, ref(11), { email: null, mobile: null })],
    );
    expect(plan.messages).toEqual([]);
    expect(plan.unreachable).toEqual([
      { contactRef: STAFF, guardianRef: null, reason: 'staff-or-external' },
      { contactRef: ref(5), guardianRef: null, reason: 'staff-or-external' },
      { contactRef: ZOE, guardianRef: ref(11), reason: 'no-usable-contact' },
      { contactRef: LOU, guardianRef: null, reason: 'no-guardian' },
    ]);
  });

  it('does not report unchanged contacts as unreachable again', () => {
    const plan = planLetters(
      decision(
        [
          { ref: ZOE, changed: false },
          { ref: STAFF, kind: 'staff', changed: false },
        ],
        2,
      ),
      [],
    );
    expect(plan.unreachable).toEqual([]);
  });

  it('uses the most pressing letter when one letter covers a high- and a low-risk child', () => {
    const plan = planLetters(decision([{ ref: ZOE, letterKind: 'measles-low-risk' }, { ref: LOU }]), [
      guardian(ZOE, ref(11)),
      guardian(LOU, ref(12)),
    ]);
    expect(plan.messages[0]?.kind).toBe('high-risk');
  });

  it('refuses a letter kind without templates', () => {
    expect(() => planLetters(decision([{ ref: ZOE, letterKind: 'measles-postcard' }]), [])).toThrow(
      UnknownLetterKindError,
    );
  });
});

describe('letterKindOf / messageKey', () => {
  it('reads the template kind from risk-assessment letter names', () => {
    expect(letterKindOf('measles-high-risk')).toBe('high-risk');
    expect(letterKindOf('covid-19-low-risk')).toBe('low-risk');
    expect(letterKindOf('meningococcal-information')).toBe('information');
    expect(letterKindOf('scarlet-fever-cluster')).toBe('information');
    expect(letterKindOf('measles-unknown')).toBeNull();
  });

  it('builds deterministic job ids without colons', () => {
    const key = messageKey(CASE, 3, ref(11), 'sms');
    expect(key).toBe(`${CASE}-v3-${ref(11)}-sms`);
    expect(key).not.toContain(':');
  });
});
