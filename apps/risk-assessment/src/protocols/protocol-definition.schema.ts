import { DISEASES, SCHOOL_LEVELS, type SchoolLevel } from '@meldpunt/contracts';
import { z } from 'zod';
import { CONTACT_TYPES, type ContactType, RISK_LEVELS, URGENCIES } from './protocol-engine.types';
import { PROTOCOL_MESSAGES } from './protocols.messages';

/**
 * A disease protocol as data: what an admin edits in the console and what the engine evaluates. Versioned
 * (protocolId = disease, version, effectiveFrom). Rules are an ordered list; the first rule whose school levels,
 * contact types and conditions match a contact decides its risk, measures and letter. The schema refuses a
 * protocol that leaves any contact without a rule, so every contact gets a proposal.
 *
 * Days are counted from the last contact: day 0 is the day of the last contact, day 1 the day after.
 */

const M = PROTOCOL_MESSAGES.field;

export const VACCINATION_STATES = ['yes', 'no', 'unknown'] as const;
export type VaccinationState = (typeof VACCINATION_STATES)[number];

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'Alleen kleine letters, cijfers, punten en koppeltekens.');
const dutchText = (max: number) => z.string().trim().min(1).max(max);
const note = dutchText(500).optional();
const days = z.int().min(1).max(60);

const periodMeasure = {
  /** Last day (from the last contact) of the quarantine or exclusion. */
  days,
  /** First day of it; 1 = the day after the last contact. */
  startDay: z.int().min(0).max(60).optional(),
  /** May end early after a negative test on this day (COVID-19: day 7). */
  endsEarly: z.strictObject({ negativeTestOnDay: z.int().min(1).max(59) }).optional(),
  note,
};

const quarantineRule = z.strictObject({ kind: z.literal('quarantine'), ...periodMeasure });
const exclusionRule = z.strictObject({ kind: z.literal('exclusion'), ...periodMeasure });

export const measureRuleSchema = z.discriminatedUnion('kind', [
  quarantineRule,
  exclusionRule,
  z.strictObject({ kind: z.literal('test'), onDay: z.int().min(0).max(60), note }),
  z.strictObject({
    kind: z.literal('chemoprophylaxis'),
    /** Within this many hours of the melding being received; null: as soon as possible, no computed deadline. */
    withinHours: z.int().min(1).max(720).nullable(),
    note,
  }),
  z.strictObject({
    kind: z.literal('vaccination-proposal'),
    /** Post-exposure vaccination within this many hours of the last contact (from 00:00 that day), or null. */
    withinHoursOfLastContact: z.int().min(1).max(720).nullable(),
    note,
  }),
  z.strictObject({ kind: z.literal('watch-symptoms'), days, note }),
]);
export type MeasureRule = z.infer<typeof measureRuleSchema>;

export const classificationRuleSchema = z.strictObject({
  id,
  /** Dutch, the rule as a doctor reads it: "niet gevaccineerd → hoog risico". */
  description: dutchText(300),
  /** Omitted: every school level. */
  levels: z.array(z.enum(SCHOOL_LEVELS)).min(1).optional(),
  /** Omitted: every contact type. */
  contactTypes: z.array(z.enum(CONTACT_TYPES)).min(1).optional(),
  when: z
    .strictObject({
      vaccinated: z.array(z.enum(VACCINATION_STATES)).min(1).optional(),
      /** Confirmed cases in the contact's group (class), the index case included. */
      minCasesInGroup: z.int().min(1).max(1000).optional(),
      maxCasesInGroup: z.int().min(1).max(1000).optional(),
    })
    .optional(),
  risk: z.enum(RISK_LEVELS),
  measures: z.array(measureRuleSchema).max(10),
  /** The letter template communication sends for this outcome; null: no letter. */
  letterKind: id.nullable(),
});
export type ClassificationRule = z.infer<typeof classificationRuleSchema>;

export const urgencyRuleSchema = z.strictObject({
  id,
  description: dutchText(300),
  levels: z.array(z.enum(SCHOOL_LEVELS)).min(1).optional(),
  when: z
    .strictObject({
      /** Only while the index was at school at most this many days before the melding was received. */
      maxDaysSinceLastDayPresent: z.int().min(0).max(365).optional(),
    })
    .optional(),
  urgency: z.enum(URGENCIES),
  /** The doctor must decide within this many hours of the melding; null: no deadline. */
  decisionDeadlineHours: z.int().min(1).max(720).nullable(),
  /** Page the on-call doctor whatever the time. */
  alwaysPage: z.boolean(),
});
export type UrgencyRule = z.infer<typeof urgencyRuleSchema>;

/** What an admin posts as a new version (protocolId, version and effectiveFrom come from the request). */
const contentShape = {
  /** Dutch name of the disease. */
  title: dutchText(100),
  /** Shipped examples: true, with a warning; a CLB doctor must validate before use. */
  example: z.boolean(),
  warning: dutchText(500).nullable(),
  /** Where the rules come from and which assumptions were made (for the doctor who validates them). */
  source: dutchText(4000),
  rules: z.array(classificationRuleSchema).min(1).max(200),
  urgency: z.array(urgencyRuleSchema).min(1).max(20),
};

type Content = z.infer<z.ZodObject<typeof contentShape>>;

