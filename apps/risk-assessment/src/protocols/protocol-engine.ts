import {
  addHours,
  brusselsDate,
  formatDutchDateTime,
  startOfBrusselsDay,
  toBrusselsIso,
} from '../calendar/brussels-time';
import { addDays, daysBetween, formatDutchDate } from '../calendar/calendar-date';
import type { SchoolCalendar } from '../calendar/school-calendar';
import {
  type ClassificationRule,
  type MeasureRule,
  type ProtocolDefinition,
  ruleMatches,
  type VaccinationState,
} from './protocol-definition.schema';
import type {
  CaseUrgency,
  Measure,
  Proposal,
  ProposalInput,
  RiskAlternative,
  RuleReference,
  UrgencyInput,
} from './protocol-engine.types';
import { PROTOCOL_MESSAGES } from './protocols.messages';

const T = PROTOCOL_MESSAGES;

/**
 * Evaluates a protocol definition: pure apart from the school calendar (itself pure). Dates are counted from the
 * last contact (day 0); a quarantine or exclusion "of N days" lasts until day N inclusive and the contact returns on
 * the first school day after it. Deadlines are instants, written with Brussels' offset.
 */
export class ProtocolEngine {
  constructor(private readonly calendar: SchoolCalendar) {}

  /** The proposal for one contact. `receivedAt` anchors chemoprophylaxis deadlines when the input has none. */
  propose(definition: ProtocolDefinition, input: ProposalInput, receivedAt: Date): Proposal {
    const situation = {
      level: input.level,
      contactType: input.contactType,
      vaccinated: vaccinationState(input.facts.vaccinated),
      casesInGroup: input.facts.casesInGroup,
    };
    const rule = definition.rules.find((candidate) => ruleMatches(candidate, situation));
    const prefix = [definition.title, T.level[input.level], T.contactType[input.contactType]].join(' · ');
    if (!rule) {
      return {
        risk: 'none',
        measures: [],
        letterKind: null,
        rule: reference(definition, `${definition.protocolId}.geen-regel`, `${prefix} · ${T.noMatchingRule}`),
      };
    }
    const anchor = input.receivedAt ? new Date(input.receivedAt) : receivedAt;
    const alternatives: Partial<Record<'high' | 'low', RiskAlternative>> = {};
    for (const risk of ['high', 'low'] as const) {
      if (risk === rule.risk) continue;
      const fitting = (candidate: ClassificationRule, strict: boolean) =>
        candidate.risk === risk &&
        (!candidate.levels || candidate.levels.includes(input.level)) &&
        (!strict || !candidate.contactTypes || candidate.contactTypes.includes(input.contactType));
      const alternative =
        definition.rules.find((candidate) => fitting(candidate, true)) ??
        definition.rules.find((candidate) => fitting(candidate, false)) ??
        definition.rules.find((candidate) => candidate.risk === risk);
      if (!alternative) continue;
      alternatives[risk] = {
        measures: alternative.measures.map((measure) => this.measure(measure, input.lastContactDate, anchor)),
        letterKind: alternative.letterKind,
        rule: reference(definition, alternative.id, `${prefix} · ${alternative.description}`),
      };
    }
    return {
      risk: rule.risk,
      measures: rule.measures.map((measure) => this.measure(measure, input.lastContactDate, anchor)),
      letterKind: rule.letterKind,
      rule: reference(definition, rule.id, `${prefix} · ${rule.description}`),
      ...(Object.keys(alternatives).length > 0 ? { alternatives } : {}),
    };
  }

  /** How urgent a new case is, and by when the doctor must decide. */
  urgency(definition: ProtocolDefinition, input: UrgencyInput): CaseUrgency {
    const received = new Date(input.receivedAt);
    const daysSince = daysBetween(input.lastDayPresent, brusselsDate(received));
    const rule =
      definition.urgency.find((candidate) => {
        if (candidate.levels && !candidate.levels.includes(input.level)) return false;
        const maxDays = candidate.when?.maxDaysSinceLastDayPresent;
        return maxDays === undefined || daysSince <= maxDays;
      }) ?? definition.urgency[definition.urgency.length - 1];
    if (!rule)
      throw new Error(`protocol ${definition.protocolId} v${definition.version} has no urgency rule`);
    return {
      urgency: rule.urgency,
      deadline:
        rule.decisionDeadlineHours === null
          ? null
          : toBrusselsIso(addHours(received, rule.decisionDeadlineHours)),
      alwaysPage: rule.alwaysPage,
      rule: reference(
        definition,
        rule.id,
        [definition.title, T.level[input.level], rule.description].join(' · '),
      ),
    };
  }

