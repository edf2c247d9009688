import { TenancyScope } from './tenancy';

const CLB_A = '11111111-1111-4111-8111-111111111111';
const CLB_B = '22222222-2222-4222-8222-222222222222';
const SCHOOL_1 = '33333333-3333-4333-8333-333333333333';
const SCHOOL_2 = '44444444-4444-4444-8444-444444444444';

describe('TenancyScope', () => {
  it('binds a school user to their own schools only', () => {
    const scope = TenancyScope.of({ userId: 'u', role: 'school', clbIds: [CLB_A], schoolIds: [SCHOOL_1] });
    expect(scope.allowsSchool(SCHOOL_1, [CLB_A])).toBe(true);
    expect(scope.allowsSchool(SCHOOL_2, [CLB_A])).toBe(false);
    expect(scope.allowsClb(CLB_A)).toBe(false);
  });

  it('binds CLB staff to the schools their CLB serves (incl. an internaat served by two CLBs)', () => {
    const scope = TenancyScope.of({ userId: 'u', role: 'doctor', clbIds: [CLB_A], schoolIds: [] });
    expect(scope.allowsSchool(SCHOOL_2, [CLB_A])).toBe(true);
    expect(scope.allowsSchool(SCHOOL_2, [CLB_B, CLB_A])).toBe(true);
    expect(scope.allowsSchool(SCHOOL_2, [CLB_B])).toBe(false);
    expect(scope.allowsClb(CLB_B)).toBe(false);
  });

  it('lets an unbound admin see everything', () => {
    const scope = TenancyScope.of({ userId: 'u', role: 'admin', clbIds: [], schoolIds: [] });
    expect(scope.allowsSchool(SCHOOL_2, [CLB_B])).toBe(true);
    expect(scope.allowsClb(CLB_B)).toBe(true);
  });
});
