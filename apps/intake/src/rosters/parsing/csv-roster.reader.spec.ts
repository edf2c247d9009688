import { CsvRosterReader, normaliseHeader, sniffDelimiter } from './csv-roster.reader';
import type { RawPupilRecord, RowError } from './roster-record';

async function read(
  text: string,
  size = 1_000,
): Promise<{ records: RawPupilRecord[]; errors: RowError[]; reader: CsvRosterReader }> {
  const reader = new CsvRosterReader(text, 7);
  const records: RawPupilRecord[] = [];
  const errors: RowError[] = [];
  for await (const batch of reader.batches(size)) {
    records.push(...batch.records);
    errors.push(...batch.errors);
  }
  return { records, errors, reader };
}

const HEADER =
  'leerlingnummer;voornaam;familienaam;geboortedatum;klas;internaat_leefgroep;ouder1_naam;ouder1_taal;ouder1_email;ouder1_gsm;ouder1_kanaal;ouder2_naam;ouder2_email';

describe('CsvRosterReader', () => {
  it('reads UTF-8 with a BOM, `;`-separated, Dutch headers, diacritics and CRLF', async () => {
    const text = `\uFEFF${HEADER}\r\n1001;Zoë;Vandenbroucke;12/03/2015;3B;;Élise Peeters;nl;elise@example.be;0470 12 34 56;email;Jürgen Müller;jurgen@example.de\r\n`;
    const { records, errors, reader } = await read(text);
    expect(errors).toEqual([]);
    expect(reader.csvHeader?.delimiter).toBe(';');
    expect(records).toEqual([
      {
        line: 2,
        index: 0,
        values: {
          pupilNumber: '1001',
          firstName: 'Zoë',
          lastName: 'Vandenbroucke',
          birthDate: '12/03/2015',
          className: '3B',
          livingGroup: '',
        },
        guardians: [
          {
            slot: 1,
            values: {
              name: 'Élise Peeters',
              language: 'nl',
              email: 'elise@example.be',
              mobile: '0470 12 34 56',
              preferredChannel: 'email',
            },
          },
          { slot: 2, values: { name: 'Jürgen Müller', email: 'jurgen@example.de' } },
        ],
        groups: null,
      },
    ]);
  });

  it('sniffs `,` and handles quoted fields with separators, doubled quotes and line breaks (line numbers stay true)', async () => {
    const text = [
      'Leerlingnummer,Voornaam,Achternaam,Geboortedatum,Klas,Ouder1 Naam,Ouder1 E-mail',
      '1,"Anna, Maria","D\'Hondt",2015-01-02,1A,"Piet ""Pa"" Peeters",p@example.be',
      '2,"Multi',
      'Line",Smet,2015-01-03,1A,Ann,a@example.be',
      '3,Ben,Claes,2015-01-04,1A,Eva,e@example.be',
    ].join('\n');
    const { records, errors } = await read(text, 2);
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.line, record.values.firstName, record.values.lastName])).toEqual([
      [2, 'Anna, Maria', "D'Hondt"],
      [3, 'Multi\nLine', 'Smet'],
      [5, 'Ben', 'Claes'],
    ]);
    expect(records[0]?.guardians[0]?.values.name).toBe('Piet "Pa" Peeters');
  });

  it('accepts header synonyms and reports unused columns without keeping their contents', async () => {
    const text =
      'Stamnummer;Roepnaam;Achternaam;Geb. datum;Klasgroep;Adres;Voogd1 GSM;Voogd1 Naam\n7;Lore;Smet;1/9/2014;2A;Kerkstraat 1;0499123456;Tom\n';
    const { records, reader } = await read(text);
    expect(reader.csvHeader?.ignoredColumns).toEqual(['Adres']);
    expect(records[0]?.values).toEqual({
      pupilNumber: '7',
      firstName: 'Lore',
      lastName: 'Smet',
      birthDate: '1/9/2014',
      className: '2A',
    });
    expect(records[0]?.guardians).toEqual([{ slot: 1, values: { mobile: '0499123456', name: 'Tom' } }]);
  });

  it('names missing required columns and duplicate columns at line 1, and reads nothing', async () => {
    const { records, errors } = await read('leerlingnummer;voornaam;klas;klas\n1;A;1A;1B\n');
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { line: 1, field: 'klas', reason: 'Deze kolom komt meer dan eens voor.' },
      { line: 1, field: 'familienaam', reason: 'Deze verplichte kolom ontbreekt.' },
      { line: 1, field: 'geboortedatum', reason: 'Deze verplichte kolom ontbreekt.' },
    ]);
  });

  it('skips empty lines (also Excel’s `;;;;`) and reports values beyond the header', async () => {
    const text = 'leerlingnummer;voornaam;familienaam;geboortedatum;klas\n\n;;;;\n1;A;B;2015-01-01;1A;oeps\n';
    const { records, errors } = await read(text);
    expect(records.map((record) => record.line)).toEqual([4]);
    expect(errors).toEqual([
      { line: 4, field: 'kolom 6', reason: 'Deze regel heeft meer kolommen dan de kopregel.' },
    ]);
  });

  it('reports a quote that is never closed as a file error with its line', async () => {
    const { errors } = await read(
      'leerlingnummer;voornaam;familienaam;geboortedatum;klas\n1;"A;B;2015-01-01;1A\n',
    );
    expect(errors).toEqual([
      {
        line: 2,
        field: '-',
        reason: 'Het bestand is geen geldig CSV-bestand (een aanhalingsteken wordt niet gesloten).',
      },
    ]);
  });

  it('reads extra groups from a `groepen` column (| or , separated)', async () => {
    const { records } = await read(
      'leerlingnummer;voornaam;familienaam;geboortedatum;klas;groepen\n1;A;B;2015-01-01;1A;Koor | Zwemmen,Schaak\n2;C;D;2015-01-01;1A;\n',
    );
    expect(records.map((record) => record.groups)).toEqual([['Koor', 'Zwemmen', 'Schaak'], []]);
  });

  it('estimates rows from line breaks', () => {
    expect(new CsvRosterReader('h\na\nb\n').estimateRows()).toBe(2);
    expect(new CsvRosterReader('h\na\nb').estimateRows()).toBe(2);
  });
});

describe('CSV header helpers', () => {
  it('normalises headers', () => {
    expect(normaliseHeader(' Geboorte-datum ')).toBe('geboorte_datum');
    expect(normaliseHeader('\uFEFFOuder 1 E-mail')).toBe('ouder_1_e_mail');
    expect(normaliseHeader('Voorkeurskanaal (ouder1)')).toBe('voorkeurskanaal_ouder1');
  });

  it('sniffs the separator from the header line only', () => {
    expect(sniffDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(sniffDelimiter('a,b,"c;d"\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
  });
});
