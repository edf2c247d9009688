import type { Principal } from '@meldpunt/auth';
import type { MeldingChannel } from '@meldpunt/contracts';

/**
 * Who submits or reads meldingen: a console user (token), or a school's software (API key or signed webhook),
 * which acts as a school user bound to the credential's school.
 */
export type MeldingCaller =
  | { readonly kind: 'user'; readonly principal: Principal }
  | { readonly kind: 'api-key'; readonly schoolId: string; readonly keyId: string }
  | { readonly kind: 'webhook'; readonly schoolId: string; readonly keyId: string };

export function channelOf(caller: MeldingCaller): MeldingChannel {
  switch (caller.kind) {
    case 'user':
      return 'form';
    case 'api-key':
      return 'api';
    case 'webhook':
      return 'webhook';
  }
}

/** Recorded on each report: `user:<id>`, `api-key:<keyId>` or `webhook:<keyId>`. */
export function submitterOf(caller: MeldingCaller): string {
  return caller.kind === 'user' ? `user:${caller.principal.userId}` : `${caller.kind}:${caller.keyId}`;
}

/** Whose Idempotency-Keys these are: a user's own, or the school's (its API and webhook share them). */
export function idempotencyOwnerOf(caller: MeldingCaller): string {
  return caller.kind === 'user' ? `user:${caller.principal.userId}` : `school:${caller.schoolId}`;
}

/** The principal a caller acts as; school software acts as a school user of its own school. */
export function principalOf(caller: MeldingCaller): Principal {
  return caller.kind === 'user'
    ? caller.principal
    : { userId: `${caller.kind}:${caller.keyId}`, role: 'school', clbIds: [], schoolIds: [caller.schoolId] };
}
