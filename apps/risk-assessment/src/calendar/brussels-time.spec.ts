import {
  addHours,
  brusselsDate,
  brusselsDateTime,
  brusselsOffsetMinutes,
  formatDutchDateTime,
  startOfBrusselsDay,
  toBrusselsIso,
} from './brussels-time';
import { addDays, daysBetween, formatDutchDate, isCalendarDate, isoWeekday } from './calendar-date';

describe('Brussels time (host TZ is UTC in tests)', () => {
  it('reads the Brussels offset in winter and summer', () => {
    expect(brusselsOffsetMinutes('2026-01-15T12:00:00Z')).toBe(60);
    expect(brusselsOffsetMinutes('2026-07-15T12:00:00Z')).toBe(120);
  });

  describe('the spring-forward weekend (last Sunday of March: 29 March 2026, 02:00 → 03:00)', () => {
    it('adds 24 real hours: the wall clock moves 25 hours, one hour later than "the same time tomorrow"', () => {
      const deadline = addHours('2026-03-28T10:00:00+01:00', 24);
      expect(toBrusselsIso(deadline)).toBe('2026-03-29T11:00:00+02:00');
      expect(deadline.toISOString()).toBe('2026-03-29T09:00:00.000Z');
    });

    it('switches the offset at 01:00 UTC', () => {
      expect(toBrusselsIso('2026-03-29T00:59:59Z')).toBe('2026-03-29T01:59:59+01:00');
      expect(toBrusselsIso('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00:00+02:00');
    });

    it('has a 23-hour day', () => {
      const hours =
        (startOfBrusselsDay('2026-03-30').getTime() - startOfBrusselsDay('2026-03-29').getTime()) / 3_600_000;
      expect(hours).toBe(23);
      expect(startOfBrusselsDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
      expect(startOfBrusselsDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    });

    it('resolves a wall time that does not exist (02:30) to an hour later', () => {
      expect(toBrusselsIso(brusselsDateTime('2026-03-29', '02:30'))).toBe('2026-03-29T03:30:00+02:00');
    });

    it('gives the Brussels date of an instant late on Saturday evening UTC', () => {
      expect(brusselsDate('2026-03-28T22:30:00Z')).toBe('2026-03-28');
      expect(brusselsDate('2026-03-28T23:30:00Z')).toBe('2026-03-29');
    });
  });

  describe('the fall-back weekend (last Sunday of October: 25 October 2026, 03:00 → 02:00)', () => {
    it('adds 24 real hours: the wall clock moves 23 hours', () => {
      expect(toBrusselsIso(addHours('2026-10-24T10:00:00+02:00', 24))).toBe('2026-10-25T09:00:00+01:00');
    });

    it('has a 25-hour day and resolves the doubled 02:30 to its first (summer-time) occurrence', () => {
      const hours =
        (startOfBrusselsDay('2026-10-26').getTime() - startOfBrusselsDay('2026-10-25').getTime()) / 3_600_000;
      expect(hours).toBe(25);
      expect(brusselsDateTime('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    });

    it('gives the Brussels date around midnight on both sides of the change', () => {
      expect(brusselsDate('2026-10-24T21:59:59Z')).toBe('2026-10-24');
      expect(brusselsDate('2026-10-24T22:00:00Z')).toBe('2026-10-25');
      expect(brusselsDate('2026-10-25T22:59:59Z')).toBe('2026-10-25');
      expect(brusselsDate('2026-10-25T23:00:00Z')).toBe('2026-10-26');
    });
  });

  it('puts 23:30 UTC on New Year’s Eve in the new year in Brussels', () => {
    expect(brusselsDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    expect(toBrusselsIso('2025-12-31T23:30:00Z')).toBe('2026-01-01T00:30:00+01:00');
  });

  it('formats dates and deadlines in Dutch, in Brussels time', () => {
    expect(formatDutchDate('2020-11-16')).toBe('maandag 16 november 2020');
    expect(formatDutchDateTime('2026-03-29T09:00:00Z')).toBe('zondag 29 maart 2026 om 11:00');
  });

  it('refuses malformed dates and instants', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => brusselsDate('yesterday')).toThrow(RangeError);
    expect(() => brusselsDateTime('2026-01-01', '24:00')).toThrow(RangeError);
  });

  it('counts calendar days across New Year, leap days and DST without drifting', () => {
    expect(addDays('2025-12-27', 10)).toBe('2026-01-06');
    expect(addDays('2028-02-25', 5)).toBe('2028-03-01');
    expect(addDays('2026-03-27', 3)).toBe('2026-03-30');
    expect(daysBetween('2026-10-20', '2026-10-30')).toBe(10);
    expect(isoWeekday('2026-03-29')).toBe(7);
  });

  it('agrees with Date for every day from 1899 to 2101 (integer date arithmetic)', () => {
    let expected = Date.UTC(1899, 0, 1);
    let date = '1899-01-01';
    while (date <= '2101-12-31') {
      expect(new Date(expected).toISOString().slice(0, 10)).toBe(date);
      const weekday = new Date(expected).getUTCDay();
      if (isoWeekday(date) !== (weekday === 0 ? 7 : weekday)) throw new Error(`weekday of ${date}`);
      date = addDays(date, 1);
      expected += 86_400_000;
    }
    expect(daysBetween('1899-01-01', '2101-12-31')).toBe(74_143);
    expect(addDays('2101-12-31', -74_143)).toBe('1899-01-01');
  });
});
