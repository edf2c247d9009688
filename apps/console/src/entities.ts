import { Session } from './auth/session.entity';
import { UserAccount } from './users/user-account.entity';

/** Every table the console owns; migrations are generated from these. */
export const ENTITIES = [UserAccount, Session];
