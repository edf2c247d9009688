import { BadRequestException, type ValidationError } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** Flattens class-validator errors into `{ field: 'guardians[0].email', messages: [...] }`. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** ValidationPipe exceptionFactory: a 400 whose body names every bad field. */
export function fieldErrorsFactory(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'De invoer is ongeldig.',
    fields: flattenValidationErrors(errors),
  });
}
