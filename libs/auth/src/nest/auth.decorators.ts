import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '../principal';
import { TenancyScope } from '../tenancy';

export const IS_PUBLIC = 'meldpunt:public';
export const REQUIRED_ROLES = 'meldpunt:roles';

/** A route anyone may call: health, docs, the signed webhook (which checks its own signature). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (after authentication). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The part of an HTTP request the guard reads and writes. */
export interface AuthenticatedRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>> & { authorization?: string };
  principal?: Principal;
}

function principalOf(context: ExecutionContext): Principal {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('No principal on the request: is the route @Public()?');
  return request.principal;
}

/** The verified caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  principalOf(context),
);

/** The verified caller's tenancy, for repositories to filter on. */
export const Scope = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  TenancyScope.of(principalOf(context)),
);
