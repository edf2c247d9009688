import { DISEASES } from '@meldpunt/contracts';
import { addDays, brusselsDate, brusselsYear, daysBetween, isCalendarDate } from './calendar-date';
import { INCUBATION_WINDOW_DAYS } from './incubation-windows';
import { checkMeldingDates, type MeldingDates } from './melding-date-rules';

const TODAY = '2026-11-24';
const valid: MeldingDates = {
  disease: 'measles',
  onsetDate: '2026-11-20',
  test: { date: '2026-11-21', result: 'positive' },
  lastDayPresent: '2026-11-19',
};
const fields = (melding: MeldingDates, today = TODAY) =>
  checkMeldingDates(melding, today).map((error) => error.field);

describe('checkMeldingDates', () => {
  it('accepts consistent dates (same-day onset and presence included)', () => {
    expect(checkMeldingDates(valid, TODAY)).toEqual([]);
    expect(fields({ ...valid, onsetDate: TODAY, lastDayPresent: TODAY, test: null })).toEqual([]);
  });

  it('refuses an onset, test date, last day present or birth date in the future, naming each field', () => {
    const errors = checkMeldingDates(
      {
        ...valid,
        onsetDate: '2026-11-25',
        test: { date: '2026-11-26', result: 'pending' },
        lastDayPresent: '2026-11-25',
        birthDate: '2027-01-01',
      },
      TODAY,
    );
    expect(errors.map((error) => error.field)).toEqual([
      'onsetDate',
      'test.date',
      'lastDayPresent',
      'subject.birthDate',
    ]);
    expect(errors[0]?.messages[0]).toBe('De datum van de eerste symptomen ligt in de toekomst.');
  });

  it('refuses a last day present before onset minus the incubation window, and says why', () => {
    const window = INCUBATION_WINDOW_DAYS.measles;
    const edge = addDays(valid.onsetDate ?? '', -window);
    expect(fields({ ...valid, lastDayPresent: edge })).toEqual([]);
    const errors = checkMeldingDates({ ...valid, lastDayPresent: addDays(edge, -1) }, TODAY);
    expect(errors).toEqual([
      {
        field: 'lastDayPresent',
        messages: [expect.stringContaining(`meer dan ${window} dagen (de incubatieperiode van mazelen)`)],
      },
    ]);
  });

  it('uses each disease its own window', () => {
    for (const disease of DISEASES) {
      const window = INCUBATION_WINDOW_DAYS[disease];
      const onsetDate = '2026-11-20';
      expect(fields({ ...valid, disease, onsetDate, lastDayPresent: addDays(onsetDate, -window) })).toEqual(
        [],
      );
      expect(
        fields({ ...valid, disease, onsetDate, lastDayPresent: addDays(onsetDate, -window - 1) }),
      ).toEqual(['lastDayPresent']);
    }
  });

  it('without symptoms anchors the window on the test date, and requires a test', () => {
    expect(fields({ ...valid, onsetDate: null, lastDayPresent: '2026-10-30' })).toEqual(['lastDayPresent']);
    expect(fields({ ...valid, onsetDate: null, lastDayPresent: '2026-10-31' })).toEqual([]);
    expect(fields({ ...valid, onsetDate: null, lastDayPresent: '2026-11-18' })).toEqual([]);
    expect(fields({ ...valid, onsetDate: null, test: null })).toEqual(['test']);
  });

  it('refuses onset and test dates that are more than 180 days old', () => {
    expect(
      fields({
        ...valid,
        onsetDate: '2026-05-01',
        test: { date: '2026-05-01', result: 'positive' },
        lastDayPresent: '2026-05-01',
      }),
    ).toEqual(['onsetDate', 'test.date']);
  });
});

describe('calendar dates in Brussels', () => {
  it('knows real dates from look-alikes', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].every(isCalendarDate)).toBe(true);
    expect(
      ['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', 20260101, null].some(
        isCalendarDate,
      ),
    ).toBe(false);
  });

  it('takes "today" in Brussels, not UTC, across both DST changes', () => {
    // Winter (UTC+1): 23:30 UTC on 24 Nov is already 25 Nov in Brussels.
    expect(brusselsDate(new Date('2026-11-24T22:59:59Z'))).toBe('2026-11-24');
    expect(brusselsDate(new Date('2026-11-24T23:00:00Z'))).toBe('2026-11-25');
    // Spring forward on 29 March 2026 (01:00 UTC): from then on midnight is 22:00 UTC.
    expect(brusselsDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(brusselsDate(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(brusselsDate(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    // Fall back on 25 October 2026 (01:00 UTC): midnight moves back to 23:00 UTC.
    expect(brusselsDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(brusselsDate(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(brusselsDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('refuses an onset "tomorrow" in Brussels even when it is still today in UTC', () => {
    const now = new Date('2026-03-29T22:30:00Z'); // 00:30 on 30 March in Brussels
    expect(
      fields(
        { ...valid, onsetDate: '2026-03-30', test: null, lastDayPresent: '2026-03-30' },
        brusselsDate(now),
      ),
    ).toEqual([]);
    const before = new Date('2026-03-29T21:30:00Z'); // 23:30 on 29 March in Brussels
    expect(
      fields(
        { ...valid, onsetDate: '2026-03-30', test: null, lastDayPresent: '2026-03-29' },
        brusselsDate(before),
      ),
    ).toEqual(['onsetDate']);
  });

  it('gives the Brussels year at new year', () => {
    expect(brusselsYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(brusselsYear(new Date('2026-12-31T22:59:00Z'))).toBe(2026);
  });

  it('adds and counts days across DST without drifting', () => {
    expect(addDays('2026-03-30', -14)).toBe('2026-03-16');
    expect(addDays('2026-10-20', 10)).toBe('2026-10-30');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31);
  });
});
