import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { HttpResponse } from './http/http-types';
import {
  AccessDeniedError,
  isDatabaseUnavailable,
  NotFoundError,
  RejectedError,
  ServiceUnavailableError,
} from './meldingen.errors';
import { MESSAGES } from './meldingen.messages';

const RETRY_AFTER_SECONDS = 30;

/**
 * Answers of the meldingen and credentials routes: domain errors become 403/404/422 with `fields`; a database,
 * Kafka or Redis that cannot keep the request becomes 503 with Retry-After (never a 500 for an outage);
 * HttpExceptions pass as Nest would send them; anything else is a logged 500 without details.
 */
@Catch()
export class MeldingenExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Meldingen');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (response.headersSent) return;
    const send = (status: number, body: object) => void response.status(status).json(body);

    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      send(
        exception.getStatus(),
        typeof body === 'object' ? body : { statusCode: exception.getStatus(), message: body },
      );
    } else if (exception instanceof RejectedError) {
      send(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: exception.message,
        fields: exception.fields,
      });
    } else if (exception instanceof AccessDeniedError) {
      send(403, { statusCode: 403, error: 'Forbidden', message: exception.message });
    } else if (exception instanceof NotFoundError) {
      send(404, { statusCode: 404, error: 'Not Found', message: exception.message });
    } else if (exception instanceof ServiceUnavailableError || isDatabaseUnavailable(exception)) {
      const component = exception instanceof ServiceUnavailableError ? exception.component : 'database';
      const retryAfter =
        exception instanceof ServiceUnavailableError ? exception.retryAfterSeconds : RETRY_AFTER_SECONDS;
      this.logger.warn(`${component} unavailable: answering 503 (${describe(exception)})`);
      response.setHeader('Retry-After', String(retryAfter));
      send(503, {
        statusCode: 503,
        error: 'Service Unavailable',
        message: MESSAGES.serviceUnavailable,
        reason: `${component}-unavailable`,
        retryAfterSeconds: retryAfter,
      });
    } else {
      this.logger.error(
        `unexpected error: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
      send(500, { statusCode: 500, error: 'Internal Server Error', message: MESSAGES.internalError });
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof ServiceUnavailableError && error.cause !== undefined) return describe(error.cause);
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
