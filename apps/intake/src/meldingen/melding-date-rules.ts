import type { Disease, TestResult } from '@meldpunt/contracts';
import type { FieldError } from '@meldpunt/platform';
import { addDays, daysBetween } from './calendar-date';
import { INCUBATION_WINDOW_DAYS, MAX_MELDING_AGE_DAYS } from './incubation-windows';
import { DISEASE_NAMES, MESSAGES } from './meldingen.messages';

export interface MeldingDates {
  readonly disease: Disease;
  readonly onsetDate: string | null;
  readonly test: { readonly date: string; readonly result: TestResult } | null;
  readonly lastDayPresent: string;
  readonly birthDate?: string | null;
}

/**
 * The semantic checks on a melding's dates (its shape is checked before: every date here is a real
 * YYYY-MM-DD). `today` is the date in Brussels. Returns every violation, each naming its field and why; empty
 * when the dates are consistent.
 */
export function checkMeldingDates(melding: MeldingDates, today: string): FieldError[] {
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const messages = errors.get(field);
    if (messages) messages.push(message);
    else errors.set(field, [message]);
  };
  const names = MESSAGES.dateNames;

  const notInFuture = (field: string, name: string, date: string | null | undefined) => {
    if (date && date > today) add(field, MESSAGES.rules.inFuture(name));
  };
  notInFuture('onsetDate', names.onsetDate, melding.onsetDate);
  notInFuture('test.date', names.testDate, melding.test?.date);
  notInFuture('lastDayPresent', names.lastDayPresent, melding.lastDayPresent);
  notInFuture('subject.birthDate', names.birthDate, melding.birthDate);

  const notTooOld = (field: string, name: string, date: string | null | undefined) => {
    if (date && daysBetween(date, today) > MAX_MELDING_AGE_DAYS)
      add(field, MESSAGES.rules.tooOld(name, MAX_MELDING_AGE_DAYS));
  };
  notTooOld('onsetDate', names.onsetDate, melding.onsetDate);
  notTooOld('test.date', names.testDate, melding.test?.date);

  if (melding.onsetDate === null && melding.test === null) {
    add('test', MESSAGES.rules.testRequiredWhenAsymptomatic);
  }

  // Infectious from at most the incubation window before the first symptoms (or, without symptoms, the test).
  const anchor = melding.onsetDate ?? melding.test?.date ?? null;
  if (anchor !== null) {
    const window = INCUBATION_WINDOW_DAYS[melding.disease];
    if (melding.lastDayPresent < addDays(anchor, -window)) {
      add(
        'lastDayPresent',
        MESSAGES.rules.lastDayBeforeWindow(
          window,
          DISEASE_NAMES[melding.disease],
          melding.onsetDate !== null ? 'onset' : 'test',
        ),
      );
    }
  }
  return [...errors].map(([field, messages]) => ({ field, messages }));
}
