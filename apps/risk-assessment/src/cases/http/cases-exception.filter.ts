import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { CaseError, type CaseErrorKind } from '../cases.errors';

const STATUS: Record<CaseErrorKind, { status: number; error: string }> = {
  'not-found': { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { status: HttpStatus.CONFLICT, error: 'Conflict' },
  invalid: { status: HttpStatus.UNPROCESSABLE_ENTITY, error: 'Unprocessable Entity' },
};

/** Maps CaseError to 404 / 409 / 422 with `{ message, fields }` (the ValidationPipe's 400 has the same shape). */
@Catch(CaseError)
export class CasesExceptionFilter implements ExceptionFilter<CaseError> {
  catch(exception: CaseError, host: ArgumentsHost): void {
    const { status, error } = STATUS[exception.kind];
    const body: Record<string, unknown> = { statusCode: status, error, message: exception.message };
    if (exception.fields.length > 0) body.fields = exception.fields;
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
