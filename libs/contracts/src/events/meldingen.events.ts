import { z } from 'zod';

/** Diseases a school can report; the protocols (incubation windows, measures) live in risk-assessment. */
export const DISEASES = [
  'covid-19',
  'mumps',
  'measles',
  'meningococcal',
  'pertussis',
  'scarlet-fever',
  'other',
] as const;
export type Disease = (typeof DISEASES)[number];

export const TEST_RESULTS = ['positive', 'negative', 'pending'] as const;
export type TestResult = (typeof TEST_RESULTS)[number];
export const ACTIVITIES = ['excursion', 'bus', 'sports', 'boarding', 'other'] as const;
export type Activity = (typeof ACTIVITIES)[number];
/** form = the console (a school user), api = school software with an API key, webhook = signed push. */
export const MELDING_CHANNELS = ['form', 'api', 'webhook'] as const;
export type MeldingChannel = (typeof MELDING_CHANNELS)[number];
export const SUBJECT_KINDS = ['pupil', 'staff', 'unlisted'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Human-friendly melding reference: `M-<year>-<sequence of at least 6 digits>`, e.g. M-2026-000123. */
export const MELDING_REFERENCE_PATTERN = /^M-\d{4}-\d{6,}$/;

const isoDate = z.iso.date();

/**
 * A school reported an infection. Pseudonymous only: the subject and the groups are ids that mean something only
 * inside intake's database; names, birth dates and contact details never travel. Keyed per school.
 */
export const meldingReceivedV1 = z.object({
  meldingId: z.uuid(),
  /** What the school and the CLB say to each other on the phone (no personal data). */
  reference: z.string().regex(MELDING_REFERENCE_PATTERN),
  schoolId: z.uuid(),
  /** Every CLB that must see this melding: the school's, and an internaat's in another CLB's area. */
  clbIds: z.array(z.uuid()).min(1),
  subject: z.object({
    kind: z.enum(SUBJECT_KINDS),
    /** Pseudonymous id of the pupil or staff member (for `unlisted`, an id for this report only). */
    ref: z.uuid(),
  }),
  disease: z.enum(DISEASES),
  /** null when the person has no symptoms. */
  onsetDate: isoDate.nullable(),
  test: z.object({ date: isoDate, result: z.enum(TEST_RESULTS) }).nullable(),
  lastDayPresent: isoDate,
  /** Pseudonymous ids of the classes, groups and living groups attended in the relevant period. */
  groupIds: z.array(z.uuid()),
  activities: z.array(z.enum(ACTIVITIES)),
  channel: z.enum(MELDING_CHANNELS),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type MeldingReceivedV1 = z.infer<typeof meldingReceivedV1>;
