import { z } from 'zod';

/**
 * Reference data owned by intake. Other services keep a local copy (their own tables) to scope queries by CLB
 * and school. CLB and school names are organisational data, not personal data.
 */
export const clbRegisteredV1 = z.object({
  clbId: z.uuid(),
  name: z.string().min(1).max(200),
});
export type ClbRegisteredV1 = z.infer<typeof clbRegisteredV1>;

export const SCHOOL_LEVELS = ['kleuter', 'lager', 'secundair', 'buitengewoon'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const schoolRegisteredV1 = z.object({
  schoolId: z.uuid(),
  clbId: z.uuid(),
  /** Flemish institution number (instellingsnummer): 6 digits. */
  instellingsnummer: z.string().regex(/^\d{6}$/),
  name: z.string().min(1).max(200),
  levels: z.array(z.enum(SCHOOL_LEVELS)).min(1),
  /** Added in place (optional, so older events stay valid): whether the school is (also) an internaat. */
  isInternaat: z.boolean().optional(),
  /** Postal address of the school (organisational data); null for schools registered without one. */
  address: z
    .object({
      street: z.string().min(1).max(200),
      postalCode: z.string().regex(/^\d{4}$/),
      city: z.string().min(1).max(100),
    })
    .nullable()
    .optional(),
  /**
   * Every CLB serving the school: its own CLB first, then CLBs added by agreement and the CLBs linked through
   * internaat boarders (see intake's registry). Optional: older events carry only `clbId`.
   */
  servingClbIds: z.array(z.uuid()).optional(),
});
export type SchoolRegisteredV1 = z.infer<typeof schoolRegisteredV1>;
