import type { InternaatRef } from '../../registry/school.repository';
import { JSON_FIELD_NAMER } from '../parsing/json-roster.reader';
import type { FieldNamer, RawPupilRecord, RowError } from '../parsing/roster-record';
import { parseSchoolYear } from '../school-year';
import { RowErrorCollector } from './row-error-collector';
import {
  defaultLevel,
  RosterRowValidator,
  validateStaff,
  type RosterValidationContext,
} from './roster-row.validator';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const INTERNAAT = '22222222-2222-4222-8222-222222222222';
const CSV_NAMES: FieldNamer = {
  pupil: (field) =>
    ({
      pupilNumber: 'leerlingnummer',
      firstName: 'voornaam',
      lastName: 'familienaam',
      birthDate: 'geboortedatum',
      className: 'klas',
      level: 'niveau',
      internaat: 'internaat',
      livingGroup: 'internaat_leefgroep',
      groups: 'groepen',
    })[field],
  guardian: (field, slot) =>
    `ouder${slot}_${{ name: 'naam', householdLabel: 'gezin', language: 'taal', email: 'email', mobile: 'gsm', preferredChannel: 'kanaal' }[field]}`,
};

const internaten = new Map<string, InternaatRef>([
  ['900003', { id: INTERNAAT, instellingsnummer: '900003', isInternaat: true, levels: ['secundair'] }],
  [
    '900001',
    {
      id: '33333333-3333-4333-8333-333333333333',
      instellingsnummer: '900001',
      isInternaat: false,
      levels: ['lager'],
    },
  ],
]);

function context(overrides: Partial<RosterValidationContext> = {}): RosterValidationContext {
  return {
    schoolId: SCHOOL,
    schoolLevels: ['kleuter', 'lager'],
    schoolIsInternaat: false,
    schoolYearStart: '2026-09-01',
    internaten,
    names: CSV_NAMES,
    ...overrides,
  };
}

function record(
  values: RawPupilRecord['values'],
  guardians: RawPupilRecord['guardians'] = [],
  line = 2,
): RawPupilRecord {
  return {
    line,
    index: line - 2,
    values: {
      pupilNumber: '1001',
      firstName: 'Zoë',
      lastName: "D'Hondt",
      birthDate: '12/03/2018',
      className: '3B',
      ...values,
    },
    guardians: guardians.length
      ? guardians
      : [{ slot: 1, values: { name: 'Élise Peeters', email: 'Elise@Example.be' } }],
    groups: null,
  };
}

function validate(input: RawPupilRecord, ctx = context()) {
  const errors: RowError[] = [];
  const pupil = new RosterRowValidator(ctx).validate(input, errors);
  return { pupil, errors };
}