  private measure(rule: MeasureRule, lastContact: string, receivedAt: Date): Measure {
    const day = (n: number) => addDays(lastContact, n);
    const empty = {
      from: null,
      until: null,
      returnToSchool: null,
      earlyReturnToSchool: null,
      onDate: null,
      deadline: null,
    };
    const withNote = (text: string) => (rule.note ? `${text} ${rule.note}` : text);
    switch (rule.kind) {
      case 'quarantine':
      case 'exclusion': {
        const from = day(rule.startDay ?? 1);
        const until = day(rule.days);
        const returnToSchool = this.calendar.nextSchoolDayAfter(until);
        const earlyReturnToSchool = rule.endsEarly
          ? this.calendar.nextSchoolDayAfter(day(rule.endsEarly.negativeTestOnDay))
          : null;
        let text =
          rule.kind === 'quarantine'
            ? T.measure.quarantine(
                formatDutchDate(until),
                rule.days,
                formatDutchDate(lastContact),
                formatDutchDate(returnToSchool),
              )
            : T.measure.exclusion(
                formatDutchDate(from),
                formatDutchDate(until),
                rule.days,
                formatDutchDate(returnToSchool),
              );
        if (rule.endsEarly && earlyReturnToSchool) {
          text = `${text} ${T.measure.endsEarly(rule.endsEarly.negativeTestOnDay, formatDutchDate(earlyReturnToSchool))}`;
        }
        return {
          ...empty,
          kind: rule.kind,
          from,
          until,
          returnToSchool,
          earlyReturnToSchool,
          description: withNote(text),
        };
      }
      case 'test': {
        const onDate = day(rule.onDay);
        return {
          ...empty,
          kind: 'test',
          onDate,
          description: withNote(T.measure.test(rule.onDay, formatDutchDate(onDate))),
        };
      }
      case 'chemoprophylaxis': {
        if (rule.withinHours === null) {
          return {
            ...empty,
            kind: 'chemoprophylaxis',
            description: withNote(T.measure.chemoprophylaxisNoDeadline),
          };
        }
        const deadline = addHours(receivedAt, rule.withinHours);
        return {
          ...empty,
          kind: 'chemoprophylaxis',
          deadline: toBrusselsIso(deadline),
          description: withNote(T.measure.chemoprophylaxis(rule.withinHours, formatDutchDateTime(deadline))),
        };
      }
      case 'vaccination-proposal': {
        if (rule.withinHoursOfLastContact === null) {
          return {
            ...empty,
            kind: 'vaccination-proposal',
            description: withNote(T.measure.vaccinationNoDeadline),
          };
        }
        const deadline = addHours(startOfBrusselsDay(lastContact), rule.withinHoursOfLastContact);
        return {
          ...empty,
          kind: 'vaccination-proposal',
          deadline: toBrusselsIso(deadline),
          description: withNote(
            T.measure.vaccination(rule.withinHoursOfLastContact, formatDutchDateTime(deadline)),
          ),
        };
      }
      case 'watch-symptoms': {
        const until = day(rule.days);
        return {
          ...empty,
          kind: 'watch-symptoms',
          from: day(1),
          until,
          description: withNote(T.measure.watchSymptoms(formatDutchDate(until), rule.days)),
        };
      }
    }
  }
}

function vaccinationState(vaccinated: boolean | null): VaccinationState {
  if (vaccinated === null) return 'unknown';
  return vaccinated ? 'yes' : 'no';
}

function reference(definition: ProtocolDefinition, ruleId: string, description: string): RuleReference {
  return {
    protocolId: definition.protocolId,
    protocolVersion: definition.version,
    ruleId,
    description,
  };
}
