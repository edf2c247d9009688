import { z } from 'zod';
import { ACTIVITIES, DISEASES } from './meldingen.events';
import { CONTACT_CHANNELS } from './roster.events';

/**
 * Facts of risk-assessment (cases and doctors' decisions) and what communication reports back about the letters
 * that follow. Pseudonymous only: a contact is the roster's pseudonymous ref of a pupil or staff member (or an id
 * made for an external contact); nothing names anyone, nothing free-text travels.
 */

/** Most urgent first. `critical`: act within hours (e.g. the meningococcal prophylaxis window). */
export const CASE_URGENCIES = ['critical', 'high', 'normal'] as const;
export type CaseUrgencyLevel = (typeof CASE_URGENCIES)[number];

export const DECIDED_RISKS = ['high', 'low', 'none'] as const;
export type DecidedRisk = (typeof DECIDED_RISKS)[number];

export const DECIDED_MEASURE_KINDS = [
  'quarantine',
  'exclusion',
  'test',
  'chemoprophylaxis',
  'vaccination-proposal',
  'watch-symptoms',
] as const;
export type DecidedMeasureKind = (typeof DECIDED_MEASURE_KINDS)[number];

/** Where contacts met the index person (risk-assessment's exposure kinds). */
export const EXPOSURE_KINDS_V1 = [
  'class',
  'group',
  'living-group',
  'activity',
  'household',
  'other',
] as const;
export type ExposureKindV1 = (typeof EXPOSURE_KINDS_V1)[number];

