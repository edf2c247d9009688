import {
  All,
  BadRequestException,
  Controller,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HttpResponse as Response, HttpStreamResponse } from '../http-types';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedSession, ConsoleRequest } from '../auth/authenticated-session';
import { CurrentSession } from '../auth/current-session.decorator';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { message, SERVICE_LABELS } from '../messages';
import type { ServiceId } from '../status/platform-service';
import { EventStreamRelay, isEventStreamPath } from './event-stream';
import { bodyKindOf, proxiedService, servicePathOf } from './proxy-request';
import { ServiceClient, ServiceUnavailableError, type ServiceResponse } from './service-client';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Response types passed to the browser as they are; anything else from a service is a 502. */
const PASSED_TYPES = /^(application\/(json|problem\+json)|text\/(csv|plain))\b/i;

/**
 * The backend-for-frontend: the page calls `/api/<service>/<path>` on its own origin and the console forwards it
 * with a token for that service signed from the session's principal. The services check roles and tenancy.
 */
@ApiTags('proxy')
@Controller('api')
export class ProxyController {
  private readonly logger = new Logger(ProxyController.name);

  constructor(
    private readonly client: ServiceClient,
    private readonly streams: EventStreamRelay,
  ) {}

  @All(['intake/*path', 'risk-assessment/*path', 'communication/*path', 'scheduling/*path'])
  @ApiOperation({
    summary: 'Forward to a service: /api/{intake|risk-assessment|communication|scheduling}/{path}',
    description:
      'JSON bodies up to 1 MB, text/csv up to 50 MB; the response is passed back with its status. ' +
      'GET /api/risk-assessment/v1/cases/stream is a server-sent event stream, passed on as it arrives.',
  })
  async forward(
    @Req() request: ConsoleRequest,
    @Res() response: HttpStreamResponse,
    @CurrentSession() session: AuthenticatedSession,
  ): Promise<void> {
    const service = proxiedService(request.originalUrl);
    const path = servicePathOf(request.originalUrl);
    if (!service) throw new NotFoundException({ statusCode: 404, message: message('unknownService') });
    if (!path) throw new BadRequestException({ statusCode: 400, message: message('badPath') });
    const method = request.method.toUpperCase();
    if (!METHODS.has(method)) {
      throw new HttpException(
        { statusCode: 405, message: message('methodNotAllowed') },
        HttpStatus.METHOD_NOT_ALLOWED,
      );
    }
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const contentType = request.get('content-type');
    const sentBody =
      Number(request.get('content-length') ?? 0) > 0 || request.get('transfer-encoding') !== undefined;
    if (sentBody && (body === undefined || bodyKindOf(contentType) === null)) {
      throw new HttpException(
        { statusCode: 415, message: message('unsupportedMediaType') },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const label = SERVICE_LABELS[service];
    const requestId = randomUUID();
    try {
      if (method === 'GET' && isEventStreamPath(service, path)) {
        const sessionId = request.cookies?.[SESSION_COOKIE];
        const outcome = await this.streams.relay({
          service,
          path,
          sessionId: typeof sessionId === 'string' ? sessionId : '',
          principal: session.principal,
          requestId,
          response,
        });
        if (outcome.kind === 'answer') this.pass(response, service, outcome.answer, requestId);
        return;
      }
      const answer = await this.client.send(service, session.principal, {
        method,
        path,
        contentType,
        body: ['GET', 'DELETE'].includes(method) && body?.length === 0 ? undefined : body,
        accept: request.get('accept'),
        idempotencyKey: request.get('idempotency-key'),
        requestId,
      });
      this.pass(response, service, answer, requestId);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      this.logger.warn(`${service} ${error.reason} (request ${requestId})`);
      this.sendError(
        response,
        error.reason === 'timeout' ? 504 : 502,
        message(error.reason === 'timeout' ? 'serviceTimeout' : 'serviceUnreachable', { service: label }),
      );
    }
  }

  /** A service's whole answer to the browser, with its status; 502 for what the browser must not get. */
  private pass(response: Response, service: ServiceId, answer: ServiceResponse, requestId: string): void {
    const label = SERVICE_LABELS[service];
    if (answer.status === 401) {
      // The service refused the console's own token (keys out of sync): not the user's session.
      this.logger.error(`${service} refused the console token (request ${requestId})`);
      this.sendError(response, 502, message('serviceRefusedConsole', { service: label }));
      return;
    }
    if (answer.body.length > 0 && !PASSED_TYPES.test(answer.contentType ?? '')) {
      this.logger.warn(`${service} answered ${answer.status} with ${answer.contentType ?? 'no type'}`);
      this.sendError(response, 502, message('serviceBadResponse', { service: label }));
      return;
    }
    response.status(answer.status);
    response.setHeader('Cache-Control', 'no-store');
    if (answer.contentType) response.setHeader('Content-Type', answer.contentType);
    if (answer.retryAfter) response.setHeader('Retry-After', answer.retryAfter);
    response.end(answer.body);
  }

  private sendError(response: Response, status: number, text: string): void {
    response.status(status).setHeader('Cache-Control', 'no-store');
    response.json({ statusCode: status, message: text });
  }
}
