import {
  CASE_URGENCIES,
  DECIDED_MEASURE_KINDS,
  DECIDED_RISKS,
  type Disease,
  type SchoolLevel,
} from '@meldpunt/contracts';

/**
 * The contract between the protocol engine (protocols/) and the cases (cases/): what a case asks of a protocol and
 * what it gets back. Dates are ISO `YYYY-MM-DD` (Europe/Brussels calendar days); instants are ISO date-times with
 * offset.
 */

export const CONTACT_TYPES = ['classmate', 'teacher', 'boarding-group', 'household', 'activity'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** The same values as the published decision (libs/contracts), so a proposal maps 1:1 onto an event. */
export const RISK_LEVELS = DECIDED_RISKS;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Most urgent first. `critical`: act within hours (e.g. meningococcal prophylaxis window). */
export const URGENCIES = CASE_URGENCIES;
export type Urgency = (typeof URGENCIES)[number];

export const MEASURE_KINDS = DECIDED_MEASURE_KINDS;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Which letter template communication should send for a proposal (one per disease × risk, or none). */
export type LetterKind = string;

export interface Measure {
  readonly kind: MeasureKind;
  /** First day of quarantine/exclusion, or null. */
  readonly from: string | null;
  /** Last day of quarantine/exclusion, or null. */
  readonly until: string | null;
  /** First school day back (a school day: weekends, Belgian public holidays and school holidays skipped). */
  readonly returnToSchool: string | null;
  /**
   * Added by protocols/: first school day back when the quarantine may end early after a negative test (COVID-19:
   * test on day 7), or null/absent.
   */
  readonly earlyReturnToSchool?: string | null;
  /** Day of a test, or null. */
  readonly onDate: string | null;
  /** Instant before which the measure must happen (chemoprophylaxis within H hours), or null. */
  readonly deadline: string | null;
  /** Dutch, for the doctor's table and the letter. */
  readonly description: string;
}

/** Which rule produced a proposal, so a doctor can trust or overrule it. */
export interface RuleReference {
  readonly protocolId: string;
  readonly protocolVersion: number;
  readonly ruleId: string;
  /** Dutch, e.g. "Mazelen · lager · klasgenoot · niet gevaccineerd → hoog risico". */
  readonly description: string;
}

/** What a contact's classification may depend on (unknown = null). */
export interface ContactFacts {
  /** Vaccination/immunity for the disease (measles, mumps, pertussis…). */
  readonly vaccinated: boolean | null;
  /** Number of confirmed cases in the group (class) of this contact, including the index case. */
  readonly casesInGroup: number;
}

export interface ProposalInput {
  readonly disease: Disease;
  readonly level: SchoolLevel;
  readonly contactType: ContactType;
  readonly lastContactDate: string;
  readonly facts: ContactFacts;
  /**
   * Added by protocols/: when the melding was received (instant, ISO with offset). Chemoprophylaxis deadlines count
   * from it ("within 24 h"); when absent, from the moment of evaluation (the Clock).
   */
  readonly receivedAt?: string;
}

export interface Proposal {
  readonly risk: RiskLevel;
  readonly measures: readonly Measure[];
  /** null when no letter is to be sent (risk none). */
  readonly letterKind: LetterKind | null;
  readonly rule: RuleReference;
  /**
   * What the protocol prescribes for this contact at the OTHER risk levels, for a doctor who overrides the
   * classification: the measures and letter of the protocol's rule for that risk (same level and contact type if
   * the protocol has one, else same level, else any). Absent for a risk no rule of the protocol has.
   */
  readonly alternatives?: Partial<Record<'high' | 'low', RiskAlternative>>;
}

export interface RiskAlternative {
  readonly measures: readonly Measure[];
  readonly letterKind: LetterKind | null;
  readonly rule: RuleReference;
}

export interface UrgencyInput {
  readonly disease: Disease;
  readonly level: SchoolLevel;
  readonly onsetDate: string | null;
  readonly lastDayPresent: string;
  /** When the melding was received (instant). */
  readonly receivedAt: string;
}

export interface CaseUrgency {
  readonly urgency: Urgency;
  /** Instant by which the doctor must have decided (e.g. received + 24 h for meningococcal), or null. */
  readonly deadline: string | null;
  /** True when this case must page the on-call doctor outside office hours regardless of time. */
  readonly alwaysPage: boolean;
  readonly rule: RuleReference;
}

/**
 * Implemented in protocols/ (ProtocolService): chooses the protocol version effective on the date for the
 * disease and evaluates it. Injectable; cases/ depends only on this interface.
 */
export interface ProtocolEvaluator {
  propose(input: ProposalInput, on: string): Promise<Proposal>;
  urgencyOf(input: UrgencyInput): Promise<CaseUrgency>;
}

/** Nest injection token for ProtocolEvaluator. */
export const PROTOCOL_EVALUATOR = Symbol('PROTOCOL_EVALUATOR');
