import { z } from 'zod';
import { SCHOOL_LEVELS } from './intake.events';

export const GROUP_KINDS = ['class', 'group', 'living-group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A school year as `2026-2027`. */
export const SCHOOL_YEAR_PATTERN = /^\d{4}-\d{4}$/;

/**
 * The members of one class, group or internaat living group, after a roster import. Pseudonymous ids only: who a
 * member is stays in intake. Keyed per school (the school the group belongs to: for a living group, the
 * internaat, whose boarders may be pupils of other schools). Sent only for groups whose membership changed; a
 * group that lost all its members is sent with empty lists.
 */
export const groupMembershipChangedV1 = z.object({
  schoolId: z.uuid(),
  groupId: z.uuid(),
  schoolYear: z.string().regex(SCHOOL_YEAR_PATTERN),
  kind: z.enum(GROUP_KINDS),
  /** The group's name as the school uses it (`3B`, `Leefgroep Noord`): organisational, not personal data. */
  name: z.string().min(1).max(100),
  level: z.enum(SCHOOL_LEVELS),
  pupilRefs: z.array(z.uuid()),
  staffRefs: z.array(z.uuid()),
});
export type GroupMembershipChangedV1 = z.infer<typeof groupMembershipChangedV1>;

/**
 * How guardian contacts are sealed (`scheme` of GuardianContactsChangedV1):
 *
 * 1. intake draws a fresh random 32-byte key K for every event and seals it to the communication service's
 *    X25519 public key with libsodium's `crypto_box_seal` → `sealedKey` (base64).
 * 2. each contact is the JSON of `SealedGuardianContactV1` (see packGuardianContact), encrypted with AES-256-GCM
 *    under K with a 12-byte nonce unique within the event and the additional authenticated data
 *    `<schoolId>/<pupilRef>/<guardianRef>` (UTF-8) → `sealed` = base64(nonce ‖ ciphertext ‖ 16-byte tag).
 *
 * Opening: K = crypto_box_seal_open(sealedKey), then AES-256-GCM decrypt, then unpackGuardianContact(JSON).
 * Only the holder of communication's secret key can open K (`crypto_box_seal_open`) and so any contact; the AAD
 * binds every ciphertext to its refs, so blobs cannot be swapped between guardians. One public-key operation per
 * event instead of per contact: a region's 2.4 million guardians seal in seconds rather than minutes.
 */
export const GUARDIAN_CONTACT_SCHEME = 'sealedbox-x25519+aes-256-gcm' as const;

export const CONTACT_CHANNELS = ['email', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** A guardian's contact details, as communication uses them after opening a sealed contact. */
export const guardianContactV1 = z.object({
  name: z.string().min(1).max(200),
  /** Which household the guardian belongs to (`gezin 1`, `mama`): one letter per household on paper. */
  householdLabel: z.string().min(1).max(100),
  /** ISO 639-1 language code for letters: `nl`, `fr`, `ar`, `uk`, … */
  language: z.string().regex(/^[a-z]{2}$/),
  email: z.string().max(254).nullable(),
  /** E.164, e.g. `+32470123456`. */
  mobile: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/)
    .nullable(),
  preferredChannel: z.enum(CONTACT_CHANNELS),
  /** For the salutation of letters ("Beste ouder van Zoë"). */
  pupilFirstName: z.string().min(1).max(100),
  pupilLastName: z.string().min(1).max(100),
});
export type GuardianContactV1 = z.infer<typeof guardianContactV1>;

/**
 * The plaintext inside one sealed contact: GuardianContactV1 with one- or two-letter keys (a region's import seals
 * 2.4 million of them; the short keys make every event a third smaller). `e` and `m` are left out when absent.
 * Use packGuardianContact / unpackGuardianContact rather than the keys.
 */
export const sealedGuardianContactV1 = z.object({
  n: guardianContactV1.shape.name,
  h: guardianContactV1.shape.householdLabel,
  l: guardianContactV1.shape.language,
  e: z.string().max(254).optional(),
  m: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/)
    .optional(),
  c: guardianContactV1.shape.preferredChannel,
  pf: guardianContactV1.shape.pupilFirstName,
  pl: guardianContactV1.shape.pupilLastName,
});
export type SealedGuardianContactV1 = z.infer<typeof sealedGuardianContactV1>;

export function packGuardianContact(contact: GuardianContactV1): SealedGuardianContactV1 {
  const packed: SealedGuardianContactV1 = {
    n: contact.name,
    h: contact.householdLabel,
    l: contact.language,
    c: contact.preferredChannel,
    pf: contact.pupilFirstName,
    pl: contact.pupilLastName,
  };
  if (contact.email !== null) packed.e = contact.email;
  if (contact.mobile !== null) packed.m = contact.mobile;
  return packed;
}

/** Validates an opened contact's JSON and gives it its readable shape. */
export function unpackGuardianContact(json: unknown): GuardianContactV1 {
  const packed = sealedGuardianContactV1.parse(json);
  return {
    name: packed.n,
    householdLabel: packed.h,
    language: packed.l,
    email: packed.e ?? null,
    mobile: packed.m ?? null,
    preferredChannel: packed.c,
    pupilFirstName: packed.pf,
    pupilLastName: packed.pl,
  };
}

/**
 * Guardian contact details for the communication service, sealed to its public key (see GUARDIAN_CONTACT_SCHEME):
 * nobody else on Kafka can read name, e-mail, phone, language or preferred channel. Keyed per school. Only new,
 * changed and removed guardians are sent; a large import is split over several events.
 */
export const guardianContactsChangedV1 = z.object({
  schoolId: z.uuid(),
  /** Identifies communication's key pair, so keys can rotate. */
  keyId: z.string().min(1).max(100),
  scheme: z.literal(GUARDIAN_CONTACT_SCHEME),
  /** base64 `crypto_box_seal` of this event's 32-byte content key (80 bytes sealed). */
  sealedKey: z.string().min(1).max(200),
  contacts: z
    .array(
      z.object({
        pupilRef: z.uuid(),
        guardianRef: z.uuid(),
        /** base64(nonce ‖ AES-256-GCM ciphertext ‖ tag) of the contact JSON; null when the guardian was removed. */
        sealed: z.string().max(8_192).nullable(),
      }),
    )
    .max(2_000),
});
export type GuardianContactsChangedV1 = z.infer<typeof guardianContactsChangedV1>;
