import { TenancyScope, principalSchema } from '@meldpunt/auth';
import { principalOf, tenancyProblems } from './tenancy-rules';

const CLB = '11111111-1111-4111-8111-111111111111';
const SCHOOL = '33333333-3333-4333-8333-333333333333';

describe('principalOf', () => {
  it('carries id, role and tenancy, and nothing personal', () => {
    const principal = principalOf({ id: 'u-1', role: 'school', clbIds: [], schoolIds: [SCHOOL] });
    expect(principal).toEqual({ userId: 'u-1', role: 'school', clbIds: [], schoolIds: [SCHOOL] });
    expect(principalSchema.safeParse(principal).success).toBe(true);
    expect(TenancyScope.of(principal).allowsSchool(SCHOOL, [CLB])).toBe(true);
  });

  it('copies the id lists, so a later change to the user does not leak into a signed principal', () => {
    const user = { id: 'u-2', role: 'doctor' as const, clbIds: [CLB], schoolIds: [] };
    const principal = principalOf(user);
    user.clbIds.push('22222222-2222-4222-8222-222222222222');
    expect(principal.clbIds).toEqual([CLB]);
  });
});

describe('tenancyProblems', () => {
  it('binds school users to schools only', () => {
    expect(tenancyProblems({ role: 'school', clbIds: [], schoolIds: [SCHOOL] })).toEqual([]);
    expect(tenancyProblems({ role: 'school', clbIds: [CLB], schoolIds: [] }).map((p) => p.field)).toEqual([
      'schoolIds',
      'clbIds',
    ]);
  });

  it.each(['clb-staff', 'doctor', 'coordinator'] as const)('binds %s to CLBs only', (role) => {
    expect(tenancyProblems({ role, clbIds: [CLB], schoolIds: [] })).toEqual([]);
    expect(tenancyProblems({ role, clbIds: [], schoolIds: [SCHOOL] }).map((p) => p.field)).toEqual([
      'clbIds',
      'schoolIds',
    ]);
  });

  it('lets an admin be platform-wide or narrowed', () => {
    expect(tenancyProblems({ role: 'admin', clbIds: [], schoolIds: [] })).toEqual([]);
    expect(tenancyProblems({ role: 'admin', clbIds: [CLB], schoolIds: [] })).toEqual([]);
  });
});
