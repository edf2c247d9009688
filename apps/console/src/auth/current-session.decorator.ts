import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedSession, ConsoleRequest } from './authenticated-session';

/** The session the guard verified; only on routes that are not @Public(). */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedSession => {
    const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
    if (!session) throw new Error('No session on the request: is the route @Public()?');
    return session;
  },
);
