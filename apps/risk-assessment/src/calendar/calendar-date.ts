/**
 * Civil dates (`YYYY-MM-DD`: no time, no zone) as Belgian schools and doctors write them. Arithmetic is done on
 * whole day numbers, never on local times, so a DST change can never shift a date by a day. Instants (with a time)
 * live in brussels-time.ts.
 */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** year, month (1–12), day of a valid YYYY-MM-DD, or null. */
function parts(value: unknown): [number, number, number] | null {
  if (typeof value !== 'string') return null;
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** Whether `value` is an existing date written as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return parts(value) !== null;
}

/**
 * Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil): integer arithmetic, no Date objects, so
 * date arithmetic stays cheap when a class of 30 contacts is evaluated at once.
 */
function epochDay(date: CalendarDate): number {
  const civil = parts(date);
  if (!civil) throw new RangeError(`not a calendar date: ${String(date)}`);
  const [y0, month, day] = civil;
  const year = month <= 2 ? y0 - 1 : y0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
function fromEpochDay(days: number): CalendarDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: day ${days}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Milliseconds of the UTC midnight of `date`; a RangeError for anything that is not a calendar date. */
export function utcMidnight(date: CalendarDate): number {
  return epochDay(date) * DAY_MS;
}

/** The calendar date of year/month (1–12)/day (out-of-range days roll over, as with Date.UTC). */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative: minus). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: CalendarDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The Monday of the (Monday–Sunday) week that contains `date`. */
export function mondayOfWeek(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first `weekday` (1 = Monday … 7 = Sunday) on or after `date`. */
export function nextWeekdayOnOrAfter(date: CalendarDate, weekday: number): CalendarDate {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/** Whether `date` lies in [from, until] (both inclusive). ISO dates compare as strings. */
export function isWithin(date: CalendarDate, from: CalendarDate, until: CalendarDate): boolean {
  return date >= from && date <= until;
}

const dutchLong = new Intl.DateTimeFormat('nl-BE', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const dutchLongCache = new Map<CalendarDate, string>();

/** "maandag 16 november 2020", for letters and the doctor's table (memoised: Intl formatting is slow). */
export function formatDutchDate(date: CalendarDate): string {
  let text = dutchLongCache.get(date);
  if (text === undefined) {
    text = dutchLong.format(new Date(utcMidnight(date)));
    if (dutchLongCache.size >= 10_000) dutchLongCache.clear();
    dutchLongCache.set(date, text);
  }
  return text;
}
