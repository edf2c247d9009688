import { SCHOOL_LEVELS, DISEASES, type Disease, type SchoolLevel } from '@meldpunt/contracts';
import { FixedClock } from '../calendar/clock';
import { SchoolCalendar } from '../calendar/school-calendar';
import { EXAMPLE_PROTOCOLS } from './examples';
import { ProtocolEngine } from './protocol-engine';
import { type ProtocolDefinition, VACCINATION_STATES } from './protocol-definition.schema';
import { CONTACT_TYPES, type ContactType, type Measure, type Proposal } from './protocol-engine.types';

const engine = new ProtocolEngine(new SchoolCalendar(new FixedClock('2026-01-01T12:00:00Z')));
const EVALUATED_AT = new Date('2026-01-05T08:00:00Z');

interface Case {
  level: SchoolLevel;
  contactType?: ContactType;
  lastContact: string;
  vaccinated?: boolean | null;
  casesInGroup?: number;
  receivedAt?: string;
}

function propose(disease: Disease, input: Case): Proposal {
  return engine.propose(
    EXAMPLE_PROTOCOLS[disease],
    {
      disease,
      level: input.level,
      contactType: input.contactType ?? 'classmate',
      lastContactDate: input.lastContact,
      facts: { vaccinated: input.vaccinated ?? null, casesInGroup: input.casesInGroup ?? 1 },
      ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
    },
    EVALUATED_AT,
  );
}