/** pupil / staff: `contactRef` is the roster's ref; external: an id risk-assessment made for this contact. */
export const CONTACT_KINDS = ['pupil', 'staff', 'external'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

/**
 * A case was opened (or reopened) with an urgency that may need the on-call doctor (issue 6's rota). Only urgent
 * cases (urgency critical/high, or alwaysPage) are announced. Keyed per case.
 */
export const riskCaseOpenedV1 = z.object({
  caseId: z.uuid(),
  clbId: z.uuid(),
  schoolId: z.uuid(),
  disease: z.enum(DISEASES),
  urgency: z.enum(CASE_URGENCIES),
  /** Instant by which a doctor must have decided, or null. */
  deadline: instant.nullable(),
  /** Page the on-call doctor whatever the time of day. */
  alwaysPage: z.boolean(),
  openedAt: instant,
  /** true when a decided case was reopened by new facts (a second case in the class, a corrected date). */
  reopened: z.boolean(),
});
export type RiskCaseOpenedV1 = z.infer<typeof riskCaseOpenedV1>;

export const decidedMeasureV1 = z.object({
  kind: z.enum(DECIDED_MEASURE_KINDS),
  /** First and last day of quarantine/exclusion (Europe/Brussels calendar days), or null. */
  from: isoDate.nullable(),
  until: isoDate.nullable(),
  /** First school day back, or null. */
  returnToSchool: isoDate.nullable(),
  /** First school day back when the measure may end early after a negative test (COVID-19: day 7), or null. */
  earlyReturnToSchool: isoDate.nullable(),
  /** Day of a test, or null. */
  onDate: isoDate.nullable(),
  /** Instant before which the measure must happen (chemoprophylaxis within H hours), or null. */
  deadline: instant.nullable(),
});
export type DecidedMeasureV1 = z.infer<typeof decidedMeasureV1>;

/**
 * A doctor approved the measures of a case. Every version lists every contact of the case; `changed` says whether
 * the contact's risk, measures or letter differ from the previous version (always true in version 1), so
 * communication sends letters only for changed contacts and never twice for an unchanged decision. Approving again
 * without a change publishes nothing. Keyed per case, so the versions of a case stay in order.
 */
export const riskMeasuresDecidedV1 = z.object({
  caseId: z.uuid(),
  clbId: z.uuid(),
  schoolId: z.uuid(),
  disease: z.enum(DISEASES),
  /** 1, 2, … per case. */
  decisionVersion: z.number().int().min(1),
  decidedAt: instant,
  contacts: z
    .array(
      z.object({
        contactRef: z.uuid(),
        contactKind: z.enum(CONTACT_KINDS),
        risk: z.enum(DECIDED_RISKS),
        measures: z.array(decidedMeasureV1).max(20),
        /** The letter template communication sends for this contact (disease × risk), or null: no letter. */
        letterKind: z.string().min(1).max(100).nullable(),
        changed: z.boolean(),
        /** Added in place (optional, so older events stay valid): the exposures (classes …) the contact was in. */
        exposureIds: z.array(z.uuid()).max(100).optional(),
      }),
    )
    .max(10_000),
  /** Contacts of the previous version that are no longer contacts (removed by the doctor). */
  withdrawnContactRefs: z.array(z.uuid()).max(10_000),
  /**
   * Added in place (optional): where contacts were exposed, for the school's anonymised class notice. Ids and
   * enums only, never a name or free text: the roster group (intake knows its name) or the kind of activity.
   */
  exposures: z
    .array(
      z.object({
        exposureId: z.uuid(),
        kind: z.enum(EXPOSURE_KINDS_V1),
        /** The roster's class, group or living group, or null. */
        groupId: z.uuid().nullable(),
        activity: z.enum(ACTIVITIES).nullable(),
        lastContactDate: isoDate,
      }),
    )
    .max(1_000)
    .optional(),
});
export type RiskMeasuresDecidedV1 = z.infer<typeof riskMeasuresDecidedV1>;

/** How far the CLB is with a school's melding, as the school sees it (intake's melding status follows it). */
export const MELDING_STAGES = ['being-assessed', 'measures-decided', 'letters-sent'] as const;
export type MeldingStage = (typeof MELDING_STAGES)[number];

/**
 * A melding moved on at the CLB: `being-assessed` (it is in a CLB's risk queue), `measures-decided` (a doctor
 * approved the case's measures), `letters-sent` (communication accounted for every letter of the latest decision:
 * delivered, failed or unreachable). Stages only move forward; a repeat changes nothing. Keyed per school, like
 * the meldingen themselves.
 */
export const meldingProgressedV1 = z.object({
  meldingId: z.uuid(),
  schoolId: z.uuid(),
  caseId: z.uuid(),
  stage: z.enum(MELDING_STAGES),
  /** The decision version for `measures-decided` and `letters-sent`, else null. */
  decisionVersion: z.number().int().min(1).nullable(),
  at: instant,
});
export type MeldingProgressedV1 = z.infer<typeof meldingProgressedV1>;

export const LETTER_STATUSES = ['delivered', 'failed', 'unreachable'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * Why a letter failed on a channel: `bounced` (the provider reported a bounce), `provider-failed` (the provider
 * reported it undeliverable), `refused` (the provider refused it when we sent it), `attempts-exhausted` (no answer
 * after the last attempt), `no-address` (the address was removed before sending).
 */
export const DELIVERY_FAILURE_REASONS = [
  'bounced',
  'provider-failed',
  'refused',
  'attempts-exhausted',
  'no-address',
] as const;
export type DeliveryFailureReason = (typeof DELIVERY_FAILURE_REASONS)[number];

/** How staff reached a family no channel delivered a letter to. */
export const DELIVERY_RESOLVED_BY = ['phone', 'other'] as const;
export type DeliveryResolvedBy = (typeof DELIVERY_RESOLVED_BY)[number];

/**
 * What became of one letter of a decision (published by communication, issue 5): delivered, failed (bounced,
 * refused) or unreachable (no usable contact details). Keyed per case. A later status of the same letter replaces
 * an earlier one (by `at`).
 */
export const deliveryUpdatedV1 = z.object({
  caseId: z.uuid(),
  decisionVersion: z.number().int().min(1),
  contactRef: z.uuid(),
  /** The guardian the letter went to; null when there is none (a staff member, or no guardian known). */
  guardianRef: z.uuid().nullable(),
  status: z.enum(LETTER_STATUSES),
  /** null when no channel could be tried (unreachable). */
  channel: z.enum(CONTACT_CHANNELS).nullable(),
  at: instant,
  /** Optional (added later, backward compatible): why a `failed` letter failed. */
  reason: z.enum(DELIVERY_FAILURE_REASONS).optional(),
  /**
   * Optional (added later, backward compatible): set on a `delivered` that staff recorded after no channel
   * delivered the letter (the dead-letter list's "resolved": `phone` = the family was called, `other` = reached
   * otherwise); `channel` is then the channel that failed.
   */
  resolvedBy: z.enum(DELIVERY_RESOLVED_BY).optional(),
});
export type DeliveryUpdatedV1 = z.infer<typeof deliveryUpdatedV1>;
