import { belgianPublicHolidays, easterSunday } from './belgian-holidays';
import { FixedClock } from './clock';
import { computedSchoolHolidays, schoolYearOf } from './flemish-school-holidays';
import { SchoolCalendar } from './school-calendar';

const calendar = new SchoolCalendar(new FixedClock('2026-03-28T23:30:00Z'));

function periods(schoolYear: string): Record<string, string> {
  return Object.fromEntries(
    calendar.schoolHolidays(schoolYear).map((period) => [period.name, `${period.from}..${period.until}`]),
  );
}

describe('Easter and the Belgian public holidays', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('computes the ten public holidays of 2026 (moving ones from Easter 5 April)', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaar' },
      { date: '2026-04-06', name: 'Paasmaandag' },
      { date: '2026-05-01', name: 'Dag van de Arbeid' },
      { date: '2026-05-14', name: 'O.L.H. Hemelvaart' },
      { date: '2026-05-25', name: 'Pinkstermaandag' },
      { date: '2026-07-21', name: 'Nationale feestdag' },
      { date: '2026-08-15', name: 'O.L.V. Hemelvaart' },
      { date: '2026-11-01', name: 'Allerheiligen' },
      { date: '2026-11-11', name: 'Wapenstilstand' },
      { date: '2026-12-25', name: 'Kerstmis' },
    ]);
  });

  it('moves Ascension and Whit Monday with Easter (2027: Easter 28 March)', () => {
    const dates = belgianPublicHolidays(2027).map((holiday) => holiday.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17']));
  });
});

describe('Flemish school holidays', () => {
  it('matches the published calendar of 2025-2026', () => {
    expect(periods('2025-2026')).toEqual({
      herfstvakantie: '2025-10-27..2025-11-02',
      kerstvakantie: '2025-12-22..2026-01-04',
      krokusvakantie: '2026-02-16..2026-02-22',
      paasvakantie: '2026-04-06..2026-04-19',
      zomervakantie: '2026-07-01..2026-08-31',
    });
  });

  it('computes 2026-2027 from the decree: 1 November on a Sunday, Christmas on a Friday, Easter in March', () => {
    expect(periods('2026-2027')).toEqual({
      herfstvakantie: '2026-11-02..2026-11-08',
      kerstvakantie: '2026-12-21..2027-01-03',
      krokusvakantie: '2027-02-08..2027-02-14',
      paasvakantie: '2027-03-29..2027-04-11',
      zomervakantie: '2027-07-01..2027-08-31',
    });
  });

  it.each([
    // school year, herfst, kerst, krokus, paas (published calendars of Flemish schools)
    ['2018', '2018-10-29', '2018-12-24', '2019-03-04', '2019-04-08'],
    ['2019', '2019-10-28', '2019-12-23', '2020-02-24', '2020-04-06'],
    ['2021', '2021-11-01', '2021-12-27', '2022-02-28', '2022-04-04'],
    ['2022', '2022-10-31', '2022-12-26', '2023-02-20', '2023-04-03'],
    ['2023', '2023-10-30', '2023-12-25', '2024-02-12', '2024-04-01'],
    ['2024', '2024-10-28', '2024-12-23', '2025-03-03', '2025-04-07'],
  ])('starts the holidays of %s-… on the published Mondays', (year, herfst, kerst, krokus, paas) => {
    const computed = computedSchoolHolidays(Number(year));
    expect([
      computed.herfstvakantie.from,
      computed.kerstvakantie.from,
      computed.krokusvakantie.from,
      computed.paasvakantie.from,
    ]).toEqual([herfst, kerst, krokus, paas]);
  });

  it('applies the decided exception of 2020-2021: the autumn holiday extended to 15 November (COVID-19)', () => {
    expect(periods('2020-2021')['herfstvakantie']).toBe('2020-11-02..2020-11-15');
    expect(computedSchoolHolidays(2020).herfstvakantie.until).toBe('2020-11-08');
    expect(calendar.isSchoolDay('2020-11-12')).toBe(false);
    expect(calendar.nextSchoolDayOnOrAfter('2020-11-09')).toBe('2020-11-16');
  });

  it('assigns dates to school years from 1 September', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(calendar.schoolYearOf('2027-01-01')).toBe('2026-2027');
  });
});

describe('SchoolCalendar', () => {
  it('says why there is no school', () => {
    expect(calendar.dayOff('2025-11-11')).toEqual({
      date: '2025-11-11',
      kind: 'public-holiday',
      name: 'Wapenstilstand',
    });
    expect(calendar.dayOff('2026-05-15')).toMatchObject({ kind: 'school-holiday' });
    expect(calendar.dayOff('2025-12-24')).toMatchObject({ kind: 'school-holiday', name: 'kerstvakantie' });
    expect(calendar.dayOff('2025-10-18')).toMatchObject({ kind: 'weekend', name: 'zaterdag' });
    expect(calendar.dayOff('2025-10-20')).toBeNull();
    expect(calendar.isSchoolDay('2026-06-30')).toBe(true);
    expect(calendar.isSchoolDay('2026-07-01')).toBe(false);
  });

  describe('return to school on the next school day', () => {
    it.each([
      ['a school day stays', '2025-10-22', '2025-10-22'],
      ['a Saturday → Monday', '2025-10-18', '2025-10-20'],
      ['a Sunday → Monday', '2025-10-19', '2025-10-20'],
      ['Wapenstilstand (Tuesday) → Wednesday', '2025-11-11', '2025-11-12'],
      ['Ascension, the free Friday and the weekend → Monday', '2026-05-14', '2026-05-18'],
      ['a Saturday before Whit Monday → Tuesday', '2026-05-23', '2026-05-26'],
      ['the weekend before the Christmas holiday → after it', '2025-12-20', '2026-01-05'],
      ['New Year’s Day inside the Christmas holiday', '2026-01-01', '2026-01-05'],
      ['Easter Monday after a paasvakantie ending on Easter Sunday (2025)', '2025-04-19', '2025-04-22'],
      ['the summer holiday → 1 September (a Tuesday in 2026)', '2026-07-01', '2026-09-01'],
      [
        'the summer holiday → Monday 2 September when 1 September 2024 is a Sunday',
        '2024-08-15',
        '2024-09-02',
      ],
      ['1 May on a Friday → Monday', '2026-05-01', '2026-05-04'],
    ])('%s', (_label, date, expected) => {
      expect(calendar.nextSchoolDayOnOrAfter(date)).toBe(expected);
    });
  });

  it('adds calendar days and school days', () => {
    expect(calendar.addDays('2025-12-27', 10)).toBe('2026-01-06');
    expect(calendar.addSchoolDays('2026-05-13', 1)).toBe('2026-05-18');
    expect(calendar.addSchoolDays('2026-05-16', 0)).toBe('2026-05-18');
    expect(calendar.nextSchoolDayAfter('2026-06-30')).toBe('2026-09-01');
  });

  it('knows today in Brussels from its clock (23:30 UTC on 28 March 2026 is already the 29th)', () => {
    expect(calendar.today()).toBe('2026-03-29');
  });

  it('refuses what is not a date or a school year', () => {
    expect(() => calendar.isSchoolDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.schoolHolidays('2026-2028')).toThrow(RangeError);
  });
});
