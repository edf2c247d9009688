import { CONTRACTS, TOPICS, type EventEnvelope, type MeldingStage } from '@meldpunt/contracts';
import { createEnvelope } from '@meldpunt/messaging';
import type { DecidedContact } from './domain/case-types';

export interface ProgressedMelding {
  readonly meldingId: string;
  readonly schoolId: string;
}

export interface ProgressCause {
  readonly correlationId: string;
  readonly causationId?: string;
}

/**
 * `risk.melding.progressed.v1` for every melding of a case: how far the CLB is, as the school sees it in intake
 * (being-assessed → measures-decided → letters-sent). Stages only move forward there, so a repeat is harmless.
 */
export function meldingsProgressed(
  meldingen: readonly ProgressedMelding[],
  progress: {
    readonly caseId: string;
    readonly stage: MeldingStage;
    readonly decisionVersion: number | null;
    readonly at: Date;
  },
  cause: ProgressCause,
): EventEnvelope[] {
  return meldingen.map((melding) =>
    createEnvelope(
      CONTRACTS,
      TOPICS.RISK_MELDING_PROGRESSED,
      {
        meldingId: melding.meldingId,
        schoolId: melding.schoolId,
        caseId: progress.caseId,
        stage: progress.stage,
        decisionVersion: progress.decisionVersion,
        at: progress.at.toISOString(),
      },
      {
        producer: 'risk-assessment',
        correlationId: cause.correlationId,
        ...(cause.causationId === undefined ? {} : { causationId: cause.causationId }),
        occurredAt: progress.at,
      },
    ),
  );
}

/**
 * Whether communication has accounted for every letter of a decision: each contact whose letter this version
 * (re)sends has at least one status (delivered, failed or unreachable). A decision without letters is never
 * "letters sent".
 */
export function lettersAccountedFor(
  decided: readonly DecidedContact[],
  contactsWithStatus: ReadonlySet<string>,
): boolean {
  const expected = decided.filter((contact) => contact.changed && contact.letterKind !== null);
  return expected.length > 0 && expected.every((contact) => contactsWithStatus.has(contact.contactRef));
}
