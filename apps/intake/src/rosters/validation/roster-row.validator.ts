import { SCHOOL_LEVELS, type ContactChannel, type SchoolLevel } from '@meldpunt/contracts';
import type { InternaatRef } from '../../registry/school.repository';
import {
  type FieldNamer,
  type GuardianField,
  type PupilField,
  type RawGuardian,
  type RawPupilRecord,
  type RawStaffRecord,
  type RowError,
} from '../parsing/roster-record';
import { ROSTER_MESSAGES } from '../rosters.messages';
import { parseDutchDate } from './calendar-date';
import { normaliseEmail } from './email-address';
import { normaliseLanguage } from './languages';
import { normaliseMobile } from './mobile-number';

const M = ROSTER_MESSAGES.row;

export interface ValidGuardian {
  readonly slot: number;
  readonly name: string;
  readonly householdLabel: string;
  readonly language: string;
  readonly email: string | null;
  readonly mobile: string | null;
  readonly preferredChannel: ContactChannel;
}

export interface ValidLivingGroup {
  /** The internaat the living group belongs to (this school, or another school that is an internaat). */
  readonly schoolId: string;
  readonly name: string;
  readonly level: SchoolLevel;
}

export interface ValidPupil {
  readonly line: number;
  readonly pupilNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  /** ISO date. */
  readonly birthDate: string;
  readonly className: string;
  readonly classLevel: SchoolLevel;
  readonly livingGroup: ValidLivingGroup | null;
  /** Extra groups; null = the file does not say (memberships stay as they are). */
  readonly groups: readonly string[] | null;
  /** Lower-case name and number without accents, for the picker's search. */
  readonly searchText: string;
  readonly guardians: readonly ValidGuardian[];
}

export interface ValidStaff {
  readonly staffNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly classes: readonly { readonly name: string; readonly level: SchoolLevel }[];
}

export interface RosterValidationContext {
  readonly schoolId: string;
  readonly schoolLevels: readonly SchoolLevel[];
  readonly schoolIsInternaat: boolean;
  /** First day of the school year (`2026-09-01`): birth dates must precede it. */
  readonly schoolYearStart: string;
  /** Internaten named in the file, by instellingsnummer (see internaatNumbersOf). */
  readonly internaten: ReadonlyMap<string, InternaatRef>;
  readonly names: FieldNamer;
}

const PUPIL_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}\-_/.]{0,29}$/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/;
const LETTER = /\p{L}/u;
const INSTELLINGSNUMMER = /^\d{6}$/;

const LEVEL_NAMES: Readonly<Record<string, SchoolLevel>> = {
  kleuter: 'kleuter',
  kleuteronderwijs: 'kleuter',
  ko: 'kleuter',
  lager: 'lager',
  'lager onderwijs': 'lager',
  lo: 'lager',
  secundair: 'secundair',
  'secundair onderwijs': 'secundair',
  so: 'secundair',
  buitengewoon: 'buitengewoon',
  'buitengewoon onderwijs': 'buitengewoon',
  bubao: 'buitengewoon',
  buso: 'buitengewoon',
  bulo: 'buitengewoon',
  buko: 'buitengewoon',
};

const CHANNELS: Readonly<Record<string, ContactChannel>> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  sms: 'sms',
  gsm: 'sms',
  tekstbericht: 'sms',
};