export const protocolContentSchema = z.strictObject(contentShape).superRefine(checkProtocol);
export type ProtocolContent = z.infer<typeof protocolContentSchema>;

export const protocolDefinitionSchema = z
  .strictObject({
    protocolId: z.enum(DISEASES),
    version: z.int().min(1),
    effectiveFrom: z.iso.date(),
    ...contentShape,
  })
  .superRefine(checkProtocol);
export type ProtocolDefinition = z.infer<typeof protocolDefinitionSchema>;

/** The facts a classification can depend on, reduced to what distinguishes rules. */
export interface ContactSituation {
  readonly level: SchoolLevel;
  readonly contactType: ContactType;
  readonly vaccinated: VaccinationState;
  readonly casesInGroup: number;
}

/** Whether a rule applies to a contact in this situation. */
export function ruleMatches(rule: ClassificationRule, situation: ContactSituation): boolean {
  if (rule.levels && !rule.levels.includes(situation.level)) return false;
  if (rule.contactTypes && !rule.contactTypes.includes(situation.contactType)) return false;
  const when = rule.when;
  if (!when) return true;
  if (when.vaccinated && !when.vaccinated.includes(situation.vaccinated)) return false;
  if (when.minCasesInGroup !== undefined && situation.casesInGroup < when.minCasesInGroup) return false;
  if (when.maxCasesInGroup !== undefined && situation.casesInGroup > when.maxCasesInGroup) return false;
  return true;
}

function checkProtocol(protocol: Content, ctx: z.RefinementCtx): void {
  if (protocol.example && protocol.warning === null) {
    ctx.addIssue({ code: 'custom', path: ['warning'], message: M.warningRequired });
  }
  const seen = new Set<string>();
  protocol.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: M.duplicateRuleId(rule.id) });
    }
    seen.add(rule.id);
    const { minCasesInGroup, maxCasesInGroup } = rule.when ?? {};
    if (minCasesInGroup !== undefined && maxCasesInGroup !== undefined && minCasesInGroup > maxCasesInGroup) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', index, 'when', 'minCasesInGroup'],
        message: M.minAboveMax,
      });
    }
    rule.measures.forEach((measure, measureIndex) => {
      const path = ['rules', index, 'measures', measureIndex];
      if (measure.kind !== 'quarantine' && measure.kind !== 'exclusion') return;
      if ((measure.startDay ?? 1) > measure.days) {
        ctx.addIssue({ code: 'custom', path: [...path, 'startDay'], message: M.startAfterEnd });
      }
      if (measure.endsEarly && measure.endsEarly.negativeTestOnDay >= measure.days) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'endsEarly', 'negativeTestOnDay'],
          message: M.earlyEndTooLate,
        });
      }
    });
  });
  const gaps = uncoveredSituations(protocol.rules);
  if (gaps.length > 0) {
    const shown = gaps.slice(0, 5).map(describeSituation).join('; ');
    ctx.addIssue({
      code: 'custom',
      path: ['rules'],
      message: M.uncovered(gaps.length > 5 ? `${shown} (en ${gaps.length - 5} meer)` : shown),
    });
  }
  const urgencyIds = new Set<string>();
  protocol.urgency.forEach((rule, index) => {
    if (urgencyIds.has(rule.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['urgency', index, 'id'],
        message: M.duplicateUrgencyId(rule.id),
      });
    }
    urgencyIds.add(rule.id);
  });
  const last = protocol.urgency[protocol.urgency.length - 1];
  if (last && (last.levels !== undefined || last.when?.maxDaysSinceLastDayPresent !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['urgency', protocol.urgency.length - 1],
      message: M.lastUrgencyRuleConditional,
    });
  }
}

/**
 * Every situation (level × contact type × vaccination state × number of cases) that no rule matches. The numbers
 * of cases tried are 1 and each threshold of a rule and the number after it: between thresholds nothing changes.
 */
export function uncoveredSituations(rules: readonly ClassificationRule[]): ContactSituation[] {
  const counts = new Set<number>([1]);
  for (const rule of rules) {
    for (const threshold of [rule.when?.minCasesInGroup, rule.when?.maxCasesInGroup]) {
      if (threshold === undefined) continue;
      counts.add(threshold);
      counts.add(threshold + 1);
      if (threshold > 1) counts.add(threshold - 1);
    }
  }
  const gaps: ContactSituation[] = [];
  for (const level of SCHOOL_LEVELS) {
    for (const contactType of CONTACT_TYPES) {
      for (const vaccinated of VACCINATION_STATES) {
        for (const casesInGroup of [...counts].sort((a, b) => a - b)) {
          const situation = { level, contactType, vaccinated, casesInGroup };
          if (!rules.some((rule) => ruleMatches(rule, situation))) gaps.push(situation);
        }
      }
    }
  }
  return gaps;
}

function describeSituation(situation: ContactSituation): string {
  return [
    PROTOCOL_MESSAGES.level[situation.level],
    PROTOCOL_MESSAGES.contactType[situation.contactType],
    PROTOCOL_MESSAGES.vaccinated[situation.vaccinated],
    `${situation.casesInGroup} ${situation.casesInGroup === 1 ? 'geval' : 'gevallen'} in de groep`,
  ].join(' · ');
}
