import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { TemplateAdminError, type TemplateAdminErrorKind } from './template-admin.errors';

const STATUS: Record<TemplateAdminErrorKind, { status: number; error: string }> = {
  'not-found': { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { status: HttpStatus.CONFLICT, error: 'Conflict' },
  'rate-limited': { status: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests' },
  'delivery-failed': { status: HttpStatus.BAD_GATEWAY, error: 'Bad Gateway' },
};

@Catch(TemplateAdminError)
export class TemplateAdminExceptionFilter implements ExceptionFilter<TemplateAdminError> {
  catch(exception: TemplateAdminError, host: ArgumentsHost): void {
    const { status, error } = STATUS[exception.kind];
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({
        statusCode: status,
        error,
        message: exception.message,
        ...(exception.currentVersion !== undefined ? { currentVersion: exception.currentVersion } : {}),
      });
  }
}
