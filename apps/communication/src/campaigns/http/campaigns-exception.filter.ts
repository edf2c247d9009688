import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { CampaignsError, type CampaignsErrorKind } from '../campaigns.errors';

const STATUS: Record<CampaignsErrorKind, { status: number; error: string }> = {
  'not-found': { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { status: HttpStatus.CONFLICT, error: 'Conflict' },
  forbidden: { status: HttpStatus.FORBIDDEN, error: 'Forbidden' },
  invalid: { status: HttpStatus.BAD_REQUEST, error: 'Bad Request' },
};

@Catch(CampaignsError)
export class CampaignsExceptionFilter implements ExceptionFilter<CampaignsError> {
  catch(exception: CampaignsError, host: ArgumentsHost): void {
    const { status, error } = STATUS[exception.kind];
    const response = host.switchToHttp().getResponse<Response>();
    if (exception.kind === 'invalid' && exception.field !== null) {
      response.status(status).json({
        statusCode: status,
        error,
        message: 'De invoer is ongeldig.',
        fields: [{ field: exception.field, messages: [`${exception.field} ${exception.message}`] }],
      });
      return;
    }
    response.status(status).json({ statusCode: status, error, message: exception.message });
  }
}
