/** The pupil fields a roster file can carry, before validation (all raw strings). */
export const PUPIL_FIELDS = [
  'pupilNumber',
  'firstName',
  'lastName',
  'birthDate',
  'className',
  'level',
  'internaat',
  'livingGroup',
] as const;
export type PupilField = (typeof PUPIL_FIELDS)[number];

export const GUARDIAN_FIELDS = [
  'name',
  'householdLabel',
  'language',
  'email',
  'mobile',
  'preferredChannel',
] as const;
export type GuardianField = (typeof GUARDIAN_FIELDS)[number];

export const STAFF_FIELDS = ['staffNumber', 'firstName', 'lastName', 'classes'] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

/** One guardian slot of a record (ouder1, ouder2 … or guardians[0] …); `slot` starts at 1. */
export interface RawGuardian {
  readonly slot: number;
  readonly values: Partial<Record<GuardianField, string>>;
}

/**
 * How a format names its fields in error reports: the CSV's own column header (`ouder1_gsm`) or the JSON path
 * (`pupils[3].guardians[0].mobile`).
 */
export interface FieldNamer {
  pupil(field: PupilField | 'groups', index: number): string;
  guardian(field: GuardianField, slot: number, index: number): string;
}

/** One pupil as read from the file: raw values, where it was, and how to name its fields. */
export interface RawPupilRecord {
  /** CSV: the line in the file (the header is line 1). JSON: the pupil's position in `pupils`, from 1. */
  readonly line: number;
  /** 0-based position among the pupils (JSON field paths use it). */
  readonly index: number;
  readonly values: Partial<Record<PupilField, string>>;
  readonly guardians: readonly RawGuardian[];
  /** Extra groups (kind `group`: zwemgroep, koor …); null when the file does not say. */
  readonly groups: readonly string[] | null;
}

export interface RawStaffRecord {
  readonly index: number;
  readonly staffNumber?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly classes: readonly string[];
}

/** One problem found in a file: where, which field, why (Dutch). */
export interface RowError {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}
