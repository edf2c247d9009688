import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorKind } from './domain-error';

const STATUS: Record<DomainErrorKind, { status: number; error: string }> = {
  'not-found': { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { status: HttpStatus.CONFLICT, error: 'Conflict' },
  invalid: { status: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
  'unsupported-media-type': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, error: 'Unsupported Media Type' },
  unavailable: { status: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable' },
};

/** Maps DomainError to its HTTP answer, in the same shape as the ValidationPipe's 400 (`fields`). */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(exception: DomainError, host: ArgumentsHost): void {
    const { status, error } = STATUS[exception.kind];
    const body: Record<string, unknown> = { statusCode: status, error, message: exception.message };
    if (exception.fields.length > 0) body.fields = exception.fields;
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
