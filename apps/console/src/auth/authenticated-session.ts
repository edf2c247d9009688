import type { Principal } from '@meldpunt/auth';
import type { HttpRequest } from '../http-types';
import type { UserAccount } from '../users/user-account.entity';

/** A valid session with its (active) user, as the guard puts it on the request. */
export interface AuthenticatedSession {
  readonly idHash: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly user: UserAccount;
  readonly principal: Principal;
}

/** An Express request as the console's guard leaves it. */
export interface ConsoleRequest extends HttpRequest {
  consoleSession?: AuthenticatedSession;
}
