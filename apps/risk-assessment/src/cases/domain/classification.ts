import type {
  ContactKind,
  ContactOverride,
  DecidedContact,
  DecidedMeasure,
  EffectiveClassification,
  Measure,
  Proposal,
} from './case-types';

/**
 * The classification that counts for a contact. Without an override: the proposal. An override to no risk: no
 * measures and no letter. An override to the proposal's own risk: the proposal. An override to another risk:
 * the protocol's measures and letter for that risk (`proposal.alternatives`, `source: 'override-protocol'`); only
 * when the protocol has no rule for that risk are the proposal's measures kept (`source: 'override-kept'`, the
 * console asks the doctor to check them). Recording a fact (vaccinated) instead makes the protocol recompute.
 */
export function effectiveOf(proposal: Proposal, override: ContactOverride | null): EffectiveClassification {
  if (override === null || override.risk === proposal.risk) {
    return {
      risk: proposal.risk,
      measures: proposal.measures,
      letterKind: proposal.letterKind,
      source: 'proposal',
    };
  }
  if (override.risk === 'none')
    return { risk: 'none', measures: [], letterKind: null, source: 'override-none' };
  const alternative = proposal.alternatives?.[override.risk];
  if (alternative) {
    return {
      risk: override.risk,
      measures: alternative.measures,
      letterKind: alternative.letterKind,
      source: 'override-protocol',
    };
  }
  return {
    risk: override.risk,
    measures: proposal.measures,
    letterKind: proposal.letterKind,
    source: 'override-kept',
  };
}

/** A measure as it is published: kind and key dates (the Dutch description stays here). */
export function decidedMeasureOf(measure: Measure): DecidedMeasure {
  return {
    kind: measure.kind,
    from: measure.from,
    until: measure.until,
    returnToSchool: measure.returnToSchool,
    earlyReturnToSchool: measure.earlyReturnToSchool ?? null,
    onDate: measure.onDate,
    deadline: measure.deadline,
  };
}

function sameMeasures(a: readonly DecidedMeasure[], b: readonly DecidedMeasure[]): boolean {
  return (
    a.length === b.length &&
    a.every((measure, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        measure.kind === other.kind &&
        measure.from === other.from &&
        measure.until === other.until &&
        measure.returnToSchool === other.returnToSchool &&
        measure.earlyReturnToSchool === other.earlyReturnToSchool &&
        measure.onDate === other.onDate &&
        measure.deadline === other.deadline
      );
    })
  );
}

export interface DecisionCandidate {
  readonly contactRef: string;
  readonly contactKind: ContactKind;
  readonly effective: EffectiveClassification;
}

export interface DecisionDraft {
  readonly contacts: DecidedContact[];
  /** Contacts of the previous version that are no longer contacts. */
  readonly withdrawnContactRefs: string[];
  readonly changedCount: number;
  /** Nothing differs from the previous version: approving publishes nothing new. */
  readonly unchanged: boolean;
}

/**
 * The next decision: every current contact, each flagged `changed` when its risk, measures or letter differ from
 * the previous version (or it is new). With no previous version every contact is changed.
 */
export function draftDecision(
  previous: readonly DecidedContact[] | null,
  current: readonly DecisionCandidate[],
): DecisionDraft {
  const before = new Map((previous ?? []).map((contact) => [contact.contactRef, contact]));
  const contacts = current.map((candidate): DecidedContact => {
    const measures = candidate.effective.measures.map(decidedMeasureOf);
    const earlier = before.get(candidate.contactRef);
    const changed =
      earlier === undefined ||
      earlier.risk !== candidate.effective.risk ||
      earlier.letterKind !== candidate.effective.letterKind ||
      !sameMeasures(earlier.measures, measures);
    return {
      contactRef: candidate.contactRef,
      contactKind: candidate.contactKind,
      risk: candidate.effective.risk,
      measures,
      letterKind: candidate.effective.letterKind,
      changed,
    };
  });
  const now = new Set(current.map((candidate) => candidate.contactRef));
  const withdrawnContactRefs = [...before.keys()].filter((ref) => !now.has(ref));
  const changedCount = contacts.filter((contact) => contact.changed).length;
  return {
    contacts,
    withdrawnContactRefs,
    changedCount,
    unchanged: previous !== null && changedCount === 0 && withdrawnContactRefs.length === 0,
  };
}
