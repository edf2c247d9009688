import { type CalendarDate, formatDutchDate, isCalendarDate, utcMidnight } from './calendar-date';

/**
 * Instants in Europe/Brussels (CET, UTC+1; CEST, UTC+2 from the last Sunday of March 02:00 to the last Sunday of
 * October 03:00). Adding hours is done on the instant (24 hours is always 24 real hours, so across a DST weekend
 * the wall clock moves by 23 or 25); the Brussels date and offset are read back with Intl, never from the host TZ.
 */
export const BRUSSELS = 'Europe/Brussels';

const HOUR_MS = 3_600_000;

const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: BRUSSELS, timeZoneName: 'longOffset' });

/**
 * Offsets by UTC hour: under the EU rules (since 1996) Brussels changes offset only at 01:00 UTC, so one Intl lookup
 * per UTC hour is exact, and evaluating a class of contacts does not call Intl once per contact.
 */
const offsetByHour = new Map<number, number>();

interface WallTime {
  readonly date: CalendarDate;
  readonly time: string;
}

function wallTime(instant: Date): WallTime {
  const iso = new Date(instant.getTime() + brusselsOffsetMinutes(instant) * 60_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

function toInstant(value: Date | string): Date {
  const instant = typeof value === 'string' ? new Date(value) : new Date(value.getTime());
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${String(value)}`);
  return instant;
}

/** The calendar date in Brussels at `instant` (23:30 UTC on 31 December is already 1 January in Brussels). */
export function brusselsDate(instant: Date | string): CalendarDate {
  return wallTime(toInstant(instant)).date;
}

/** Brussels' offset from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(instant: Date | string): number {
  const at = toInstant(instant);
  const hour = Math.floor(at.getTime() / HOUR_MS);
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  const name = offsetName.formatToParts(at).find((part) => part.type === 'timeZoneName');
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name?.value ?? '');
  if (!match) throw new Error(`unexpected time zone offset: ${String(name?.value)}`);
  const minutes = match[1] === undefined ? 0 : Number(match[2]) * 60 + Number(match[3]);
  const offset = match[1] === '-' ? -minutes : minutes;
  if (offsetByHour.size >= 50_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/** `instant` as ISO 8601 with Brussels' offset, e.g. `2026-03-29T12:00:00+02:00`. */
export function toBrusselsIso(instant: Date | string): string {
  const at = toInstant(instant);
  const { date, time } = wallTime(at);
  const offset = brusselsOffsetMinutes(at);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T${time}${sign}${hh}:${mm}`;
}

/** `instant` plus `hours` real hours (DST-proof: the result is exactly hours × 3600 s later). */
export function addHours(instant: Date | string, hours: number): Date {
  return new Date(toInstant(instant).getTime() + hours * HOUR_MS);
}

/**
 * The instant at which the Brussels wall clock shows `time` (HH:MM) on `date`. A time that does not exist (02:30
 * on the last Sunday of March) resolves to the instant one hour later on the wall clock (03:30 CEST); a time that
 * occurs twice (02:30 on the last Sunday of October) resolves to the first (summer-time) occurrence.
 */
export function brusselsDateTime(date: CalendarDate, time = '00:00'): Date {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${String(date)}`);
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${time}`);
  const wallMs = utcMidnight(date) + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  // Try the offsets Brussels can have around that wall time; keep the first that reads back as asked.
  const candidates = [120, 60].map((offset) => new Date(wallMs - offset * 60_000));
  for (const candidate of candidates) {
    if (wallMs - brusselsOffsetMinutes(candidate) * 60_000 === candidate.getTime()) return candidate;
  }
  // Skipped by the spring-forward: the winter offset gives the instant one hour later on the wall clock.
  return new Date(wallMs - 60 * 60_000);
}

/** The first instant of `date` in Brussels (00:00 local; midnight is never skipped in Europe/Brussels). */
export function startOfBrusselsDay(date: CalendarDate): Date {
  return brusselsDateTime(date, '00:00');
}

/** "zaterdag 7 november 2020 om 14:30" in Brussels time, for deadlines shown to doctors and parents. */
export function formatDutchDateTime(instant: Date | string): string {
  const { date, time } = wallTime(toInstant(instant));
  return `${formatDutchDate(date)} om ${time.slice(0, 5)}`;
}