describe('RosterRowValidator', () => {
  it('cleans a valid row: NFC names, ISO date, level, guardian defaults, search text', () => {
    const { pupil, errors } = validate(
      record({ firstName: ' Zoe\u0308  ', lastName: "D'Hondt" }, [
        { slot: 1, values: { name: 'Élise Peeters', email: 'Elise@Example.be', mobile: '0470 12 34 56' } },
        {
          slot: 2,
          values: { name: 'Jürgen', mobile: '0032 499 12 34 56', language: 'Duits', preferredChannel: 'SMS' },
        },
      ]),
    );
    expect(errors).toEqual([]);
    expect(pupil).toEqual({
      line: 2,
      pupilNumber: '1001',
      firstName: 'Zoë',
      lastName: "D'Hondt",
      birthDate: '2018-03-12',
      className: '3B',
      classLevel: 'lager',
      livingGroup: null,
      groups: null,
      searchText: "zoe d'hondt 1001",
      guardians: [
        {
          slot: 1,
          name: 'Élise Peeters',
          householdLabel: 'gezin 1',
          language: 'nl',
          email: 'elise@example.be',
          mobile: '+32470123456',
          preferredChannel: 'email',
        },
        {
          slot: 2,
          name: 'Jürgen',
          householdLabel: 'gezin 2',
          language: 'de',
          email: null,
          mobile: '+32499123456',
          preferredChannel: 'sms',
        },
      ],
    });
  });

  it('reports every bad field of a row with its CSV column and a Dutch reason', () => {
    const { pupil, errors } = validate(
      record({ pupilNumber: '', firstName: '123', birthDate: '31/02/2018', className: '' }, [
        {
          slot: 1,
          values: {
            name: 'Ouder',
            email: 'geen-adres',
            mobile: '09 123 45 67',
            language: 'xx',
            preferredChannel: 'duif',
          },
        },
        { slot: 2, values: { email: 'a@example.be' } },
      ]),
    );
    expect(pupil).toBeNull();
    expect(errors).toEqual([
      { line: 2, field: 'leerlingnummer', reason: 'Dit veld is verplicht.' },
      { line: 2, field: 'voornaam', reason: 'Een naam bevat minstens één letter.' },
      { line: 2, field: 'geboortedatum', reason: 'Ongeldige datum: gebruik dd/mm/jjjj of jjjj-mm-dd.' },
      { line: 2, field: 'klas', reason: 'Dit veld is verplicht.' },
      {
        line: 2,
        field: 'ouder1_taal',
        reason: 'Onbekende taal: gebruik een taalcode zoals nl, fr, en, de, ar, tr, pl, ro of uk.',
      },
      { line: 2, field: 'ouder1_email', reason: 'Ongeldig e-mailadres.' },
      {
        line: 2,
        field: 'ouder1_gsm',
        reason: 'Dit is geen gsm-nummer (een vast nummer kan geen sms ontvangen).',
      },
      { line: 2, field: 'ouder1_kanaal', reason: 'Onbekend kanaal: gebruik email of sms.' },
      { line: 2, field: 'ouder2_naam', reason: 'Dit veld is verplicht.' },
    ]);
  });

  it('requires a way to reach each guardian and a channel that fits (a pupil may have no guardian)', () => {
    expect(validate(record({}, [{ slot: 1, values: { name: 'X' } }])).errors).toEqual([
      { line: 2, field: 'ouder1_email', reason: 'Vermeld een e-mailadres of een gsm-nummer.' },
    ]);
    expect(
      validate(
        record({}, [{ slot: 1, values: { name: 'X', email: 'x@example.be', preferredChannel: 'sms' } }]),
      ).errors,
    ).toEqual([
      { line: 2, field: 'ouder1_kanaal', reason: 'Het voorkeurskanaal is sms, maar er is geen gsm-nummer.' },
    ]);
    const noGuardian = record({});
    expect(validate({ ...noGuardian, guardians: [] })).toMatchObject({
      errors: [],
      pupil: { guardians: [] },
    });
  });

  it('refuses implausible birth dates', () => {
    expect(validate(record({ birthDate: '2026-09-01' })).errors[0]?.reason).toBe(
      'De geboortedatum ligt na het begin van het schooljaar.',
    );
    expect(validate(record({ birthDate: '1990-01-01' })).errors[0]?.reason).toMatch(/niet plausibel/);
  });

  it('reports a pupil number used twice at its second line', () => {
    const validator = new RosterRowValidator(context());
    const errors: RowError[] = [];
    validator.validate(record({}, [], 2), errors);
    validator.validate(record({}, [], 7), errors);
    expect(errors).toEqual([
      {
        line: 7,
        field: 'leerlingnummer',
        reason: 'Dit leerlingnummer komt meer dan eens voor (ook op regel 2).',
      },
    ]);
  });

  it('resolves living groups: another school’s internaat by number, this school’s own when it is an internaat', () => {
    expect(
      validate(record({ internaat: '900003', livingGroup: 'Leefgroep Noord' })).pupil?.livingGroup,
    ).toEqual({
      schoolId: INTERNAAT,
      name: 'Leefgroep Noord',
      level: 'secundair',
    });
    expect(validate(record({ livingGroup: '900003/Leefgroep Zuid' })).pupil?.livingGroup?.name).toBe(
      'Leefgroep Zuid',
    );
    expect(
      validate(record({ livingGroup: 'Kamer 2' }), context({ schoolIsInternaat: true })).pupil?.livingGroup,
    ).toEqual({
      schoolId: SCHOOL,
      name: 'Kamer 2',
      level: 'kleuter',
    });
    expect(validate(record({ livingGroup: 'Kamer 2' })).errors[0]?.field).toBe('internaat_leefgroep');
    expect(validate(record({ internaat: '900001', livingGroup: 'X' })).errors[0]?.reason).toBe(
      'Deze school is geen internaat.',
    );
    expect(validate(record({ internaat: '999999', livingGroup: 'X' })).errors[0]?.reason).toMatch(
      /geen school/,
    );
    expect(validate(record({ internaat: '900003' })).errors[0]?.reason).toBe(
      'Vermeld ook de leefgroep in het internaat.',
    );
  });

  it('takes an explicit level when the school offers it', () => {
    expect(validate(record({ level: 'Kleuter' })).pupil?.classLevel).toBe('kleuter');
    expect(validate(record({ level: 'secundair' })).errors[0]?.reason).toBe(
      'Dit niveau wordt niet aangeboden door deze school.',
    );
    expect(validate(record({ level: 'hoger' })).errors[0]?.field).toBe('niveau');
  });

  it('names JSON fields by their path', () => {
    const { errors } = validate(
      {
        ...record({ birthDate: 'gisteren' }),
        index: 3,
        line: 4,
        guardians: [{ slot: 2, values: { name: 'X', mobile: 'abc' } }],
      },
      context({ names: JSON_FIELD_NAMER }),
    );
    expect(errors.map((error) => [error.line, error.field])).toEqual([
      [4, 'pupils[3].birthDate'],
      [4, 'pupils[3].guardians[1].mobile'],
    ]);
  });
});

