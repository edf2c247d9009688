import { belgianPublicHolidays, type PublicHoliday, publicHolidayOn, easterSunday } from './belgian-holidays';
import { brusselsDate } from './brussels-time';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  isWeekend,
  isWithin,
} from './calendar-date';
import type { Clock } from './clock';
import {
  type DayOffPeriod,
  FLEMISH_SCHOOL_YEAR_RULES,
  type SchoolYearRules,
  schoolYearDaysOff,
  schoolYearOf,
} from './flemish-school-holidays';

export type DayOffKind = 'weekend' | 'public-holiday' | 'school-holiday';

/** Why there is no school on a date. */
export interface DayOff {
  readonly date: CalendarDate;
  readonly kind: DayOffKind;
  /** Dutch: "zaterdag", "Wapenstilstand", "kerstvakantie" … */
  readonly name: string;
}

/** A school day is found within this many days of any date (the summer holiday is 62 days). */
const MAX_DAYS_WITHOUT_SCHOOL = 120;

/**
 * The Flemish school calendar in Europe/Brussels civil dates: weekends, Belgian public holidays, the Flemish school
 * holidays (computed per school year, with decided exceptions as data) and the free day after Ascension. The same
 * for kleuter, lager, secundair and buitengewoon onderwijs. Pure apart from `today()`, which reads the Clock.
 */
export class SchoolCalendar {
  private readonly periodsByYear = new Map<number, readonly DayOffPeriod[]>();
  /** dayOff per date (a few thousand dates at most in practice; cleared beyond 20,000). */
  private readonly dayOffCache = new Map<CalendarDate, DayOff | null>();

  constructor(
    private readonly clock: Clock,
    private readonly rules: readonly SchoolYearRules[] = FLEMISH_SCHOOL_YEAR_RULES,
  ) {}

  /** Today's date in Brussels. */
  today(): CalendarDate {
    return brusselsDate(this.clock.now());
  }

  /** Why there is no school on `date`, or null when it is a school day. */
  dayOff(date: CalendarDate): DayOff | null {
    const cached = this.dayOffCache.get(date);
    if (cached !== undefined) return cached;
    const computed = this.computeDayOff(date);
    if (this.dayOffCache.size >= 20_000) this.dayOffCache.clear();
    this.dayOffCache.set(date, computed);
    return computed;
  }

  private computeDayOff(date: CalendarDate): DayOff | null {
    assertDate(date);
    const holiday = publicHolidayOn(date);
    if (holiday) return { date, kind: 'public-holiday', name: holiday.name };
    const period = this.periodsOfSchoolYear(date).find((candidate) =>
      isWithin(date, candidate.from, candidate.until),
    );
    if (period) return { date, kind: 'school-holiday', name: period.name };
    if (date === addDays(easterSunday(Number(date.slice(0, 4))), 40)) {
      return { date, kind: 'school-holiday', name: 'vrijdag na O.L.H. Hemelvaart' };
    }
    if (isWeekend(date)) return { date, kind: 'weekend', name: isWeekendName(date) };
    return null;
  }

  isSchoolDay(date: CalendarDate): boolean {
    return this.dayOff(date) === null;
  }

  /** `date` itself when it is a school day, else the first school day after it. */
  nextSchoolDayOnOrAfter(date: CalendarDate): CalendarDate {
    assertDate(date);
    let candidate = date;
    for (let step = 0; step <= MAX_DAYS_WITHOUT_SCHOOL; step += 1) {
      if (this.isSchoolDay(candidate)) return candidate;
      candidate = addDays(candidate, 1);
    }
    throw new Error(
      `no school day within ${MAX_DAYS_WITHOUT_SCHOOL} days of ${date}: check the calendar rules`,
    );
  }

  /** The first school day strictly after `date`. */
  nextSchoolDayAfter(date: CalendarDate): CalendarDate {
    return this.nextSchoolDayOnOrAfter(addDays(date, 1));
  }

  /** `date` plus `days` calendar days (quarantine and exclusion periods count calendar days). */
  addDays(date: CalendarDate, days: number): CalendarDate {
    return addDays(date, days);
  }

  /** `date` plus `days` school days (days ≥ 0; 0 = the next school day on or after `date`). */
  addSchoolDays(date: CalendarDate, days: number): CalendarDate {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`not a number of school days: ${days}`);
    let current = this.nextSchoolDayOnOrAfter(date);
    for (let step = 0; step < days; step += 1) current = this.nextSchoolDayAfter(current);
    return current;
  }

  /** Whole calendar days from `from` to `to`. */
  daysBetween(from: CalendarDate, to: CalendarDate): number {
    return daysBetween(from, to);
  }

  /** `2025-2026` for any date from 1 September 2025 to 31 August 2026. */
  schoolYearOf(date: CalendarDate): string {
    assertDate(date);
    return schoolYearOf(date);
  }

  /** The holiday periods (and decided extra days off) of a school year (`2025-2026`). */
  schoolHolidays(schoolYear: string): readonly DayOffPeriod[] {
    const match = /^(\d{4})-(\d{4})$/.exec(schoolYear);
    if (!match || Number(match[2]) !== Number(match[1]) + 1) {
      throw new RangeError(`not a school year: ${schoolYear}`);
    }
    return this.periodsOf(Number(match[1]));
  }

  publicHolidays(year: number): readonly PublicHoliday[] {
    return belgianPublicHolidays(year);
  }

  private periodsOfSchoolYear(date: CalendarDate): readonly DayOffPeriod[] {
    return this.periodsOf(Number(schoolYearOf(date).slice(0, 4)));
  }

  private periodsOf(firstYear: number): readonly DayOffPeriod[] {
    let periods = this.periodsByYear.get(firstYear);
    if (!periods) {
      periods = schoolYearDaysOff(firstYear, this.rules);
      this.periodsByYear.set(firstYear, periods);
    }
    return periods;
  }
}

function assertDate(date: CalendarDate): void {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${String(date)}`);
}

function isWeekendName(date: CalendarDate): string {
  return isoWeekday(date) === 6 ? 'zaterdag' : 'zondag';
}
