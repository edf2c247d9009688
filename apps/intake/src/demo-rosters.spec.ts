import type { SchoolLevel } from '@meldpunt/contracts';
import { demoRosters, schoolYearOf } from './demo-rosters';
import { DEMO_CLB } from './registry/demo-clb';
import type { InternaatRef } from './registry/school.repository';
import { openRosterSource } from './rosters/parsing/roster-source';
import type { RowError } from './rosters/parsing/roster-record';
import {
  RosterRowValidator,
  validateStaff,
  type ValidPupil,
} from './rosters/validation/roster-row.validator';

const SCHOOL_YEAR = '2026-2027';
const schools = new Map(
  DEMO_CLB.schools.map((school, index) => [
    school.instellingsnummer,
    {
      id: `00000000-0000-4000-8000-00000000000${index + 1}`,
      instellingsnummer: school.instellingsnummer,
      isInternaat: school.isInternaat ?? false,
      levels: [...school.levels] as SchoolLevel[],
    } satisfies InternaatRef,
  ]),
);

/** Runs a demo roster through the import's own reader and validators, as the seed's import job will. */
async function validate(instellingsnummer: string, schoolYear = SCHOOL_YEAR) {
  const demo = demoRosters(schoolYear).find((roster) => roster.instellingsnummer === instellingsnummer);
  const school = schools.get(instellingsnummer);
  if (!demo || !school) throw new Error(`no demo roster for ${instellingsnummer}`);
  const source = openRosterSource('json', JSON.stringify(demo.roster));
  const validator = new RosterRowValidator({
    schoolId: school.id,
    schoolLevels: school.levels,
    schoolIsInternaat: school.isInternaat,
    schoolYearStart: `${schoolYear.slice(0, 4)}-09-01`,
    internaten: schools,
    names: source.names,
  });
  const errors: RowError[] = [];
  const pupils: ValidPupil[] = [];
  for await (const batch of source.batches(1_000)) {
    errors.push(...batch.errors);
    for (const record of batch.records) {
      const pupil = validator.validate(record, errors);
      if (pupil) pupils.push(pupil);
    }
  }
  const staff = validateStaff(source.staff ?? [], school.levels, errors);
  return { pupils, staff, errors };
}

describe('the demo rosters', () => {
  it.each(DEMO_CLB.schools.map((school) => [school.name, school.instellingsnummer]))(
    '%s: every row passes the import validation, with a few classes of ~20 pupils and their teachers',
    async (_name, instellingsnummer) => {
      const { pupils, staff, errors } = await validate(instellingsnummer);
      expect(errors).toEqual([]);
      const perClass = new Map<string, number>();
      for (const pupil of pupils) perClass.set(pupil.className, (perClass.get(pupil.className) ?? 0) + 1);
      for (const count of perClass.values()) expect(count).toBeGreaterThanOrEqual(10);
      expect(staff.length).toBeGreaterThan(0);
      // Teachers teach classes that have pupils.
      for (const member of staff)
        for (const klas of member.classes) expect(perClass.has(klas.name)).toBe(true);
    },
  );

  it('has Flemish names with diacritics, one or two guardians each in nl/fr/ar/uk, and only fake contacts', async () => {
    const all = (
      await Promise.all(DEMO_CLB.schools.map((school) => validate(school.instellingsnummer)))
    ).flatMap((result) => result.pupils);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.some((pupil) => /[ëïéèêôü]/.test(pupil.firstName + pupil.lastName))).toBe(true);
    const guardians = all.flatMap((pupil) => pupil.guardians);
    for (const pupil of all) expect(pupil.guardians.length).toBeGreaterThanOrEqual(1);
    for (const pupil of all) expect(pupil.guardians.length).toBeLessThanOrEqual(2);
    expect(new Set(guardians.map((guardian) => guardian.language))).toEqual(
      new Set(['nl', 'fr', 'ar', 'uk']),
    );
    for (const guardian of guardians) {
      if (guardian.email !== null) expect(guardian.email).toMatch(/@example\.be$/);
      if (guardian.mobile !== null) expect(guardian.mobile).toMatch(/^\+32470\d{6}$/);
    }
    // Some parents live apart (two households), some pupils board at the internaat.
    expect(all.some((pupil) => new Set(pupil.guardians.map((g) => g.householdLabel)).size === 2)).toBe(true);
    expect(all.some((pupil) => pupil.livingGroup !== null)).toBe(true);
  });

  it('is the same for the same school year, and pupil numbers do not depend on the year', () => {
    expect(demoRosters(SCHOOL_YEAR)).toEqual(demoRosters(SCHOOL_YEAR));
    const numbers = (year: string) =>
      demoRosters(year).flatMap((roster) => roster.roster.pupils.map((pupil) => pupil.pupilNumber));
    expect(numbers('2027-2028')).toEqual(numbers(SCHOOL_YEAR));
    expect(new Set(numbers(SCHOOL_YEAR)).size).toBe(numbers(SCHOOL_YEAR).length);
  });

  it('still validates in a later school year (birth dates move with it)', async () => {
    for (const school of DEMO_CLB.schools)
      expect((await validate(school.instellingsnummer, '2031-2032')).errors).toEqual([]);
  });

  it('knows the school year of a day (1 September – 31 August)', () => {
    expect(schoolYearOf('2026-11-25')).toBe('2026-2027');
    expect(schoolYearOf('2027-08-31')).toBe('2026-2027');
    expect(schoolYearOf('2027-09-01')).toBe('2027-2028');
  });
});
