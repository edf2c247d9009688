import type { Disease } from '@meldpunt/contracts';

/**
 * Longest incubation period per disease, in days: a person last present at school more than this many days before
 * their first symptoms cannot have infected anyone there, so such a melding is refused as inconsistent. A
 * plausibility check for intake only; the CLB's protocols (risk-assessment) decide the measures.
 */
export const INCUBATION_WINDOW_DAYS: Readonly<Record<Disease, number>> = {
  'covid-19': 14,
  measles: 21,
  mumps: 25,
  pertussis: 21,
  meningococcal: 10,
  'scarlet-fever': 7,
  other: 30,
};

/** A melding is about a recent infection: onset and test dates older than this are refused. */
export const MAX_MELDING_AGE_DAYS = 180;
