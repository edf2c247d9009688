import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpResponse as Response } from '../http-types';
import { IS_PUBLIC, REQUIRED_ROLES, type Role } from '@meldpunt/auth';
import { ConsoleConfig } from '../config';
import { message } from '../messages';
import type { ConsoleRequest } from './authenticated-session';
import { CSRF_HEADER, checkCsrf } from './csrf';
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie';
import { looksLikeSessionId } from './session-secrets';
import { ResolveSessionUseCase } from './use-cases/resolve-session.use-case';

/** Requests with this header set to 1 (the page's automatic refreshes) do not count as user activity. */
export const BACKGROUND_HEADER = 'x-meldpunt-background';

function header(request: ConsoleRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Global guard of the console: every route needs a valid session cookie (401) unless it is @Public(); a
 * state-changing request must also pass the CSRF check (403); @Roles() narrows a route to some roles (403).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolveSession: ResolveSessionUseCase,
    private readonly config: ConsoleConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const cookies = request.cookies;
    const sessionId = cookies?.[SESSION_COOKIE];
    // A live stream (EventSource cannot send headers; it asks for text/event-stream) is not user activity either.
    const background =
      header(request, BACKGROUND_HEADER) === '1' ||
      /text\/event-stream/i.test(header(request, 'accept') ?? '');
    const session = looksLikeSessionId(sessionId)
      ? await this.resolveSession.execute(sessionId, { touch: !background })
      : null;
    if (!session) {
      if (sessionId !== undefined)
        clearSessionCookie(context.switchToHttp().getResponse<Response>(), this.config);
      throw new UnauthorizedException({
        statusCode: 401,
        message: message(sessionId === undefined ? 'loginRequired' : 'sessionExpired'),
      });
    }
    const verdict = checkCsrf(
      {
        method: request.method,
        token: header(request, CSRF_HEADER),
        origin: header(request, 'origin'),
        host: header(request, 'host'),
      },
      session.csrfToken,
    );
    if (verdict !== 'ok') {
      throw new ForbiddenException({
        statusCode: 403,
        message: message(verdict === 'cross-origin' ? 'crossOriginRefused' : 'csrfRefused'),
      });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(session.user.role)) {
      throw new ForbiddenException({ statusCode: 403, message: message('forbidden') });
    }
    request.consoleSession = session;
    return true;
  }
}
