import type { JsonPupil, JsonRoster, JsonStaff } from './rosters/parsing/json-roster.reader';

/**
 * The demo rosters that `npm start` seeds for the demo CLB's schools (registry/demo-clb.ts), so the melding
 * form's pupil picker has someone to find. Deterministic (the same school year gives the same rosters) and
 * obviously fake: every e-mail address is @example.be, every mobile number +32 470 00 …, and the names are
 * combinations of common Flemish (and Brussels) first and last names.
 */
export interface DemoRoster {
  readonly instellingsnummer: string;
  readonly roster: JsonRoster;
}

type Language = 'nl' | 'fr' | 'ar' | 'uk';

/** Family names with the language of the family's first guardian (ISO 639-1). */
const FAMILIES: readonly { readonly lastName: string; readonly language: Language }[] = [
  { lastName: 'Peeters', language: 'nl' },
  { lastName: "D'Hondt", language: 'nl' },
  { lastName: 'Van den Broeck', language: 'nl' },
  { lastName: 'Vandenbroucke', language: 'nl' },
  { lastName: 'De Smet', language: 'nl' },
  { lastName: 'Claes', language: 'nl' },
  { lastName: 'Goossens', language: 'nl' },
  { lastName: 'Wouters', language: 'nl' },
  { lastName: 'Verstraete', language: 'nl' },
  { lastName: 'Maes', language: 'nl' },
  { lastName: 'Coppens', language: 'nl' },
  { lastName: 'Dewaele', language: 'nl' },
  { lastName: 'Lefèvre', language: 'fr' },
  { lastName: 'Dubois', language: 'fr' },
  { lastName: 'Lemaître', language: 'fr' },
  { lastName: 'El Amrani', language: 'ar' },
  { lastName: 'Benali', language: 'ar' },
  { lastName: 'Kovalenko', language: 'uk' },
  { lastName: 'Shevchenko', language: 'uk' },
];

/** Children's first names by the family's language. */
const CHILDREN: Readonly<Record<Language, readonly string[]>> = {
  nl: [
    'Zoë',
    'Wout',
    'Noë',
    'Marthe',
    'Seppe',
    'Fien',
    'Lotte',
    'Jasper',
    'Joëlle',
    'Warre',
    'Daniël',
    'Febe',
    'Liene',
    'Kobe',
    'Raphaël',
    'Ella',
    'Jef',
    'Noor',
    'Emiel',
    'Roos',
    'Nand',
    'Eloïse',
    'Lien',
  ],
  fr: ['Chloé', 'Loïc', 'Anaïs', 'Mathéo', 'Noémie', 'Théo', 'Maëlle', 'Zoé'],
  ar: ['Yasmina', 'Ilyas', 'Nour', 'Amine', 'Inès', 'Adam'],
  uk: ['Sofiia', 'Mykola', 'Daryna', 'Taras', 'Anastasiia', 'Bohdan'],
};

/** Guardians' first names by language: [mothers, fathers]. */
const PARENTS: Readonly<Record<Language, readonly [readonly string[], readonly string[]]>> = {
  nl: [
    ['Els', 'Inge', 'Ann', 'Katrien', 'Sofie', 'Nele', 'Griet', 'Hanne', 'Liesbeth', 'Evelien'],
    ['Bart', 'Koen', 'Joris', 'Dries', 'Tom', 'Pieter', 'Stijn', 'Wim', 'Geert', 'Frederik'],
  ],
  fr: [
    ['Céline', 'Hélène', 'Amélie', 'Géraldine'],
    ['Jérôme', 'François', 'Grégoire', 'Loïc'],
  ],
  ar: [
    ['Fatima', 'Samira', 'Naïma'],
    ['Mohammed', 'Youssef', 'Karim'],
  ],
  uk: [
    ['Olena', 'Iryna', 'Oksana'],
    ['Andrii', 'Serhii', 'Dmytro'],
  ],
};

