import { z } from 'zod';

export const ROLES = ['school', 'clb-staff', 'doctor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, as the console vouches for them: a user id, one role, and the tenancy they are bound to. School
 * users carry their school ids; CLB users (clb-staff, doctor, coordinator) their CLB ids; admins may have both
 * empty and act platform-wide. Never carries a name, e-mail or other personal data.
 */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly clbIds: readonly string[];
  readonly schoolIds: readonly string[];
}

export const principalSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES),
  clbIds: z.array(z.uuid()).max(50),
  schoolIds: z.array(z.uuid()).max(500),
});
