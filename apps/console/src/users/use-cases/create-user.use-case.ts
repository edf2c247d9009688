import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Role } from '@meldpunt/auth';
import { PasswordHasher } from '../../auth/password-hasher';
import { passwordProblems } from '../password-policy';
import { tenancyProblems } from '../tenancy-rules';
import type { UserAccount } from '../user-account.entity';
import { UserRuleError } from '../user-errors';
import { UserRepository } from '../user.repository';

export interface CreateUserCommand {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly clbIds: readonly string[];
  readonly schoolIds: readonly string[];
  readonly password: string;
}

/** Creates an account after checking the password policy and the role's tenancy; EmailTakenError on a duplicate. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateUserCommand): Promise<UserAccount> {
    const problems = [
      ...tenancyProblems(command),
      ...fieldOf('password', passwordProblems(command.password, command.email)),
    ];
    if (problems.length > 0) throw new UserRuleError(problems);
    return this.users.insert(
      this.users.create({
        id: randomUUID(),
        email: command.email,
        displayName: command.displayName.trim(),
        role: command.role,
        clbIds: unique(command.clbIds),
        schoolIds: unique(command.schoolIds),
        passwordHash: await this.hasher.hash(command.password),
        active: true,
      }),
    );
  }
}

export function fieldOf(field: string, messages: string[]): { field: string; messages: string[] }[] {
  return messages.length > 0 ? [{ field, messages }] : [];
}

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
