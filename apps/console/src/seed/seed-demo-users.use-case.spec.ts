import type { PasswordHasher } from '../auth/password-hasher';
import type { UserAccount } from '../users/user-account.entity';
import type { UserRepository } from '../users/user.repository';
import { SeedDemoUsersUseCase } from './seed-demo-users.use-case';

const SCHOOL = '33333333-3333-4333-8333-333333333333';
const CLB = '11111111-1111-4111-8111-111111111111';

/** The accounts in memory, as the repository would keep them. */
function memoryUsers(): { repository: UserRepository; users: Map<string, UserAccount> } {
  const users = new Map<string, UserAccount>();
  const repository = {
    findByEmail: (email: string) => Promise.resolve(users.get(email) ?? null),
    create: (fields: Omit<UserAccount, 'createdAt' | 'updatedAt' | 'lastLoginAt'>) =>
      ({ ...fields, lastLoginAt: null }) as UserAccount,
    insert: (user: UserAccount) => {
      users.set(user.email, user);
      return Promise.resolve(user);
    },
    save: (user: UserAccount) => {
      users.set(user.email, user);
      return Promise.resolve(user);
    },
  } as unknown as UserRepository;
  return { repository, users };
}

const hasher = {
  hash: (password: string) => Promise.resolve(`hashed:${password}`),
} as unknown as PasswordHasher;

describe('SeedDemoUsersUseCase', () => {
  it('binds the doctor, the CLB staff member and the coordinator to the demo CLB, the school user to its school', async () => {
    const { repository, users } = memoryUsers();
    await new SeedDemoUsersUseCase(repository, hasher).execute(() =>
      Promise.resolve({ schoolId: SCHOOL, clbId: CLB }),
    );
    const tenancy = (email: string) => {
      const user = users.get(email);
      return { role: user?.role, clbIds: user?.clbIds, schoolIds: user?.schoolIds };
    };
    expect(tenancy('arts@meldpunt.test')).toEqual({ role: 'doctor', clbIds: [CLB], schoolIds: [] });
    expect(tenancy('medewerker@meldpunt.test')).toEqual({ role: 'clb-staff', clbIds: [CLB], schoolIds: [] });
    expect(tenancy('coordinator@meldpunt.test')).toEqual({
      role: 'coordinator',
      clbIds: [CLB],
      schoolIds: [],
    });
    expect(tenancy('school@meldpunt.test')).toEqual({ role: 'school', clbIds: [], schoolIds: [SCHOOL] });
    expect(tenancy('admin@meldpunt.test')).toEqual({ role: 'admin', clbIds: [], schoolIds: [] });
    expect(users.get('medewerker@meldpunt.test')?.passwordHash).toBe('hashed:Meldpunt-demo-2026');
  });

  it('gives an existing account its demo role and CLB back without touching its password', async () => {
    const { repository, users } = memoryUsers();
    const seed = new SeedDemoUsersUseCase(repository, hasher);
    await seed.execute(() => Promise.resolve({ schoolId: SCHOOL, clbId: CLB }));
    const staff = users.get('medewerker@meldpunt.test');
    if (!staff) throw new Error('not seeded');
    Object.assign(staff, { role: 'school', clbIds: [], active: false, passwordHash: 'changed-by-developer' });
    const newClb = '22222222-2222-4222-8222-222222222222';
    await seed.execute(() => Promise.resolve({ schoolId: SCHOOL, clbId: newClb }));
    expect(users.get('medewerker@meldpunt.test')).toMatchObject({
      role: 'clb-staff',
      clbIds: [newClb],
      active: true,
      passwordHash: 'changed-by-developer',
    });
  });
});
