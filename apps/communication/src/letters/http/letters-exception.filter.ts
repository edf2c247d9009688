import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { LettersError, type LettersErrorKind } from '../letters.errors';

const STATUS: Record<LettersErrorKind, { status: number; error: string }> = {
  'not-found': { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { status: HttpStatus.CONFLICT, error: 'Conflict' },
};

@Catch(LettersError)
export class LettersExceptionFilter implements ExceptionFilter<LettersError> {
  catch(exception: LettersError, host: ArgumentsHost): void {
    const { status, error } = STATUS[exception.kind];
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ statusCode: status, error, message: exception.message });
  }
}
