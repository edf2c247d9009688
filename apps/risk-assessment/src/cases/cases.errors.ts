import type { FieldError } from '@meldpunt/platform';
import { NonRetriableError } from '@meldpunt/messaging';

export type CaseErrorKind = 'not-found' | 'conflict' | 'invalid';

/**
 * A refusal a use-case can explain to the user (Dutch message, optional field errors). Use-cases throw it without
 * knowing about HTTP; CasesExceptionFilter turns it into 404 / 409 / 422 with `{ message, fields }`.
 */
export class CaseError extends Error {
  constructor(
    readonly kind: CaseErrorKind,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'CaseError';
  }

  static notFound(message: string): CaseError {
    return new CaseError('not-found', message);
  }

  static conflict(message: string): CaseError {
    return new CaseError('conflict', message);
  }

  static invalid(message: string, fields: readonly FieldError[]): CaseError {
    return new CaseError('invalid', message, fields);
  }
}

/**
 * A melding for a school this service's directory does not know. Retried first (the school's registration event
 * travels on another topic and may simply not have been handled yet, e.g. when a new consumer group reads
 * history), then dead-lettered with this reason.
 */
export class UnknownSchoolError extends Error {
  constructor(readonly schoolId: string) {
    super(
      `unknown school ${schoolId}: not in the directory replica (intake.school.registered.v1 not received); ` +
        'replay the dead letter once the school is registered',
    );
    this.name = 'UnknownSchoolError';
  }
}

/** A letter status for a case this service does not have: dead-lettered at once, with this reason. */
export class UnknownCaseError extends NonRetriableError {
  constructor(readonly caseId: string) {
    super(`unknown case ${caseId}: no such case in risk-assessment`);
    this.name = 'UnknownCaseError';
  }
}
