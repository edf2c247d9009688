import { easterSunday } from './belgian-holidays';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  isoWeekday,
  mondayOfWeek,
  nextWeekdayOnOrAfter,
} from './calendar-date';

/**
 * School holidays of the Flemish Community (kleuter, lager, secundair and buitengewoon onderwijs), computed from the
 * fixed principles of the Besluit van de Vlaamse Regering van 17 april 1991 (basisonderwijs) and van 31 augustus
 * 2001 (secundair), as published on vlaanderen.be ("Schoolvakanties en vrije dagen op school"):
 *
 * - herfstvakantie: 1 week from the Monday of the week of 1 November; from 2 November when 1 November is a Sunday;
 * - kerstvakantie: 2 weeks from the Monday of the week of 25 December; from the Monday after when 25 December is a
 *   Saturday or Sunday;
 * - krokusvakantie: 1 week from the 7th Monday before Easter;
 * - paasvakantie: 2 weeks from the first Monday of April; from the Monday after Easter when Easter is in March;
 *   from the 2nd Monday before Easter when Easter is after 15 April (Easter Monday then extends it by a day);
 * - zomervakantie: 1 July to 31 August;
 * - free days besides: 11 November, Easter Monday, 1 May, Ascension Day and the day after, Whit Monday.
 *
 * NB: Flanders did NOT adopt the 2022 calendar reform of the French Community (2-week autumn and carnival holidays,
 * summer from early July to late August); the principles above still hold. Verified against published calendars of
 * Flemish schools for 2019-2020 through 2025-2026; later years are computed from the same principles.
 *
 * Exceptions a government decides (the COVID-19 extension of the 2020 autumn holiday) are data:
 * FLEMISH_SCHOOL_YEAR_RULES, which replace a computed period by name or add days off.
 */
export const SCHOOL_HOLIDAY_NAMES = [
  'herfstvakantie',
  'kerstvakantie',
  'krokusvakantie',
  'paasvakantie',
  'zomervakantie',
] as const;
export type SchoolHolidayName = (typeof SCHOOL_HOLIDAY_NAMES)[number];

export interface DayOffPeriod {
  /** A SchoolHolidayName, or the Dutch name of an extra day off. */
  readonly name: string;
  readonly from: CalendarDate;
  /** Inclusive. */
  readonly until: CalendarDate;
  /** Why it differs from the computed calendar (for overrides), or null. */
  readonly note: string | null;
}

/** What differs from the computed calendar in one school year (`2020-2021`). */
export interface SchoolYearRules {
  readonly schoolYear: string;
  readonly periods?: Partial<
    Record<SchoolHolidayName, { from: CalendarDate; until: CalendarDate; note: string }>
  >;
  /** Extra days without school for every school (e.g. a decided closure), beyond the periods. */
  readonly extraDaysOff?: readonly { from: CalendarDate; until: CalendarDate; name: string; note: string }[];
}

/** Decided exceptions to the computed Flemish calendar. */
export const FLEMISH_SCHOOL_YEAR_RULES: readonly SchoolYearRules[] = [
  {
    schoolYear: '2020-2021',
    periods: {
      herfstvakantie: {
        from: '2020-11-02',
        until: '2020-11-15',
        note: 'COVID-19: verlengd tot en met zondag 15 november 2020 (Overlegcomité van 30 oktober 2020); lessen hervat op 16 november.',
      },
    },
  },
];

/** `2025` → the school year 2025-2026 (1 September 2025 – 31 August 2026). */
export function schoolYearLabel(firstYear: number): string {
  return `${firstYear}-${firstYear + 1}`;
}

/** The school year a date belongs to: from 1 September to 31 August. */
export function schoolYearOf(date: CalendarDate): string {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '09-01' ? schoolYearLabel(year) : schoolYearLabel(year - 1);
}

function herfstvakantie(firstYear: number): CalendarDate {
  const allSaints = calendarDate(firstYear, 11, 1);
  return isoWeekday(allSaints) === 7 ? addDays(allSaints, 1) : mondayOfWeek(allSaints);
}

function kerstvakantie(firstYear: number): CalendarDate {
  const christmas = calendarDate(firstYear, 12, 25);
  return isoWeekday(christmas) >= 6 ? nextWeekdayOnOrAfter(christmas, 1) : mondayOfWeek(christmas);
}

function paasvakantie(easter: CalendarDate): CalendarDate {
  const year = Number(easter.slice(0, 4));
  if (easter.slice(5, 7) === '03') return addDays(easter, 1);
  if (easter > calendarDate(year, 4, 15)) return addDays(easter, -13);
  return nextWeekdayOnOrAfter(calendarDate(year, 4, 1), 1);
}

/** The five holiday periods of the school year starting in September of `firstYear`, computed from the decree. */
export function computedSchoolHolidays(firstYear: number): Record<SchoolHolidayName, DayOffPeriod> {
  const easter = easterSunday(firstYear + 1);
  const period = (name: SchoolHolidayName, from: CalendarDate, days: number): DayOffPeriod => ({
    name,
    from,
    until: addDays(from, days - 1),
    note: null,
  });
  return {
    herfstvakantie: period('herfstvakantie', herfstvakantie(firstYear), 7),
    kerstvakantie: period('kerstvakantie', kerstvakantie(firstYear), 14),
    krokusvakantie: period('krokusvakantie', addDays(easter, -48), 7),
    paasvakantie: period('paasvakantie', paasvakantie(easter), 14),
    zomervakantie: {
      name: 'zomervakantie',
      from: calendarDate(firstYear + 1, 7, 1),
      until: calendarDate(firstYear + 1, 8, 31),
      note: null,
    },
  };
}

/**
 * The days off of one school year: the computed holiday periods with the year's decided exceptions applied, plus
 * its extra days off; the free days that are public holidays are not repeated here (see SchoolCalendar).
 */
export function schoolYearDaysOff(firstYear: number, rules: readonly SchoolYearRules[]): DayOffPeriod[] {
  const computed = computedSchoolHolidays(firstYear);
  const exceptions = rules.find((rule) => rule.schoolYear === schoolYearLabel(firstYear));
  const periods = SCHOOL_HOLIDAY_NAMES.map((name): DayOffPeriod => {
    const override = exceptions?.periods?.[name];
    return override
      ? { name, from: override.from, until: override.until, note: override.note }
      : computed[name];
  });
  const extra = (exceptions?.extraDaysOff ?? []).map((day): DayOffPeriod => ({
    name: day.name,
    from: day.from,
    until: day.until,
    note: day.note,
  }));
  return [...periods, ...extra];
}
