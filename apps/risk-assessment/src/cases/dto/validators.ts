import type { ValidationOptions } from 'class-validator';
import {
  IsCalendarDate as isCalendarDateSaying,
  IsNotBlank as isNotBlankSaying,
  says,
} from '@meldpunt/platform';
import { MESSAGES } from '../cases.messages';

export { says };

/** An existing date written as YYYY-MM-DD (shared validator, this feature's message). */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return isCalendarDateSaying(MESSAGES.field.date, options);
}

/** A string with at least one non-space character. */
export function IsNotBlank(): PropertyDecorator {
  return isNotBlankSaying(MESSAGES.field.notBlank);
}
