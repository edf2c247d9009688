import type { FieldError } from '@meldpunt/platform';

/** A request that is well-formed but breaks a rule of the console (password policy, tenancy, …): 400 with fields. */
export class UserRuleError extends Error {
  constructor(readonly fields: readonly FieldError[]) {
    super(fields.map((field) => `${field.field}: ${field.messages.join(' ')}`).join('; '));
    this.name = 'UserRuleError';
  }
}

export class UserNotFoundError extends Error {
  constructor() {
    super('user not found');
    this.name = 'UserNotFoundError';
  }
}

/** An admin tried to deactivate or demote their own account (and so lock themselves out). */
export class SelfLockoutError extends Error {
  constructor() {
    super('cannot deactivate or demote yourself');
    this.name = 'SelfLockoutError';
  }
}