describe('defaultLevel', () => {
  it('uses the only level, recognises kleuter classes, else the first other level', () => {
    expect(defaultLevel('1A', ['secundair'])).toBe('secundair');
    expect(defaultLevel('K2B', ['kleuter', 'lager'])).toBe('kleuter');
    expect(defaultLevel('Peuters', ['kleuter', 'lager'])).toBe('kleuter');
    expect(defaultLevel('3B', ['kleuter', 'lager'])).toBe('lager');
  });
});

describe('validateStaff', () => {
  it('cleans staff and reports duplicates by JSON path', () => {
    const errors: RowError[] = [];
    const staff = validateStaff(
      [
        {
          index: 0,
          staffNumber: 'P1',
          firstName: 'Jan',
          lastName: 'Janssens',
          classes: ['3B', ' 3B ', '4A'],
        },
        { index: 1, staffNumber: 'P1', firstName: 'An', lastName: 'Smet', classes: [] },
      ],
      ['lager'],
      errors,
    );
    expect(staff).toEqual([
      {
        staffNumber: 'P1',
        firstName: 'Jan',
        lastName: 'Janssens',
        classes: [
          { name: '3B', level: 'lager' },
          { name: '4A', level: 'lager' },
        ],
      },
    ]);
    expect(errors).toEqual([
      {
        line: 2,
        field: 'staff[1].staffNumber',
        reason: 'Dit personeelsnummer komt meer dan eens voor (ook bij nummer 1).',
      },
    ]);
  });
});

describe('RowErrorCollector and parseSchoolYear', () => {
  it('keeps the first errors and counts all', () => {
    const collector = new RowErrorCollector(2);
    collector.add([1, 2, 3].map((line) => ({ line, field: 'x', reason: 'y' })));
    expect(collector.errors.map((error) => error.line)).toEqual([1, 2]);
    expect(collector.count).toBe(3);
  });

  it('reads school years', () => {
    expect(parseSchoolYear('2026-2027')).toEqual({
      label: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
    });
    expect(parseSchoolYear('2026-2028')).toBeNull();
    expect(parseSchoolYear('26-27')).toBeNull();
  });
});
