import { addDays } from '../../calendar/calendar-date';
import type {
  CaseUrgency,
  Measure,
  Proposal,
  ProposalInput,
  ProtocolEvaluator,
  RiskLevel,
  UrgencyInput,
} from '../../protocols/protocol-engine.types';

/**
 * A protocol stand-in with rules a test can predict (the real engine is tested in protocols/):
 * - vaccinated → no risk; classmate, boarding group, household → high (quarantine 10 days from the last contact,
 *   plus a test on day 7 when the group has 2 or more cases); teacher, activity → low (watch for symptoms).
 * - meningococcal → critical, deadline received + 24 h, always page; measles → high; otherwise normal.
 * Every call is recorded.
 */
export class FakeProtocolEvaluator implements ProtocolEvaluator {
  readonly proposeCalls: Array<{ input: ProposalInput; on: string }> = [];
  readonly urgencyCalls: UrgencyInput[] = [];

  async propose(input: ProposalInput, on: string): Promise<Proposal> {
    this.proposeCalls.push({ input, on });
    const rule = (ruleId: string, risk: RiskLevel) => ({
      protocolId: `fake-${input.disease}`,
      protocolVersion: 1,
      ruleId,
      description: `${input.disease} · ${input.level} · ${input.contactType} → ${risk}`,
    });
    if (input.facts.vaccinated === true) {
      return { risk: 'none', measures: [], letterKind: null, rule: rule('vaccinated', 'none') };
    }
    if (['classmate', 'boarding-group', 'household'].includes(input.contactType)) {
      const measures: Measure[] = [
        {
          kind: 'quarantine',
          from: addDays(input.lastContactDate, 1),
          until: addDays(input.lastContactDate, 10),
          returnToSchool: addDays(input.lastContactDate, 11),
          onDate: null,
          deadline: null,
          description: 'Quarantaine tot en met dag 10 na het laatste contact',
        },
      ];
      if (input.facts.casesInGroup >= 2) {
        measures.push({
          kind: 'test',
          from: null,
          until: null,
          returnToSchool: null,
          onDate: addDays(input.lastContactDate, 7),
          deadline: null,
          description: 'Test op dag 7',
        });
      }
      return {
        risk: 'high',
        measures,
        letterKind: `${input.disease}-high`,
        rule: rule(input.facts.casesInGroup >= 2 ? 'close-cluster' : 'close', 'high'),
      };
    }
    return {
      risk: 'low',
      measures: [
        {
          kind: 'watch-symptoms',
          from: null,
          until: addDays(input.lastContactDate, 14),
          returnToSchool: null,
          onDate: null,
          deadline: null,
          description: 'Let op symptomen',
        },
      ],
      letterKind: `${input.disease}-low`,
      rule: rule('distant', 'low'),
    };
  }

  async urgencyOf(input: UrgencyInput): Promise<CaseUrgency> {
    this.urgencyCalls.push(input);
    const rule = {
      protocolId: `fake-${input.disease}`,
      protocolVersion: 1,
      ruleId: 'urgency',
      description: 'test',
    };
    if (input.disease === 'meningococcal') {
      return {
        urgency: 'critical',
        deadline: new Date(Date.parse(input.receivedAt) + 24 * 3_600_000).toISOString(),
        alwaysPage: true,
        rule,
      };
    }
    if (input.disease === 'measles') return { urgency: 'high', deadline: null, alwaysPage: false, rule };
    return { urgency: 'normal', deadline: null, alwaysPage: false, rule };
  }
}
