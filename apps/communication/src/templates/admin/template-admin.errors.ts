import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '@meldpunt/platform';

export type TemplateAdminErrorKind = 'not-found' | 'conflict' | 'rate-limited' | 'delivery-failed';

/** A refusal the template routes explain to the admin (Dutch); TemplateAdminExceptionFilter maps it to HTTP. */
export class TemplateAdminError extends Error {
  constructor(
    readonly kind: TemplateAdminErrorKind,
    message: string,
    /** The current version on a conflict (the page offers to reload it). */
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'TemplateAdminError';
  }
}

/** A 400 with field errors in the shape of the ValidationPipe's (`fieldErrorsFactory`). */
export function fieldErrors(fields: readonly FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'De invoer is ongeldig.',
    fields,
  });
}
