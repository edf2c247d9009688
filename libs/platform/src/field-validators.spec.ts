import { validateSync } from 'class-validator';
import { IsCalendarDate, IsNotBlank, isCalendarDate } from './field-validators';

class Probe {
  @IsCalendarDate('is geen datum (JJJJ-MM-DD).')
  day!: unknown;

  @IsNotBlank('mag niet leeg zijn.')
  name!: unknown;
}

function messagesOf(day: unknown, name: unknown): string[] {
  return validateSync(Object.assign(new Probe(), { day, name })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
}

describe('shared field validators', () => {
  it('accepts only existing dates written as YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-01')).toBe(false);
    expect(isCalendarDate(20260201)).toBe(false);
  });

  it('names the field in the app’s words', () => {
    expect(messagesOf('2026-11-25', 'An')).toEqual([]);
    expect(messagesOf('2026-13-01', '   ')).toEqual([
      'day is geen datum (JJJJ-MM-DD).',
      'name mag niet leeg zijn.',
    ]);
  });
});
