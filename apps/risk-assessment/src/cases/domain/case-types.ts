import {
  CASE_URGENCIES,
  CONTACT_KINDS,
  DECIDED_MEASURE_KINDS,
  DECIDED_RISKS,
  EXPOSURE_KINDS_V1,
  type ContactKind,
  type ExposureKindV1,
} from '@meldpunt/contracts';
import {
  CONTACT_TYPES,
  MEASURE_KINDS,
  RISK_LEVELS,
  URGENCIES,
  type ContactType,
  type LetterKind,
  type Measure,
  type Proposal,
  type RiskLevel,
  type RuleReference,
  type Urgency,
} from '../../protocols/protocol-engine.types';

/** A case waits for a doctor (`open`, also after being reopened) or has a decision (`decided`). */
export const CASE_STATUSES = ['open', 'decided'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** class/group/living-group come from the melding's groups; activity/household/other are added by hand. */
/** The contract's list (risk.measures.decided.v1 carries the exposures). */
export const EXPOSURE_KINDS = EXPOSURE_KINDS_V1;
export type ExposureKind = ExposureKindV1;
export const MANUAL_EXPOSURE_KINDS = ['activity', 'household', 'other'] as const;
export type ManualExposureKind = (typeof MANUAL_EXPOSURE_KINDS)[number];

export { CONTACT_KINDS, CONTACT_TYPES, RISK_LEVELS, URGENCIES };
export type { ContactKind, ContactType, LetterKind, Measure, Proposal, RiskLevel, RuleReference, Urgency };

/** Queue order: most urgent first. */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = { critical: 0, high: 1, normal: 2 };

/** A doctor's (or staff member's) classification that replaces the proposal's risk. */
export interface ContactOverride {
  readonly risk: RiskLevel;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** What a contact's measures are once the override is applied (see effectiveOf). */
export interface EffectiveClassification {
  readonly risk: RiskLevel;
  readonly measures: readonly Measure[];
  readonly letterKind: LetterKind | null;
  /**
   * `proposal`: as proposed; `override-none`: overridden to no risk (no measures, no letter);
   * `override-protocol`: overridden to another risk, with the protocol's measures and letter for that risk;
   * `override-kept`: overridden to a risk the protocol has no rule for, measures and letter kept (to check).
   */
  readonly source: 'proposal' | 'override-none' | 'override-protocol' | 'override-kept';
}

/** A contact's decided classification as published in one decision version (measures without descriptions). */
export interface DecidedContact {
  readonly contactRef: string;
  readonly contactKind: ContactKind;
  readonly risk: RiskLevel;
  readonly measures: readonly DecidedMeasure[];
  readonly letterKind: LetterKind | null;
  readonly changed: boolean;
}

export interface DecidedMeasure {
  readonly kind: Measure['kind'];
  readonly from: string | null;
  readonly until: string | null;
  readonly returnToSchool: string | null;
  readonly earlyReturnToSchool: string | null;
  readonly onDate: string | null;
  readonly deadline: string | null;
}

// The protocol engine's vocabulary must fit the event contracts (compile-time checks).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertTrue = <T extends true>(value: T): T => value;
assertTrue<Same<(typeof RISK_LEVELS)[number], (typeof DECIDED_RISKS)[number]>>(true);
assertTrue<Same<(typeof MEASURE_KINDS)[number], (typeof DECIDED_MEASURE_KINDS)[number]>>(true);
assertTrue<Same<(typeof URGENCIES)[number], (typeof CASE_URGENCIES)[number]>>(true);
