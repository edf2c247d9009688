import type { Principal } from './principal';

/**
 * The part of the platform a principal may see, for repositories to filter on. Every repository method that reads
 * tenant data takes a TenancyScope, so a query cannot forget it (see STYLE.md, "tenancy in the type system").
 */
export class TenancyScope {
  private constructor(
    readonly principal: Principal,
    /** null = every CLB (platform admin without CLB binding). */
    readonly clbIds: readonly string[] | null,
    /** null = every school of the CLBs above; otherwise only these schools. */
    readonly schoolIds: readonly string[] | null,
  ) {}

  static of(principal: Principal): TenancyScope {
    switch (principal.role) {
      case 'school':
        return new TenancyScope(principal, [], principal.schoolIds);
      case 'clb-staff':
      case 'doctor':
      case 'coordinator':
        return new TenancyScope(principal, principal.clbIds, null);
      case 'admin':
        return principal.clbIds.length === 0 && principal.schoolIds.length === 0
          ? new TenancyScope(principal, null, null)
          : new TenancyScope(
              principal,
              principal.clbIds,
              principal.schoolIds.length ? principal.schoolIds : null,
            );
    }
  }

  /** Whether a school (served by the given CLBs) is inside this scope. */
  allowsSchool(schoolId: string, servedByClbIds: readonly string[]): boolean {
    const clbIds = this.clbIds;
    if (clbIds === null) return true;
    if (this.schoolIds?.includes(schoolId)) return true;
    return servedByClbIds.some((clbId) => clbIds.includes(clbId));
  }

  allowsClb(clbId: string): boolean {
    return this.clbIds === null || this.clbIds.includes(clbId);
  }
}
