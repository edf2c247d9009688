import type { Principal, Role } from '@meldpunt/auth';
import { message } from '../messages';
import type { UserAccount } from './user-account.entity';

export interface Tenancy {
  readonly role: Role;
  readonly clbIds: readonly string[];
  readonly schoolIds: readonly string[];
}

/** Field errors (`{ field, messages }`) of a role/tenancy combination; empty when it is consistent. */
export function tenancyProblems(tenancy: Tenancy): { field: string; messages: string[] }[] {
  switch (tenancy.role) {
    case 'school': {
      const problems: { field: string; messages: string[] }[] = [];
      if (tenancy.schoolIds.length === 0)
        problems.push({ field: 'schoolIds', messages: [message('tenancySchoolNeeded')] });
      if (tenancy.clbIds.length > 0)
        problems.push({ field: 'clbIds', messages: [message('tenancySchoolOnly')] });
      return problems;
    }
    case 'clb-staff':
    case 'doctor':
    case 'coordinator': {
      const problems: { field: string; messages: string[] }[] = [];
      if (tenancy.clbIds.length === 0)
        problems.push({ field: 'clbIds', messages: [message('tenancyClbNeeded')] });
      if (tenancy.schoolIds.length > 0)
        problems.push({ field: 'schoolIds', messages: [message('tenancyClbOnly')] });
      return problems;
    }
    case 'admin':
      // An admin without binding acts platform-wide; one bound to CLBs or schools is narrowed (TenancyScope).
      return [];
  }
}

/** Who the console vouches for when it calls a service on this user's behalf. No name, no e-mail. */
export function principalOf(user: Pick<UserAccount, 'id' | 'role' | 'clbIds' | 'schoolIds'>): Principal {
  return {
    userId: user.id,
    role: user.role,
    clbIds: [...user.clbIds],
    schoolIds: [...user.schoolIds],
  };
}