interface DemoClass {
  readonly name: string;
  /** Age of its pupils on 1 September. */
  readonly age: number;
  readonly pupils: number;
  /** Extra groups some of its pupils are in (every other pupil). */
  readonly groups?: readonly string[];
  /** Living group in an internaat of some of its pupils: `internaat` absent = the school's own internaat. */
  readonly boarding?: {
    readonly internaat?: string;
    readonly livingGroups: readonly string[];
    readonly every: number;
  };
}

interface DemoSchool {
  readonly instellingsnummer: string;
  /** First pupil number: pupil numbers stay the same across school years, as in school software. */
  readonly firstPupilNumber: number;
  readonly classes: readonly DemoClass[];
  readonly staff: readonly { firstName: string; lastName: string; classes: readonly string[] }[];
}

const SCHOOLS: readonly DemoSchool[] = [
  {
    instellingsnummer: '900001',
    firstPupilNumber: 10_001,
    classes: [
      { name: 'K3', age: 5, pupils: 20 },
      { name: '1A', age: 6, pupils: 20 },
      { name: '3B', age: 8, pupils: 21, groups: ['Zwemgroep dinsdag'] },
      { name: '5A', age: 10, pupils: 19, groups: ['Koor'] },
    ],
    staff: [
      { firstName: 'Griet', lastName: 'Van Acker', classes: ['K3'] },
      { firstName: 'Jens', lastName: 'Verhaeghe', classes: ['1A'] },
      { firstName: 'Sofie', lastName: 'De Clercq', classes: ['3B'] },
      { firstName: 'Ahmed', lastName: 'Benali', classes: ['5A'] },
      { firstName: 'Hélène', lastName: 'Dewitte', classes: ['1A', '3B', '5A'] },
      { firstName: 'Kristof', lastName: 'Maertens', classes: [] },
    ],
  },
  {
    instellingsnummer: '900002',
    firstPupilNumber: 20_001,
    classes: [
      {
        name: '1A',
        age: 12,
        pupils: 22,
        boarding: { internaat: '900003', livingGroups: ['Leefgroep Noord'], every: 7 },
      },
      { name: '2B', age: 13, pupils: 20 },
      {
        name: '4 Latijn',
        age: 15,
        pupils: 18,
        boarding: { internaat: '900003', livingGroups: ['Leefgroep Zuid'], every: 6 },
      },
    ],
    staff: [
      { firstName: 'Pieter-Jan', lastName: 'Goethals', classes: ['1A', '2B'] },
      { firstName: 'Anouk', lastName: 'Vermeire', classes: ['1A', '4 Latijn'] },
      { firstName: 'Björn', lastName: 'Lambrecht', classes: ['2B', '4 Latijn'] },
      { firstName: 'Ilse', lastName: 'Cools', classes: ['2B'] },
    ],
  },
  {
    instellingsnummer: '900003',
    firstPupilNumber: 30_001,
    classes: [
      {
        name: 'OV3 groep A',
        age: 14,
        pupils: 12,
        boarding: { livingGroups: ['Leefgroep Noord', 'Leefgroep Zuid'], every: 1 },
      },
    ],
    staff: [
      { firstName: 'Mieke', lastName: 'Van Hecke', classes: ['OV3 groep A'] },
      { firstName: 'Ruben', lastName: "D'Haese", classes: ['OV3 groep A'] },
    ],
  },
];

type DemoGuardian = NonNullable<JsonPupil['guardians']>[number];

function pick<T>(list: readonly T[], index: number): T {
  return list[((index % list.length) + list.length) % list.length] as T;
}

