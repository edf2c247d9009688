import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A class-validator message: `<property> <text>` (the text comes from the app's Dutch message catalog). */
export function says(text: string): (args: ValidationArguments) => string {
  return (args) => `${args.property} ${text}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is an existing date written as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An existing date written as YYYY-MM-DD; `message` says so in the app's words. */
export function IsCalendarDate(message: string, options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: says(message), ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** A string with at least one non-space character. */
export function IsNotBlank(message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: says(message) },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}
