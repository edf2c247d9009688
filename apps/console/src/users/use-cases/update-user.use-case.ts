import { Injectable } from '@nestjs/common';
import type { Role } from '@meldpunt/auth';
import { PasswordHasher } from '../../auth/password-hasher';
import { SessionRepository } from '../../auth/session.repository';
import { passwordProblems } from '../password-policy';
import { tenancyProblems } from '../tenancy-rules';
import type { UserAccount } from '../user-account.entity';
import { SelfLockoutError, UserNotFoundError, UserRuleError } from '../user-errors';
import { UserRepository } from '../user.repository';
import { fieldOf, unique } from './create-user.use-case';

export interface UpdateUserCommand {
  /** The admin making the change. */
  readonly actorId: string;
  readonly userId: string;
  readonly displayName?: string | undefined;
  readonly role?: Role | undefined;
  readonly clbIds?: readonly string[] | undefined;
  readonly schoolIds?: readonly string[] | undefined;
  readonly active?: boolean | undefined;
  readonly password?: string | undefined;
}

/**
 * Changes an account. Deactivating it or giving it a new password ends its sessions; a new role or tenancy applies
 * at the user's next request (the session guard reads the user fresh). An admin cannot deactivate or demote
 * themselves.
 */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: UpdateUserCommand): Promise<UserAccount> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    if (
      command.userId === command.actorId &&
      (command.active === false || (command.role !== undefined && command.role !== user.role))
    ) {
      throw new SelfLockoutError();
    }
    const next = {
      role: command.role ?? user.role,
      clbIds: command.clbIds ? unique(command.clbIds) : user.clbIds,
      schoolIds: command.schoolIds ? unique(command.schoolIds) : user.schoolIds,
    };
    const problems = [
      ...tenancyProblems(next),
      ...(command.password === undefined
        ? []
        : fieldOf('password', passwordProblems(command.password, user.email))),
    ];
    if (problems.length > 0) throw new UserRuleError(problems);

    Object.assign(user, next);
    if (command.displayName !== undefined) user.displayName = command.displayName.trim();
    if (command.active !== undefined) user.active = command.active;
    if (command.password !== undefined) user.passwordHash = await this.hasher.hash(command.password);
    const saved = await this.users.save(user);
    if (command.active === false || command.password !== undefined) {
      await this.sessions.deleteForUser(user.id);
    }
    return saved;
  }
}