/** `Zoë D'Hondt` → `zoe.dhondt` (for the fake e-mail addresses). */
function mailName(...parts: string[]): string {
  return parts
    .map((part) =>
      part
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
    .join('.');
}

/** +32 470 00 12 34: a Belgian mobile number of the demo range. */
function demoMobile(serial: number): string {
  const digits = String(serial).padStart(6, '0');
  return `+32 470 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
}

function pupilOf(
  school: DemoSchool,
  klas: DemoClass,
  index: number,
  serial: number,
  startYear: number,
): JsonPupil {
  const pupilNumber = school.firstPupilNumber + serial;
  // Neighbours never share a family, and a family's name comes back with another first name each time.
  const familyIndex = (serial * 7 + Number(school.instellingsnummer)) % FAMILIES.length;
  const family = pick(FAMILIES, familyIndex);
  const firstName = pick(CHILDREN[family.language], familyIndex + Math.floor(serial / FAMILIES.length));
  const month = 1 + ((serial * 5) % 12);
  const day = 1 + ((serial * 11) % 28);
  const birthDate = `${startYear - klas.age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const [mothers, fathers] = PARENTS[family.language];
  const first = pick(mothers, serial + familyIndex);
  const second = pick(fathers, serial * 3 + familyIndex);
  const guardians: DemoGuardian[] = [
    {
      name: `${first} ${family.lastName}`,
      householdLabel: 'gezin 1',
      language: family.language,
      email: `${mailName(first, family.lastName)}.${pupilNumber}@example.be`,
      mobile: demoMobile(pupilNumber * 2),
      preferredChannel: serial % 3 === 0 ? 'sms' : 'email',
    },
  ];
  // Most pupils have a second guardian; every fifth pair lives apart (two letters on paper).
  if (serial % 4 !== 3) {
    const apart = serial % 5 === 0;
    const secondLast = apart ? pick(FAMILIES, serial * 3 + 1).lastName : family.lastName;
    const onlyMobile = family.language === 'uk' || family.language === 'ar';
    guardians.push({
      name: `${second} ${secondLast}`,
      householdLabel: apart ? 'gezin 2' : 'gezin 1',
      // Newcomer families: the second guardian often reads Dutch already (or French, in Brussels).
      language: onlyMobile ? 'nl' : family.language === 'fr' && serial % 2 === 0 ? 'nl' : family.language,
      ...(onlyMobile ? {} : { email: `${mailName(second, secondLast)}.${pupilNumber}@example.be` }),
      mobile: demoMobile(pupilNumber * 2 + 1),
      preferredChannel: onlyMobile ? 'sms' : 'email',
    });
  }
  const boarding = klas.boarding && index % klas.boarding.every === 0 ? klas.boarding : undefined;
  return {
    pupilNumber: String(pupilNumber),
    firstName,
    lastName: family.lastName,
    birthDate,
    className: klas.name,
    ...(boarding
      ? {
          livingGroup: {
            ...(boarding.internaat ? { internaat: boarding.internaat } : {}),
            name: pick(boarding.livingGroups, index),
          },
        }
      : {}),
    ...(klas.groups && index % 2 === 0 ? { groups: [...klas.groups] } : {}),
    guardians,
  };
}

/** The Flemish school year (1 September – 31 August) of a day: `2026-11-25` → `2026-2027`. */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The demo rosters of a school year (`2026-2027`): pupils with their guardians, and staff with their classes. */
export function demoRosters(schoolYear: string): DemoRoster[] {
  const startYear = Number(schoolYear.slice(0, 4));
  return SCHOOLS.map((school) => {
    const pupils: JsonPupil[] = [];
    for (const klas of school.classes) {
      for (let index = 0; index < klas.pupils; index++) {
        pupils.push(pupilOf(school, klas, index, pupils.length, startYear));
      }
    }
    const staff: JsonStaff[] = school.staff.map((member, index) => ({
      staffNumber: `P${String(index + 1).padStart(3, '0')}`,
      firstName: member.firstName,
      lastName: member.lastName,
      classes: [...member.classes],
    }));
    return { instellingsnummer: school.instellingsnummer, roster: { pupils, staff } };
  });
}
