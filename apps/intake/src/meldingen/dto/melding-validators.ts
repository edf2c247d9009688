import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  IsCalendarDate as isCalendarDateSaying,
  IsNotBlank as isNotBlankSaying,
  says,
} from '@meldpunt/platform';
import { MESSAGES } from '../meldingen.messages';

export { says };

/** An existing date written as YYYY-MM-DD (shared validator, the meldingen message). */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return isCalendarDateSaying(MESSAGES.field.date, options);
}

/** The property may only be present when the object's `property` is one of `values`. */
export function OnlyWhen(property: string, values: readonly string[]): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'onlyWhen',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: says(MESSAGES.field.onlyWhen(property, values)) },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined || values.includes(String((args.object as Record<string, unknown>)[property])),
      },
    });
}

/** The string has at least one non-space character. */
export function IsNotBlank(): PropertyDecorator {
  return isNotBlankSaying(MESSAGES.field.notBlank);
}
