import { randomUUID } from 'node:crypto';
import type { Principal } from '@meldpunt/auth';
import type { PasswordHasher } from '../auth/password-hasher';
import { principalOf } from '../users/tenancy-rules';
import type { UserAccount } from '../users/user-account.entity';
import type { UserRepository } from '../users/user.repository';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users';

export interface DemoTenancy {
  readonly schoolId: string;
  readonly clbId: string;
}

/** Resolves the demo school and CLB ids, acting as the (already seeded) admin. */
export type DemoTenancyResolver = (admin: Principal) => Promise<DemoTenancy>;

/**
 * Creates the demo accounts, or brings existing ones back to their demo role and tenancy (the demo ids change when
 * intake's database is recreated). A password is set only when an account is created, so running it again changes
 * nothing a developer did on purpose. The admin comes first: its principal is what looks up the demo ids.
 */
export class SeedDemoUsersUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(resolveTenancy: DemoTenancyResolver): Promise<UserAccount[]> {
    const [adminSpec, ...others] = DEMO_USERS;
    if (adminSpec?.role !== 'admin') throw new Error('the first demo user must be the admin');
    const admin = await this.upsert(adminSpec, { clbIds: [], schoolIds: [] });
    const tenancy = await resolveTenancy(principalOf(admin));
    const seeded = [admin];
    for (const spec of others) {
      seeded.push(
        await this.upsert(spec, {
          clbIds: spec.binding === 'demo-clb' ? [tenancy.clbId] : [],
          schoolIds: spec.binding === 'demo-school' ? [tenancy.schoolId] : [],
        }),
      );
    }
    return seeded;
  }

  private async upsert(
    spec: DemoUser,
    tenancy: { clbIds: string[]; schoolIds: string[] },
  ): Promise<UserAccount> {
    const existing = await this.users.findByEmail(spec.email);
    if (existing) {
      Object.assign(existing, { role: spec.role, active: true, ...tenancy });
      return this.users.save(existing);
    }
    return this.users.insert(
      this.users.create({
        id: randomUUID(),
        email: spec.email,
        displayName: spec.displayName,
        role: spec.role,
        ...tenancy,
        active: true,
        passwordHash: await this.hasher.hash(DEMO_PASSWORD),
      }),
    );
  }
}
