import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REQUIRED_ROLES, type Role, ServiceTokenVerifier, TokenError } from '@meldpunt/auth';
import { SchoolCredentialVerifier } from '../../credentials/school-credential-verifier';
import { principalOf, type MeldingCaller } from '../melding-caller';
import { MESSAGES } from '../meldingen.messages';
import type { MeldingenRequest } from './meldingen-request';

const BEARER = /^Bearer (\S+)$/;

function unauthorized(message: string, reason: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message, reason });
}

/**
 * For @Public() meldingen routes that school software may call too: exactly one of a console token
 * (`Authorization: Bearer …`) or a school API key (`X-Api-Key`) must be present and valid. Sets the caller and
 * its principal (school software acts as a school user of its own school); @Roles() applies as usual.
 */
@Injectable()
export class SchoolCallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ServiceTokenVerifier,
    private readonly credentials: SchoolCredentialVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MeldingenRequest>();
    const authorization = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (authorization !== undefined && apiKey !== undefined)
      throw unauthorized(MESSAGES.auth.both, 'ambiguous-credentials');
    if (authorization === undefined && apiKey === undefined)
      throw unauthorized(MESSAGES.auth.required, 'missing-credentials');

    let caller: MeldingCaller;
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw unauthorized(MESSAGES.auth.invalidToken, 'malformed-authorization');
      try {
        caller = { kind: 'user', principal: this.tokens.verify(token) };
      } catch (error) {
        throw unauthorized(
          MESSAGES.auth.invalidToken,
          error instanceof TokenError ? error.message : 'invalid token',
        );
      }
    } else {
      const verified = typeof apiKey === 'string' ? await this.credentials.verifyApiKey(apiKey.trim()) : null;
      if (!verified) throw unauthorized(MESSAGES.auth.invalidApiKey, 'invalid-api-key');
      caller = { kind: 'api-key', schoolId: verified.schoolId, keyId: verified.keyId };
    }

    const principal = principalOf(caller);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: MESSAGES.forbiddenRole });
    }
    request.caller = caller;
    request.principal = principal;
    return true;
  }
}
