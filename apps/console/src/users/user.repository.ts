import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type Repository } from 'typeorm';
import { normalizeEmail } from './email';
import { UserAccount } from './user-account.entity';

const UNIQUE_VIOLATION = '23505';

/** Thrown when a second account would get an e-mail address that is already used. */
export class EmailTakenError extends Error {
  constructor() {
    super('e-mail address already in use');
    this.name = 'EmailTakenError';
  }
}

/**
 * The console's user accounts. Accounts are not tenant data (an admin manages them platform-wide), so these
 * methods take no TenancyScope; only admin routes and the login use them.
 */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get users(): Repository<UserAccount> {
    return this.dataSource.getRepository(UserAccount);
  }

  findByEmail(email: string): Promise<UserAccount | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  findById(id: string): Promise<UserAccount | null> {
    return this.users.findOneBy({ id });
  }

  list(): Promise<UserAccount[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  /**
   * Active CLB accounts (clb-staff, doctor, coordinator) that work for at least one of these CLBs: a user's
   * colleagues. Scoped by the caller's CLB ids, so nobody sees another CLB's people.
   */
  listClbColleagues(clbIds: readonly string[]): Promise<UserAccount[]> {
    if (clbIds.length === 0) return Promise.resolve([]);
    return this.users
      .createQueryBuilder('u')
      .where('u.active = true')
      .andWhere("u.role IN ('clb-staff', 'doctor', 'coordinator')")
      .andWhere('u.clb_ids && CAST(:clbIds AS uuid[])', { clbIds: [...clbIds] })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
  }

  /** Inserts a new account; EmailTakenError when the address exists (in any case). */
  async insert(user: UserAccount): Promise<UserAccount> {
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
    return (await this.findById(user.id)) ?? user;
  }

  async save(user: UserAccount): Promise<UserAccount> {
    return this.users.save(user);
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: at });
  }

  /** A new, unsaved account object. */
  create(fields: Omit<UserAccount, 'createdAt' | 'updatedAt' | 'lastLoginAt'>): UserAccount {
    return this.users.create({ ...fields, email: normalizeEmail(fields.email), lastLoginAt: null });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    typeof error.driverError === 'object' &&
    error.driverError !== null &&
    (error.driverError as { code?: unknown }).code === UNIQUE_VIOLATION
  );
}
