import type { GuardianContactV1 } from '@meldpunt/contracts';
import type { PlanningGuardian } from '../../letters/planning/plan-letters';
import { planCampaign, selectAudience, type AudienceGroup } from './plan-campaign';

const SCHOOL = '10000000-0000-4000-8000-000000000001';
const OTHER_SCHOOL = '10000000-0000-4000-8000-000000000002';
const ref = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function contact(overrides: Partial<GuardianContactV1>): GuardianContactV1 {
  return {
    name: 'Ouder',
    householdLabel: 'gezin 1',
    language: 'nl',
    email: null,
    mobile: null,
    preferredChannel: 'email',
    pupilFirstName: 'Kind',
    pupilLastName: 'Test',
    ...overrides,
  };
}

const guardian = (
  pupil: number,
  guardianRef: number,
  details: Partial<GuardianContactV1>,
): PlanningGuardian => ({
  pupilRef: ref(pupil),
  guardianRef: ref(guardianRef),
  contact: contact(details),
});

describe('selectAudience', () => {
  const groups: AudienceGroup[] = [
    { id: ref(901), schoolId: SCHOOL, level: 'lager', pupilRefs: [ref(1), ref(2)] },
    { id: ref(902), schoolId: SCHOOL, level: 'lager', pupilRefs: [ref(2), ref(3)] },
    { id: ref(903), schoolId: SCHOOL, level: 'kleuter', pupilRefs: [ref(4)] },
    { id: ref(904), schoolId: OTHER_SCHOOL, level: 'lager', pupilRefs: [ref(5)] },
  ];

  it('takes every pupil of the chosen schools once', () => {
    expect(selectAudience(groups, { schoolIds: [SCHOOL], groupIds: [], levels: [] })).toEqual(
      new Map([[SCHOOL, [ref(1), ref(2), ref(3), ref(4)]]]),
    );
  });

  it('narrows to chosen groups and to levels (both when both are given)', () => {
    expect(
      selectAudience(groups, { schoolIds: [SCHOOL], groupIds: [ref(902)], levels: [] }).get(SCHOOL),
    ).toEqual([ref(2), ref(3)]);
    expect(
      selectAudience(groups, { schoolIds: [SCHOOL], groupIds: [], levels: ['kleuter'] }).get(SCHOOL),
    ).toEqual([ref(4)]);
    expect(
      selectAudience(groups, { schoolIds: [SCHOOL], groupIds: [ref(901), ref(903)], levels: ['lager'] }).get(
        SCHOOL,
      ),
    ).toEqual([ref(1), ref(2)]);
  });

  it('keeps a chosen school without matching groups (no pupils) and ignores other schools', () => {
    const audience = selectAudience(groups, {
      schoolIds: [SCHOOL, OTHER_SCHOOL],
      groupIds: [],
      levels: ['kleuter'],
    });
    expect(audience).toEqual(
      new Map([
        [SCHOOL, [ref(4)]],
        [OTHER_SCHOOL, []],
      ]),
    );
  });
});

describe('planCampaign', () => {
  it('merges siblings behind one address into ONE letter naming both children', () => {
    const plan = planCampaign(
      new Map([[SCHOOL, [ref(1), ref(2)]]]),
      new Map([
        [
          SCHOOL,
          [
            guardian(1, 12, { email: 'Peeters@Example.be' }),
            guardian(2, 11, { email: 'peeters@example.be ' }),
          ],
        ],
      ]),
      new Set(),
    );
    expect(plan.messages).toHaveLength(1);
    expect(plan.messages[0]).toMatchObject({
      channel: 'email',
      guardianRef: ref(11),
      pupilRef: ref(2),
      schoolId: SCHOOL,
    });
    expect(plan.messages[0]?.children.map((child) => child.pupilRef)).toEqual([ref(2), ref(1)]);
    expect(plan.messages[0]?.children.every((child) => child.measures.length === 0 && !child.changed)).toBe(
      true,
    );
    expect(plan.messages[0]?.recipients).toHaveLength(2);
    expect(plan).toMatchObject({ pupils: 2, optedOut: 0, unreachable: 0 });
  });

  it('uses the preferred channel, else the other; counts per language and channel', () => {
    const plan = planCampaign(
      new Map([[SCHOOL, [ref(1), ref(2), ref(3)]]]),
      new Map([
        [
          SCHOOL,
          [
            guardian(1, 11, {
              email: 'a@example.be',
              mobile: '+32470000001',
              preferredChannel: 'sms',
              language: 'fr',
            }),
            guardian(2, 12, { email: 'b@example.be', preferredChannel: 'sms', language: 'fr' }),
            guardian(3, 13, { email: 'c@example.be' }),
          ],
        ],
      ]),
      new Set(),
    );
    expect(plan.messages.map((message) => message.channel)).toEqual(['sms', 'email', 'email']);
    expect(plan.byLanguage).toEqual([
      { language: 'fr', email: 1, sms: 1 },
      { language: 'nl', email: 1, sms: 0 },
    ]);
  });

  it('respects SMS STOP: e-mail when there is one, else opted out (not sent, not unreachable)', () => {
    const plan = planCampaign(
      new Map([[SCHOOL, [ref(1), ref(2), ref(3)]]]),
      new Map([
        [
          SCHOOL,
          [
            guardian(1, 11, { email: 'a@example.be', mobile: '+32470000001', preferredChannel: 'sms' }),
            guardian(2, 12, { mobile: '+32470000002', preferredChannel: 'sms' }),
            guardian(3, 13, { mobile: '+32470000003', preferredChannel: 'sms' }),
          ],
        ],
      ]),
      new Set(['+32470000001', '+32470000002']),
    );
    expect(plan.messages.map((message) => [message.guardianRef, message.channel])).toEqual([
      [ref(11), 'email'],
      [ref(13), 'sms'],
    ]);
    expect(plan).toMatchObject({ optedOut: 1, unreachable: 0, pupils: 3 });
  });

  it('counts pupils without guardians or without any address as unreachable', () => {
    const plan = planCampaign(
      new Map([[SCHOOL, [ref(1), ref(2), ref(3)]]]),
      new Map([[SCHOOL, [guardian(1, 11, {}), guardian(2, 12, { email: 'b@example.be' })]]]),
      new Set(),
    );
    expect(plan.messages).toHaveLength(1);
    expect(plan).toMatchObject({ unreachable: 2, optedOut: 0 });
  });

  it('ignores guardians of pupils outside the audience and writes per school', () => {
    const plan = planCampaign(
      new Map([
        [SCHOOL, [ref(1)]],
        [OTHER_SCHOOL, [ref(5)]],
      ]),
      new Map([
        [SCHOOL, [guardian(1, 11, { email: 'same@example.be' }), guardian(2, 12, { email: 'x@example.be' })]],
        [OTHER_SCHOOL, [guardian(5, 15, { email: 'same@example.be' })]],
      ]),
      new Set(),
    );
    expect(plan.messages.map((message) => [message.schoolId, message.guardianRef])).toEqual([
      [SCHOOL, ref(11)],
      [OTHER_SCHOOL, ref(15)],
    ]);
  });
});
