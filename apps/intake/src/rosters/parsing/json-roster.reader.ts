import type { FieldNamer, RawGuardian, RawPupilRecord, RawStaffRecord } from './roster-record';

/** The JSON import's pupil, as the HTTP DTO admitted it (types checked, meaning not yet). */
export interface JsonPupil {
  readonly pupilNumber?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly birthDate?: string;
  readonly className?: string;
  readonly level?: string;
  readonly livingGroup?: { readonly internaat?: string; readonly name?: string } | null;
  readonly groups?: readonly string[];
  readonly guardians?: readonly {
    readonly name?: string;
    readonly householdLabel?: string;
    readonly language?: string;
    readonly email?: string;
    readonly mobile?: string;
    readonly preferredChannel?: string;
  }[];
}

export interface JsonStaff {
  readonly staffNumber?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly classes?: readonly string[];
}

/** What a JSON roster upload holds (stored as-is, read back by the import job). */
export interface JsonRoster {
  readonly pupils: readonly JsonPupil[];
  readonly staff?: readonly JsonStaff[];
}

const PUPIL_PATH: Readonly<Record<string, string>> = {
  internaat: 'livingGroup.internaat',
  livingGroup: 'livingGroup.name',
};

/** JSON field paths for error reports: `pupils[3].birthDate`, `pupils[3].guardians[0].mobile`. */
export const JSON_FIELD_NAMER: FieldNamer = {
  pupil: (field, index) => `pupils[${index}].${PUPIL_PATH[field] ?? field}`,
  guardian: (field, slot, index) => `pupils[${index}].guardians[${slot - 1}].${field}`,
};

/** Batches of raw records from a JSON roster; `line` is the pupil's position in `pupils`, from 1. */
export function* jsonRosterBatches(roster: JsonRoster, size: number): Generator<RawPupilRecord[]> {
  const hasGroups = roster.pupils.some((pupil) => pupil.groups !== undefined);
  for (let start = 0; start < roster.pupils.length; start += size) {
    yield roster.pupils.slice(start, start + size).map((pupil, offset) => {
      const index = start + offset;
      const guardians: RawGuardian[] = (pupil.guardians ?? []).map((guardian, position) => ({
        slot: position + 1,
        values: { ...guardian },
      }));
      return {
        line: index + 1,
        index,
        values: {
          pupilNumber: pupil.pupilNumber,
          firstName: pupil.firstName,
          lastName: pupil.lastName,
          birthDate: pupil.birthDate,
          className: pupil.className,
          level: pupil.level,
          internaat: pupil.livingGroup?.internaat,
          livingGroup: pupil.livingGroup?.name,
        },
        guardians,
        groups: hasGroups ? [...(pupil.groups ?? [])] : null,
      };
    });
  }
}

export function jsonStaffRecords(roster: JsonRoster): RawStaffRecord[] | null {
  if (roster.staff === undefined) return null;
  return roster.staff.map((member, index) => ({
    index,
    staffNumber: member.staffNumber,
    firstName: member.firstName,
    lastName: member.lastName,
    classes: [...(member.classes ?? [])],
  }));
}