/** Trims, collapses inner white space and composes accents (NFC), so `Zoë` typed two ways is one name. */
export function cleanText(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  // Fast path for the usual case (printable ASCII, single spaces): no Unicode normalisation needed.
  if (/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(raw)) return raw;
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower case without accents: `Émile D'Hondt` → `emile d'hondt`. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The level of a class when the file does not say: the school's only level; for a school with kleuter, a class
 * named like `K2`, `KL3`, `Kleuter …`, `Peuters` or `Instap` is kleuter; otherwise the school's first other level.
 */
export function defaultLevel(className: string, schoolLevels: readonly SchoolLevel[]): SchoolLevel {
  const [first] = schoolLevels;
  if (first === undefined) return 'lager';
  if (schoolLevels.length === 1) return first;
  if (schoolLevels.includes('kleuter') && /^(k\s*\d|kl|kleuter|peuter|instap)/i.test(className))
    return 'kleuter';
  return schoolLevels.find((level) => level !== 'kleuter') ?? first;
}

/** The instellingsnummers of the internaten a batch of records names (to look up before validating it). */
export function internaatNumbersOf(records: readonly RawPupilRecord[]): string[] {
  const numbers = new Set<string>();
  for (const record of records) {
    const value = cleanText(record.values.internaat);
    if (INSTELLINGSNUMMER.test(value)) numbers.add(value);
  }
  return [...numbers];
}

function addYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

/**
 * Validates roster rows one by one and turns them into clean values, collecting every problem as
 * `{ line, field, reason }` (Dutch). Keeps the pupil numbers it saw, so a number used twice in one file is
 * reported at its second line. Pure: no I/O (internaten are looked up before, see internaatNumbersOf).
 */
export class RosterRowValidator {
  private readonly seen = new Map<string, number>();

  constructor(private readonly context: RosterValidationContext) {}

  /** The clean pupil, or null with its problems appended to `errors`. */
  validate(record: RawPupilRecord, errors: RowError[]): ValidPupil | null {
    const before = errors.length;
    const { line, index } = record;
    const names = this.context.names;
    const fail = (field: PupilField | 'groups', reason: string) =>
      errors.push({ line, field: names.pupil(field, index), reason });

    const pupilNumber = cleanText(record.values.pupilNumber);
    if (pupilNumber === '') fail('pupilNumber', M.required);
    else if (!PUPIL_NUMBER.test(pupilNumber)) fail('pupilNumber', M.pupilNumber);
    else {
      const first = this.seen.get(pupilNumber);
      if (first !== undefined) fail('pupilNumber', M.duplicatePupil(first));
      else this.seen.set(pupilNumber, line);
    }

    const firstName = this.name(record.values.firstName, 100, (reason) => fail('firstName', reason));
    const lastName = this.name(record.values.lastName, 100, (reason) => fail('lastName', reason));

    let birthDate: string | null = null;
    const rawBirthDate = cleanText(record.values.birthDate);
    if (rawBirthDate === '') fail('birthDate', M.required);
    else {
      birthDate = parseDutchDate(rawBirthDate);
      if (birthDate === null) fail('birthDate', M.date);
      else if (birthDate >= this.context.schoolYearStart) fail('birthDate', M.birthDateFuture);
      else if (birthDate < addYears(this.context.schoolYearStart, -30))
        fail('birthDate', M.birthDateImplausible);
    }

    const className = cleanText(record.values.className);
    if (className === '') fail('className', M.required);
    else if (className.length > 50) fail('className', M.tooLong(50));
    else if (CONTROL.test(className)) fail('className', M.controlCharacters);

    let classLevel: SchoolLevel = defaultLevel(className, this.context.schoolLevels);
    const rawLevel = cleanText(record.values.level).toLowerCase();
    if (rawLevel !== '') {
      const level = LEVEL_NAMES[rawLevel] ?? SCHOOL_LEVELS.find((candidate) => candidate === rawLevel);
      if (level === undefined) fail('level', M.level);
      else if (!this.context.schoolLevels.includes(level)) fail('level', M.levelNotOfSchool);
      else classLevel = level;
    }

    const livingGroup = this.livingGroup(record, fail);

    let groups: string[] | null = null;
    if (record.groups !== null) {
      groups = [...new Set(record.groups.map((group) => cleanText(group)).filter((group) => group !== ''))];
      if (groups.some((group) => group.length > 100 || CONTROL.test(group))) fail('groups', M.groupName);
    }

    const guardians: ValidGuardian[] = [];
    for (const raw of record.guardians) {
      const guardian = this.guardian(raw, record, errors);
      if (guardian) guardians.push(guardian);
    }

    if (errors.length > before || birthDate === null) return null;
    return {
      line,
      pupilNumber,
      firstName,
      lastName,
      birthDate,
      className,
      classLevel,
      livingGroup,
      groups,
      searchText: searchable(`${firstName} ${lastName} ${pupilNumber}`),
      guardians,
    };
  }

  private livingGroup(
    record: RawPupilRecord,
    fail: (field: PupilField, reason: string) => void,
  ): ValidLivingGroup | null {
    let internaat = cleanText(record.values.internaat);
    let name = cleanText(record.values.livingGroup);
    // `900003/Leefgroep Noord` or `900003: Leefgroep Noord` in the living-group column alone.
    const combined = /^(\d{6})\s*[/:|]\s*(.+)$/.exec(name);
    if (internaat === '' && combined?.[1] && combined[2]) {
      internaat = combined[1];
      name = combined[2].trim();
    }
    if (internaat === '' && name === '') return null;
    if (name === '') {
      fail('livingGroup', M.internaatWithoutLivingGroup);
      return null;
    }
    if (name.length > 100 || CONTROL.test(name)) {
      fail('livingGroup', M.groupName);
      return null;
    }
    if (internaat === '') {
      if (!this.context.schoolIsInternaat) {
        fail('livingGroup', M.livingGroupWithoutInternaat);
        return null;
      }
      const level = this.context.schoolLevels[0] ?? 'secundair';
      return { schoolId: this.context.schoolId, name, level };
    }
    if (!INSTELLINGSNUMMER.test(internaat)) {
      fail('internaat', M.internaatFormat);
      return null;
    }
    const school = this.context.internaten.get(internaat);
    if (!school) {
      fail('internaat', M.internaatUnknown);
      return null;
    }
    if (!school.isInternaat) {
      fail('internaat', M.notAnInternaat);
      return null;
    }
    return { schoolId: school.id, name, level: school.levels[0] ?? 'secundair' };
  }

  private guardian(raw: RawGuardian, record: RawPupilRecord, errors: RowError[]): ValidGuardian | null {
    const before = errors.length;
    const names = this.context.names;
    const fail = (field: GuardianField, reason: string) =>
      errors.push({ line: record.line, field: names.guardian(field, raw.slot, record.index), reason });
    const value = (field: GuardianField) => cleanText(raw.values[field]);

    const name = this.name(raw.values.name, 200, (reason) => fail('name', reason));

    const householdLabel = value('householdLabel') || `gezin ${raw.slot}`;
    if (householdLabel.length > 100) fail('householdLabel', M.tooLong(100));

    let language = 'nl';
    if (value('language') !== '') {
      const code = normaliseLanguage(value('language'));
      if (code === null) fail('language', M.language);
      else language = code;
    }

    let email: string | null = null;
    if (value('email') !== '') {
      const result = normaliseEmail(value('email'));
      if (result.ok) email = result.value;
      else fail('email', result.problem === 'several' ? M.oneEmail : M.email);
    }

    let mobile: string | null = null;
    if (value('mobile') !== '') {
      const result = normaliseMobile(value('mobile'));
      if (result.ok) mobile = result.value;
      else fail('mobile', result.problem === 'landline' ? M.landline : M.mobile);
    }

    const rawChannel = value('preferredChannel').toLowerCase();
    let preferredChannel: ContactChannel = email !== null || mobile === null ? 'email' : 'sms';
    if (rawChannel !== '') {
      const channel = CHANNELS[rawChannel];
      if (channel === undefined) fail('preferredChannel', M.channel);
      else preferredChannel = channel;
    }

    const emailGiven = value('email') !== '';
    const mobileGiven = value('mobile') !== '';
    if (!emailGiven && !mobileGiven) fail('email', M.guardianContact);
    else if (rawChannel !== '' && preferredChannel === 'email' && !emailGiven)
      fail('preferredChannel', M.channelWithoutEmail);
    else if (rawChannel !== '' && preferredChannel === 'sms' && !mobileGiven)
      fail('preferredChannel', M.channelWithoutMobile);

    if (errors.length > before) return null;
    return { slot: raw.slot, name, householdLabel, language, email, mobile, preferredChannel };
  }

  private name(raw: string | undefined, max: number, fail: (reason: string) => void): string {
    const text = cleanText(raw);
    if (text === '') fail(M.required);
    else if (text.length > max) fail(M.tooLong(max));
    else if (CONTROL.test(text)) fail(M.controlCharacters);
    else if (!LETTER.test(text)) fail(M.noLetters);
    return text;
  }
}

/** Validates the staff list of a JSON import (`staff[i].field`); classes get the level rule of pupils' classes. */
export function validateStaff(
  records: readonly RawStaffRecord[],
  schoolLevels: readonly SchoolLevel[],
  errors: RowError[],
): ValidStaff[] {
  const seen = new Map<string, number>();
  const valid: ValidStaff[] = [];
  for (const record of records) {
    const before = errors.length;
    const fail = (field: string, reason: string) =>
      errors.push({ line: record.index + 1, field: `staff[${record.index}].${field}`, reason });
    const staffNumber = cleanText(record.staffNumber);
    if (staffNumber === '') fail('staffNumber', M.required);
    else if (!PUPIL_NUMBER.test(staffNumber)) fail('staffNumber', M.staffNumber);
    else if (seen.has(staffNumber)) fail('staffNumber', M.duplicateStaff((seen.get(staffNumber) ?? 0) + 1));
    else seen.set(staffNumber, record.index);
    const name = (raw: string | undefined, field: string) => {
      const text = cleanText(raw);
      if (text === '') fail(field, M.required);
      else if (text.length > 100) fail(field, M.tooLong(100));
      else if (CONTROL.test(text) || !LETTER.test(text)) fail(field, M.noLetters);
      return text;
    };
    const firstName = name(record.firstName, 'firstName');
    const lastName = name(record.lastName, 'lastName');
    const classes = [...new Set(record.classes.map((name) => cleanText(name)).filter((name) => name !== ''))];
    if (classes.some((name) => name.length > 50 || CONTROL.test(name))) fail('classes', M.tooLong(50));
    if (errors.length === before) {
      valid.push({
        staffNumber,
        firstName,
        lastName,
        classes: classes.map((name) => ({ name, level: defaultLevel(name, schoolLevels) })),
      });
    }
  }
  return valid;
}
