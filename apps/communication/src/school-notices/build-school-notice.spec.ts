import type { RiskMeasuresDecidedV1 } from '@meldpunt/contracts';
import { buildSchoolNotice } from './build-school-notice';

const CLASS_3B = '00000000-0000-4000-8000-0000000003b0';
const GROUP_3B = '00000000-0000-4000-8000-0000000003b1';
const EXCURSION = '00000000-0000-4000-8000-00000000e0c0';
const HOUSEHOLD = '00000000-0000-4000-8000-0000000000h0'.replace('h', 'a');
const ref = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const quarantine = {
  kind: 'quarantine' as const,
  from: '2026-11-20',
  until: '2026-11-27',
  returnToSchool: '2026-11-30',
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
};
const watch = { ...quarantine, kind: 'watch-symptoms' as const, from: null, returnToSchool: null };

function decision(overrides: Partial<RiskMeasuresDecidedV1> = {}): RiskMeasuresDecidedV1 {
  return {
    caseId: ref(900),
    clbId: ref(901),
    schoolId: ref(902),
    disease: 'measles',
    decisionVersion: 2,
    decidedAt: '2026-11-21T10:00:00.000Z',
    contacts: [
      {
        contactRef: ref(1),
        contactKind: 'pupil',
        risk: 'high',
        measures: [quarantine],
        letterKind: 'measles-high-risk',
        changed: true,
        exposureIds: [CLASS_3B],
      },
      {
        contactRef: ref(2),
        contactKind: 'pupil',
        risk: 'high',
        measures: [quarantine],
        letterKind: 'measles-high-risk',
        changed: false,
        exposureIds: [CLASS_3B, EXCURSION],
      },
      {
        contactRef: ref(3),
        contactKind: 'pupil',
        risk: 'low',
        measures: [watch],
        letterKind: 'measles-low-risk',
        changed: false,
        exposureIds: [CLASS_3B],
      },
      {
        contactRef: ref(4),
        contactKind: 'staff',
        risk: 'high',
        measures: [quarantine],
        letterKind: null,
        changed: false,
        exposureIds: [CLASS_3B],
      },
      {
        contactRef: ref(5),
        contactKind: 'external',
        risk: 'high',
        measures: [quarantine],
        letterKind: null,
        changed: false,
        exposureIds: [EXCURSION],
      },
      {
        contactRef: ref(6),
        contactKind: 'pupil',
        risk: 'high',
        measures: [quarantine],
        letterKind: 'measles-high-risk',
        changed: false,
        exposureIds: [HOUSEHOLD],
      },
    ],
    withdrawnContactRefs: [],
    exposures: [
      {
        exposureId: CLASS_3B,
        kind: 'class',
        groupId: GROUP_3B,
        activity: null,
        lastContactDate: '2026-11-19',
      },
      {
        exposureId: EXCURSION,
        kind: 'activity',
        groupId: null,
        activity: 'excursion',
        lastContactDate: '2026-11-18',
      },
      {
        exposureId: HOUSEHOLD,
        kind: 'household',
        groupId: null,
        activity: null,
        lastContactDate: '2026-11-19',
      },
    ],
    ...overrides,
  };
}

describe('the school class notice', () => {
  it('counts pupils and staff per class, risk and measures, most pressing first, and names nobody', () => {
    const notice = buildSchoolNotice(decision());
    expect(notice).toEqual([
      {
        kind: 'class',
        groupId: GROUP_3B,
        activity: null,
        lastContactDate: '2026-11-19',
        changed: true,
        groups: [
          { risk: 'high', pupils: 2, staff: 1, measures: [quarantine] },
          { risk: 'low', pupils: 1, staff: 0, measures: [watch] },
        ],
      },
      {
        kind: 'activity',
        groupId: null,
        activity: 'excursion',
        lastContactDate: '2026-11-18',
        changed: false,
        groups: [{ risk: 'high', pupils: 1, staff: 0, measures: [quarantine] }],
      },
    ]);
    const text = JSON.stringify(notice);
    for (let n = 1; n <= 6; n += 1) expect(text).not.toContain(ref(n));
  });

  it('keeps contacts with different measures apart, and leaves out households and external contacts', () => {
    const vaccinated = { ...quarantine, kind: 'watch-symptoms' as const };
    const input = decision();
    const contacts = input.contacts.map((contact) =>
      contact.contactRef === ref(2) ? { ...contact, measures: [vaccinated] } : contact,
    );
    const [class3b, excursion] = buildSchoolNotice({ ...input, contacts });
    expect(class3b?.groups.map((group) => [group.risk, group.pupils, group.staff])).toEqual([
      ['high', 1, 1],
      ['high', 1, 0],
      ['low', 1, 0],
    ]);
    expect(excursion?.groups).toEqual([{ risk: 'high', pupils: 1, staff: 0, measures: [vaccinated] }]);
  });

  it('issues nothing for a decision without the school’s exposures (an older producer)', () => {
    expect(buildSchoolNotice(decision({ exposures: undefined }))).toEqual([]);
    expect(
      buildSchoolNotice(
        decision({
          exposures: [
            {
              exposureId: HOUSEHOLD,
              kind: 'household',
              groupId: null,
              activity: null,
              lastContactDate: '2026-11-19',
            },
          ],
        }),
      ),
    ).toEqual([]);
  });
});