function measure(proposal: Proposal, kind: Measure['kind']): Measure {
  const found = proposal.measures.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} in ${JSON.stringify(proposal)}`);
  return found;
}

function urgency(disease: Disease, level: SchoolLevel, lastDayPresent: string, receivedAt: string) {
  return engine.urgency(EXAMPLE_PROTOCOLS[disease], {
    disease,
    level,
    onsetDate: null,
    lastDayPresent,
    receivedAt,
  });
}

describe('COVID-19 example (Flemish schools 2020-2021)', () => {
  it('secundair classmate, last contact on a Friday: high risk, quarantine 10 days, test day 7, back on a school day', () => {
    const proposal = propose('covid-19', { level: 'secundair', lastContact: '2020-10-09' });
    expect(proposal).toMatchObject({
      risk: 'high',
      letterKind: 'covid-19-high-risk',
      rule: {
        protocolId: 'covid-19',
        protocolVersion: 1,
        ruleId: 'covid-19.secundair-classmate',
        description: 'COVID-19 · secundair · klasgenoot · klasgenoot → hoog risico',
      },
    });
    expect(measure(proposal, 'quarantine')).toMatchObject({
      from: '2020-10-10',
      until: '2020-10-19',
      returnToSchool: '2020-10-20',
      earlyReturnToSchool: '2020-10-19',
    });
    expect(measure(proposal, 'test').onDate).toBe('2020-10-16');
    expect(measure(proposal, 'quarantine').description).toBe(
      'Quarantaine tot en met maandag 19 oktober 2020 (10 dagen na het laatste contact op vrijdag 9 oktober 2020); ' +
        'terug naar school op dinsdag 20 oktober 2020. Bij een negatieve test op dag 7 mag de quarantaine eindigen: ' +
        'dan terug naar school op maandag 19 oktober 2020.',
    );
  });

  it('a quarantine ending on a Sunday returns on Monday', () => {
    const quarantine = measure(
      propose('covid-19', { level: 'secundair', lastContact: '2021-01-14' }),
      'quarantine',
    );
    expect(quarantine).toMatchObject({
      until: '2021-01-24',
      returnToSchool: '2021-01-25',
      earlyReturnToSchool: '2021-01-22',
    });
  });

  it('a quarantine crossing New Year in the Christmas holiday returns after the holiday', () => {
    const proposal = propose('covid-19', {
      level: 'secundair',
      contactType: 'household',
      lastContact: '2020-12-18',
    });
    expect(measure(proposal, 'quarantine')).toMatchObject({
      until: '2020-12-28',
      returnToSchool: '2021-01-04',
    });
    expect(measure(proposal, 'test').onDate).toBe('2020-12-25');
  });

  it('a quarantine ending in the extended autumn holiday of 2020 returns on 16 November', () => {
    const quarantine = measure(
      propose('covid-19', { level: 'secundair', lastContact: '2020-10-29' }),
      'quarantine',
    );
    expect(quarantine).toMatchObject({ until: '2020-11-08', returnToSchool: '2020-11-16' });
  });

  it('kleuter and lager classmates are low risk with one case, high risk (whole class) from two', () => {
    const one = propose('covid-19', { level: 'kleuter', lastContact: '2020-10-09' });
    expect(one).toMatchObject({
      risk: 'low',
      letterKind: 'covid-19-low-risk',
      rule: { ruleId: 'covid-19.basis-classmate' },
    });
    expect(measure(one, 'watch-symptoms')).toMatchObject({ from: '2020-10-10', until: '2020-10-23' });
    const two = propose('covid-19', { level: 'lager', lastContact: '2020-10-09', casesInGroup: 2 });
    expect(two).toMatchObject({ risk: 'high', rule: { ruleId: 'covid-19.basis-cluster' } });
  });

  it('offers the protocol’s own measures and letter for a doctor who overrides a low-risk classmate to high', () => {
    const one = propose('covid-19', { level: 'lager', lastContact: '2020-10-09' });
    const high = one.alternatives?.high;
    expect(high).toMatchObject({
      letterKind: 'covid-19-high-risk',
      rule: { ruleId: 'covid-19.basis-cluster' },
    });
    expect(high?.measures.map((entry) => entry.kind)).toContain('quarantine');
    expect(one.alternatives?.low).toBeUndefined();
  });

  it('teachers are low risk; household and boarding group high', () => {
    expect(
      propose('covid-19', { level: 'secundair', contactType: 'teacher', lastContact: '2020-10-09' }).risk,
    ).toBe('low');
    expect(
      propose('covid-19', { level: 'kleuter', contactType: 'household', lastContact: '2020-10-09' }).risk,
    ).toBe('high');
    expect(
      propose('covid-19', { level: 'buitengewoon', contactType: 'boarding-group', lastContact: '2020-10-09' })
        .risk,
    ).toBe('high');
  });

  it('is urgent while the index was at school recently, with a DST-correct deadline', () => {
    expect(urgency('covid-19', 'lager', '2020-10-09', '2020-10-12T09:00:00+02:00')).toMatchObject({
      urgency: 'normal',
      deadline: '2020-10-14T09:00:00+02:00',
      alwaysPage: false,
      rule: { ruleId: 'covid-19.default' },
    });
    // Received on the Saturday before the clocks go back: 24 hours later is 09:00 winter time.
    expect(urgency('covid-19', 'lager', '2020-10-23', '2020-10-24T10:00:00+02:00')).toMatchObject({
      urgency: 'high',
      deadline: '2020-10-25T09:00:00+01:00',
      rule: {
        ruleId: 'covid-19.recent',
        description:
          'COVID-19 · lager · index de voorbije 2 dagen op school → contactonderzoek binnen 24 uur',
      },
    });
  });
});

describe('measles example', () => {
  it('non-vaccinated classmate: high risk, exclusion 18 days, MMR within 72 hours', () => {
    const proposal = propose('measles', { level: 'lager', lastContact: '2026-02-11', vaccinated: false });
    expect(proposal).toMatchObject({
      risk: 'high',
      letterKind: 'measles-high-risk',
      rule: {
        ruleId: 'measles.unvaccinated',
        description: 'Mazelen · lager · klasgenoot · niet gevaccineerd → hoog risico',
      },
    });
    // Day 18 is Sunday 1 March: back on Monday 2 March (the krokusvakantie lies inside the exclusion).
    expect(measure(proposal, 'exclusion')).toMatchObject({
      from: '2026-02-12',
      until: '2026-03-01',
      returnToSchool: '2026-03-02',
    });
    expect(measure(proposal, 'vaccination-proposal').deadline).toBe('2026-02-14T00:00:00+01:00');
    expect(measure(proposal, 'watch-symptoms').until).toBe('2026-03-04');
  });

  it('unknown vaccination status is high risk until proven; vaccinated is low risk', () => {
    expect(
      propose('measles', { level: 'secundair', lastContact: '2026-02-11', vaccinated: null }),
    ).toMatchObject({
      risk: 'high',
      rule: { ruleId: 'measles.unknown' },
    });
    const vaccinated = propose('measles', {
      level: 'kleuter',
      contactType: 'teacher',
      lastContact: '2026-02-11',
      vaccinated: true,
    });
    expect(vaccinated).toMatchObject({ risk: 'low', letterKind: 'measles-low-risk' });
    expect(vaccinated.measures.map((m) => m.kind)).toEqual(['watch-symptoms']);
  });

  it('an exclusion ending on the free Friday after Ascension returns on Monday', () => {
    const exclusion = measure(
      propose('measles', { level: 'lager', lastContact: '2026-04-27', vaccinated: false }),
      'exclusion',
    );
    expect(exclusion).toMatchObject({ until: '2026-05-15', returnToSchool: '2026-05-18' });
  });

  it('counts the 72-hour vaccination window in real hours across the spring DST change', () => {
    const proposal = propose('measles', { level: 'lager', lastContact: '2026-03-27', vaccinated: false });
    expect(measure(proposal, 'vaccination-proposal').deadline).toBe('2026-03-30T01:00:00+02:00');
  });

  it('pages the doctor while post-exposure vaccination is still possible', () => {
    expect(urgency('measles', 'lager', '2026-02-11', '2026-02-12T10:00:00+01:00')).toMatchObject({
      urgency: 'high',
      deadline: '2026-02-13T10:00:00+01:00',
      alwaysPage: true,
    });
    expect(urgency('measles', 'lager', '2026-02-02', '2026-02-12T10:00:00+01:00')).toMatchObject({
      urgency: 'high',
      alwaysPage: false,
      rule: { ruleId: 'measles.default' },
    });
  });
});

describe('mumps example', () => {
  it('non-vaccinated: high risk with a vaccination proposal; everyone watches 25 days', () => {
    const proposal = propose('mumps', { level: 'secundair', lastContact: '2025-12-19', vaccinated: false });
    expect(proposal).toMatchObject({
      risk: 'high',
      letterKind: 'mumps-high-risk',
      rule: { ruleId: 'mumps.unvaccinated' },
    });
    expect(measure(proposal, 'vaccination-proposal').deadline).toBeNull();
    expect(measure(proposal, 'watch-symptoms').until).toBe('2026-01-13');
    expect(proposal.measures.some((m) => m.kind === 'exclusion' || m.kind === 'quarantine')).toBe(false);
  });

  it('unknown status: low risk, check the status; vaccinated: low risk, watch only', () => {
    expect(propose('mumps', { level: 'lager', lastContact: '2025-12-19', vaccinated: null })).toMatchObject({
      risk: 'low',
      rule: { ruleId: 'mumps.unknown' },
    });
    const vaccinated = propose('mumps', { level: 'lager', lastContact: '2025-12-19', vaccinated: true });
    expect(vaccinated.measures.map((m) => m.kind)).toEqual(['watch-symptoms']);
    expect(urgency('mumps', 'lager', '2025-12-19', '2025-12-22T08:00:00+01:00')).toMatchObject({
      urgency: 'normal',
      deadline: '2025-12-25T08:00:00+01:00',
    });
  });
});

describe('invasive meningococcal disease example', () => {
  it('kleuter classmates: high risk, chemoprophylaxis within 24 h of receipt (across the autumn DST change)', () => {
    const proposal = propose('meningococcal', {
      level: 'kleuter',
      lastContact: '2026-10-23',
      receivedAt: '2026-10-24T15:30:00+02:00',
    });
    expect(proposal).toMatchObject({
      risk: 'high',
      letterKind: 'meningococcal-high-risk',
      rule: { ruleId: 'meningococcal.kleuter-class' },
    });
    expect(measure(proposal, 'chemoprophylaxis').deadline).toBe('2026-10-25T14:30:00+01:00');
    expect(measure(proposal, 'chemoprophylaxis').description).toMatch(
      /^Chemoprofylaxe binnen 24 uur na de melding: uiterlijk zondag 25 oktober 2026 om 14:30\./,
    );
  });

  it('household and boarding group are high risk; lager/secundair classmates low unless 2 cases in the class', () => {
    for (const contactType of ['household', 'boarding-group'] as const) {
      expect(
        propose('meningococcal', { level: 'secundair', contactType, lastContact: '2026-10-23' }).risk,
      ).toBe('high');
    }
    const classmate = propose('meningococcal', { level: 'lager', lastContact: '2026-10-23' });
    expect(classmate).toMatchObject({ risk: 'low', letterKind: 'meningococcal-low-risk' });
    expect(measure(classmate, 'watch-symptoms').until).toBe('2026-11-02');
    expect(
      propose('meningococcal', { level: 'lager', lastContact: '2026-10-23', casesInGroup: 2 }),
    ).toMatchObject({
      risk: 'high',
      rule: { ruleId: 'meningococcal.cluster' },
    });
    expect(
      propose('meningococcal', { level: 'secundair', contactType: 'teacher', lastContact: '2026-10-23' })
        .risk,
    ).toBe('low');
  });

  it('without a receipt time, counts the deadline from the moment of evaluation', () => {
    const proposal = propose('meningococcal', {
      level: 'kleuter',
      contactType: 'household',
      lastContact: '2026-01-02',
    });
    expect(measure(proposal, 'chemoprophylaxis').deadline).toBe('2026-01-06T09:00:00+01:00');
  });

  it('is critical, always pages, and must be decided within 24 hours', () => {
    expect(urgency('meningococcal', 'secundair', '2026-03-27', '2026-03-28T20:00:00+01:00')).toMatchObject({
      urgency: 'critical',
      deadline: '2026-03-29T21:00:00+02:00',
      alwaysPage: true,
      rule: { ruleId: 'meningococcal.critical' },
    });
  });
});

describe('pertussis example', () => {
  it('household: high risk, chemoprophylaxis without a computed deadline, vaccination, watch 21 days', () => {
    const proposal = propose('pertussis', {
      level: 'lager',
      contactType: 'household',
      lastContact: '2026-01-09',
    });
    expect(proposal).toMatchObject({ risk: 'high', letterKind: 'pertussis-high-risk' });
    expect(measure(proposal, 'chemoprophylaxis')).toMatchObject({ deadline: null });
    expect(measure(proposal, 'chemoprophylaxis').description).toMatch(/zuigeling jonger dan 1 jaar/);
    expect(measure(proposal, 'watch-symptoms').until).toBe('2026-01-30');
  });

  it('school contacts are low risk; the non-vaccinated get a vaccination proposal', () => {
    expect(
      propose('pertussis', { level: 'kleuter', lastContact: '2026-01-09', vaccinated: false }),
    ).toMatchObject({
      risk: 'low',
      rule: { ruleId: 'pertussis.unvaccinated' },
    });
    const vaccinated = propose('pertussis', { level: 'lager', lastContact: '2026-01-09', vaccinated: true });
    expect(vaccinated).toMatchObject({ risk: 'low', rule: { ruleId: 'pertussis.school' } });
    expect(vaccinated.measures.map((m) => m.kind)).toEqual(['watch-symptoms']);
  });

  it('is more urgent in kleuteronderwijs', () => {
    expect(urgency('pertussis', 'kleuter', '2026-01-09', '2026-01-12T09:00:00+01:00').urgency).toBe('high');
    expect(urgency('pertussis', 'secundair', '2026-01-09', '2026-01-12T09:00:00+01:00').urgency).toBe(
      'normal',
    );
  });
});

describe('scarlet fever example', () => {
  it('contacts are low risk, watch 7 days; 3 cases in a basis class get the cluster letter', () => {
    const one = propose('scarlet-fever', { level: 'lager', lastContact: '2026-01-09' });
    expect(one).toMatchObject({ risk: 'low', letterKind: 'scarlet-fever-low-risk' });
    expect(measure(one, 'watch-symptoms').until).toBe('2026-01-16');
    expect(
      propose('scarlet-fever', { level: 'kleuter', lastContact: '2026-01-09', casesInGroup: 3 }),
    ).toMatchObject({
      letterKind: 'scarlet-fever-cluster',
      rule: { ruleId: 'scarlet-fever.cluster' },
    });
    expect(
      propose('scarlet-fever', { level: 'secundair', lastContact: '2026-01-09', casesInGroup: 3 }).letterKind,
    ).toBe('scarlet-fever-low-risk');
  });
});

describe('fallback for other diseases', () => {
  it('proposes nothing: no risk, no measures, no letter; no deadline', () => {
    expect(
      propose('other', { level: 'secundair', contactType: 'household', lastContact: '2026-01-09' }),
    ).toEqual({
      risk: 'none',
      measures: [],
      letterKind: null,
      rule: {
        protocolId: 'other',
        protocolVersion: 1,
        ruleId: 'other.doctor-decides',
        description: 'Andere infectieziekte · secundair · huisgenoot · geen protocol → de arts beslist',
      },
    });
    expect(urgency('other', 'lager', '2026-01-09', '2026-01-12T09:00:00+01:00')).toMatchObject({
      urgency: 'normal',
      deadline: null,
      alwaysPage: false,
    });
  });
});

describe('every rule of every example', () => {
  const cases = DISEASES.flatMap((disease) =>
    EXAMPLE_PROTOCOLS[disease].rules.map((rule) => [disease, rule.id] as const),
  );

  it.each(cases)('%s: rule %s is reachable and produces a consistent proposal', (disease, ruleId) => {
    const definition = EXAMPLE_PROTOCOLS[disease];
    const hits: Proposal[] = [];
    for (const level of SCHOOL_LEVELS)
      for (const contactType of CONTACT_TYPES)
        for (const vaccinated of VACCINATION_STATES)
          for (const casesInGroup of [1, 2, 3, 5]) {
            const proposal = propose(disease, {
              level,
              contactType,
              lastContact: '2026-01-09',
              vaccinated: vaccinated === 'unknown' ? null : vaccinated === 'yes',
              casesInGroup,
            });
            if (proposal.rule.ruleId === ruleId) hits.push(proposal);
          }
    expect(hits.length).toBeGreaterThan(0);
    const rule = definition.rules.find((candidate) => candidate.id === ruleId);
    for (const proposal of hits) {
      expect(proposal.risk).toBe(rule?.risk);
      expect(proposal.letterKind).toBe(rule?.letterKind);
      expect(proposal.measures.map((m) => m.kind)).toEqual(rule?.measures.map((m) => m.kind));
      expect(proposal.rule.description.endsWith(rule?.description ?? '?')).toBe(true);
      for (const m of proposal.measures) {
        if (m.returnToSchool) expect(engineCalendar.isSchoolDay(m.returnToSchool)).toBe(true);
      }
    }
  });
});

const engineCalendar = new SchoolCalendar(new FixedClock('2026-01-01T12:00:00Z'));

describe('the engine itself', () => {
  it('falls back to "the doctor decides" when no rule matches (a definition that bypassed validation)', () => {
    const definition: ProtocolDefinition = { ...EXAMPLE_PROTOCOLS.measles, rules: [] };
    const proposal = engine.propose(
      definition,
      {
        disease: 'measles',
        level: 'lager',
        contactType: 'classmate',
        lastContactDate: '2026-01-09',
        facts: { vaccinated: true, casesInGroup: 1 },
      },
      EVALUATED_AT,
    );
    expect(proposal).toMatchObject({
      risk: 'none',
      measures: [],
      letterKind: null,
      rule: { ruleId: 'measles.geen-regel' },
    });
  });

  it('uses the first matching rule in order', () => {
    const definition: ProtocolDefinition = {
      ...EXAMPLE_PROTOCOLS.other,
      rules: [
        { id: 'first', description: 'eerste', risk: 'low', measures: [], letterKind: 'a' },
        { id: 'second', description: 'tweede', risk: 'high', measures: [], letterKind: 'b' },
      ],
    };
    const proposal = engine.propose(
      definition,
      {
        disease: 'other',
        level: 'lager',
        contactType: 'classmate',
        lastContactDate: '2026-01-09',
        facts: { vaccinated: null, casesInGroup: 1 },
      },
      EVALUATED_AT,
    );
    expect(proposal.rule.ruleId).toBe('first');
  });
});
