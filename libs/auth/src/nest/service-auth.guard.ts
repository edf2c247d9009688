import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../principal';
import { ServiceTokenVerifier, TokenError } from '../service-token';
import { IS_PUBLIC, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';

/**
 * Global guard of every service: a route is refused (401) unless it is @Public() or the request carries a valid
 * service token from the console for this service; @Roles() narrows it further (403).
 */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: ServiceTokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match?.[1]) throw new UnauthorizedException({ statusCode: 401, message: 'Aanmelden is vereist.' });
    try {
      request.principal = this.verifier.verify(match[1]);
    } catch (error) {
      const reason = error instanceof TokenError ? error.message : 'invalid token';
      throw new UnauthorizedException({ statusCode: 401, message: 'Aanmelden is vereist.', reason });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException({ statusCode: 403, message: 'U hebt geen toegang tot deze functie.' });
    }
    return true;
  }
}
