import { addDays, type CalendarDate, calendarDate } from './calendar-date';

/**
 * Belgium's ten legal public holidays (wettelijke feestdagen), computed for any Gregorian year: the fixed ones, and
 * the three that move with Easter (Easter Monday, Ascension = Easter + 39, Whit Monday = Easter + 50).
 */
export interface PublicHoliday {
  readonly date: CalendarDate;
  /** Dutch name, as on a school's calendar. */
  readonly name: string;
}

/** Easter Sunday of `year` (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): CalendarDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`unsupported year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDate(year, month, day);
}

const cache = new Map<number, readonly PublicHoliday[]>();

/** The ten public holidays of `year`, in date order. */
export function belgianPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: calendarDate(year, 1, 1), name: 'Nieuwjaar' },
    { date: addDays(easter, 1), name: 'Paasmaandag' },
    { date: calendarDate(year, 5, 1), name: 'Dag van de Arbeid' },
    { date: addDays(easter, 39), name: 'O.L.H. Hemelvaart' },
    { date: addDays(easter, 50), name: 'Pinkstermaandag' },
    { date: calendarDate(year, 7, 21), name: 'Nationale feestdag' },
    { date: calendarDate(year, 8, 15), name: 'O.L.V. Hemelvaart' },
    { date: calendarDate(year, 11, 1), name: 'Allerheiligen' },
    { date: calendarDate(year, 11, 11), name: 'Wapenstilstand' },
    { date: calendarDate(year, 12, 25), name: 'Kerstmis' },
  ];
  holidays.sort((x, y) => x.date.localeCompare(y.date));
  cache.set(year, holidays);
  return holidays;
}

/** The public holiday on `date`, or null. */
export function publicHolidayOn(date: CalendarDate): PublicHoliday | null {
  const year = Number(date.slice(0, 4));
  return belgianPublicHolidays(year).find((holiday) => holiday.date === date) ?? null;
}
