/**
 * Calendar dates (`YYYY-MM-DD`, no time, no zone) as schools write them, and "today" as it is in Belgium.
 * Arithmetic is done on UTC midnights, so DST changes never shift a date.
 */
import { isCalendarDate } from '@meldpunt/platform';

export const BRUSSELS = 'Europe/Brussels';

const DAY_MS = 86_400_000;

/** Whether `value` is an existing date written as YYYY-MM-DD (2026-02-30 is not): the platform's one check. */
export { isCalendarDate };

const brusselsDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: BRUSSELS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Brussels at instant `now`. */
export function brusselsDate(now: Date): string {
  const parts = Object.fromEntries(brusselsDay.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The year in Brussels at instant `now` (a melding received at 00:30 on 1 January belongs to the new year). */
export function brusselsYear(now: Date): number {
  return Number(brusselsDate(now).slice(0, 4));
}

function toUtcMs(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` plus `days` (negative: minus). */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
