import type { FieldError } from '@meldpunt/platform';

export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid' | 'unsupported-media-type' | 'unavailable';

/**
 * A refusal a use-case can explain to the user (Dutch message, optional field errors). Use-cases throw it without
 * knowing about HTTP; DomainErrorFilter turns it into 404 / 409 / 400 / 415 / 503 with `{ message, fields }`.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(message: string): DomainError {
    return new DomainError('not-found', message);
  }

  static conflict(message: string, field: string, fieldMessage: string): DomainError {
    return new DomainError('conflict', message, [{ field, messages: [fieldMessage] }]);
  }

  static invalid(message: string, fields: readonly FieldError[]): DomainError {
    return new DomainError('invalid', message, fields);
  }
}
