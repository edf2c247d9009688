import { parse, type Parser } from 'csv-parse';
import { ROSTER_MESSAGES } from '../rosters.messages';
import {
  GUARDIAN_FIELDS,
  type FieldNamer,
  type GuardianField,
  type PupilField,
  type RawGuardian,
  type RawPupilRecord,
  type RowError,
} from './roster-record';

const M = ROSTER_MESSAGES.file;

/** Accepted column headers per pupil field, after normalisation (see normaliseHeader). Documented in csv-format.md. */
export const PUPIL_COLUMNS: Readonly<Record<PupilField | 'groups', readonly string[]>> = {
  pupilNumber: [
    'leerlingnummer',
    'leerling_nummer',
    'leerlingnr',
    'leerling_nr',
    'llnr',
    'lln_nr',
    'stamnummer',
    'stamboeknummer',
    'pupil_number',
    'pupilnumber',
  ],
  firstName: ['voornaam', 'roepnaam', 'first_name', 'firstname'],
  lastName: ['familienaam', 'achternaam', 'last_name', 'lastname'],
  birthDate: ['geboortedatum', 'geboorte_datum', 'geb_datum', 'gebdatum', 'birth_date', 'birthdate'],
  className: ['klas', 'klasgroep', 'klasnaam', 'class', 'class_name'],
  level: ['niveau', 'onderwijsniveau', 'level'],
  internaat: ['internaat', 'internaat_instellingsnummer', 'internaat_nummer'],
  livingGroup: ['internaat_leefgroep', 'leefgroep', 'living_group'],
  groups: ['groepen', 'groep', 'extra_groepen', 'groups'],
};

/** Accepted suffixes of guardian columns (`ouder1_<suffix>`). */
export const GUARDIAN_COLUMNS: Readonly<Record<GuardianField, readonly string[]>> = {
  name: ['naam', 'volledige_naam', 'name'],
  householdLabel: ['gezin', 'huishouden', 'gezinslabel', 'gezin_label', 'household'],
  language: ['taal', 'voertaal', 'language', 'lang'],
  email: ['email', 'e_mail', 'mail', 'emailadres', 'e_mailadres', 'mailadres'],
  mobile: ['gsm', 'gsm_nummer', 'gsmnummer', 'gsm_nr', 'gsmnr', 'mobiel', 'mobiel_nummer', 'mobile'],
  preferredChannel: ['kanaal', 'voorkeurskanaal', 'voorkeur', 'channel', 'preferred_channel'],
};

/** `ouder1_gsm`, `ouder_2_email`, `voogd1naam`, `contactpersoon1_taal`; no number means slot 1. */
const GUARDIAN_COLUMN = /^(?:ouder|voogd|contactpersoon|contact|guardian)_?(\d{0,2})_?([a-z_]+)$/;
const MAX_GUARDIANS = 10;
const DEFAULT_PUPIL_HEADER: Readonly<Record<PupilField | 'groups', string>> = {
  pupilNumber: 'leerlingnummer',
  firstName: 'voornaam',
  lastName: 'familienaam',
  birthDate: 'geboortedatum',
  className: 'klas',
  level: 'niveau',
  internaat: 'internaat',
  livingGroup: 'internaat_leefgroep',
  groups: 'groepen',
};
const DEFAULT_GUARDIAN_HEADER: Readonly<Record<GuardianField, string>> = {
  name: 'naam',
  householdLabel: 'gezin',
  language: 'taal',
  email: 'email',
  mobile: 'gsm',
  preferredChannel: 'kanaal',
};
const REQUIRED: readonly PupilField[] = ['pupilNumber', 'firstName', 'lastName', 'birthDate', 'className'];

/** `Geboorte-datum ` → `geboorte_datum`, `E-mail adres` → `e_mail_adres`, `Ouder 1 GSM` → `ouder_1_gsm`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\-.:/]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The field separator of a CSV text: `;` (what Excel writes in Belgium), `,` or tab, whichever the header uses. */
export function sniffDelimiter(text: string): ';' | ',' | '\t' {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  if (counts[','] > counts[';'] && counts[','] >= counts['\t']) return ',';
  if (counts['\t'] > counts[';']) return '\t';
  return ';';
}

/** Dutch words for csv-parse's error codes. */
function csvErrorReason(code: string | undefined): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return M.quoteNotClosed;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return M.badQuote;
    case undefined:
    default:
      return M.unreadableLine;
  }
}

type Column =
  | { readonly kind: 'pupil'; readonly field: PupilField }
  | { readonly kind: 'groups' }
  | { readonly kind: 'guardian'; readonly slot: number; readonly field: GuardianField };

function columnOf(normalised: string): Column | null {
  for (const [field, names] of Object.entries(PUPIL_COLUMNS) as [
    PupilField | 'groups',
    readonly string[],
  ][]) {
    if (names.includes(normalised)) return field === 'groups' ? { kind: 'groups' } : { kind: 'pupil', field };
  }
  const match = GUARDIAN_COLUMN.exec(normalised);
  if (match) {
    const slot = match[1] ? Number(match[1]) : 1;
    const suffix = match[2] ?? '';
    const field = GUARDIAN_FIELDS.find((candidate) => GUARDIAN_COLUMNS[candidate].includes(suffix));
    if (field && slot >= 1 && slot <= MAX_GUARDIANS) return { kind: 'guardian', slot, field };
  }
  return null;
}

function columnKey(column: Column): string {
  switch (column.kind) {
    case 'pupil':
      return column.field;
    case 'groups':
      return 'groups';
    case 'guardian':
      return `guardian${column.slot}.${column.field}`;
  }
}

/** What the header line says: which column holds what, and what is ignored. */
export interface CsvHeader {
  readonly delimiter: ';' | ',' | '\t';
  readonly columns: readonly (Column | null)[];
  readonly names: FieldNamer;
  /** Columns the import does not use (other data a school's export may contain); never stored. */
  readonly ignoredColumns: readonly string[];
  readonly hasGroups: boolean;
}

export interface CsvBatch {
  readonly records: readonly RawPupilRecord[];
  readonly errors: readonly RowError[];
}

interface ParsedRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Reads a roster CSV incrementally: csv-parse is fed the text in slices and records come out in batches, so a
 * region-sized file never exists as one array of rows. Accepts UTF-8 with or without BOM, `;`, `,` or tab as
 * separator (sniffed from the header), quoted fields (with `""` and line breaks), CRLF or LF. Line numbers are
 * those of the file (header = 1), also after quoted line breaks.
 */
export class CsvRosterReader {
  private header: CsvHeader | null = null;
  private readonly errors: RowError[] = [];
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly sliceSize = 1 << 20,
  ) {}

  /** The header, once the first batch was read (null if the file has none usable). */
  get csvHeader(): CsvHeader | null {
    return this.header;
  }

  /** Estimated number of pupil rows (line breaks − header), for progress before parsing. */
  estimateRows(): number {
    let count = 0;
    for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) count++;
    const endsWithBreak = this.text.endsWith('\n');
    return Math.max(0, count + (endsWithBreak ? 0 : 1) - 1);
  }

  /** Batches of up to `size` records; file-level errors come with the batch in which they were found. */
  async *batches(size: number): AsyncGenerator<CsvBatch> {
    const delimiter = sniffDelimiter(this.text.replace(/^\uFEFF/, ''));
    const pending: ParsedRecord[] = [];
    let failure: { message: string; line: number } | null = null;
    const parser: Parser = parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      // `Jan "Johnny" Peeters` in an unquoted field is taken literally rather than refused.
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        let breaks = 0;
        for (const field of record) {
          for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) breaks++;
        }
        pending.push({ fields: record, line: context.lines - breaks });
        return null;
      },
    });
    parser.on('error', (error: Error & { code?: string; lines?: number }) => {
      failure ??= { message: csvErrorReason(error.code), line: error.lines ?? 0 };
    });

    let stopped = false;
    const drain = (limit: number): CsvBatch => {
      const records: RawPupilRecord[] = [];
      let taken = 0;
      while (taken < limit && pending.length > 0) {
        const next = pending.shift() as ParsedRecord;
        taken++;
        if (this.header === null) {
          if (next.fields.every((field) => field.trim() === '')) continue;
          this.header = this.readHeader(next.fields, delimiter);
          if (this.header === null) {
            stopped = true;
            break;
          }
          continue;
        }
        const record = this.toRecord(next);
        if (record) records.push(record);
      }
      return { records, errors: this.flush() };
    };

    // csv-parse reports a syntax error through an 'error' event on a later tick: give it one after each slice.
    const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (let start = 0; start < this.text.length && failure === null && !stopped; start += this.sliceSize) {
      parser.write(this.text.slice(start, start + this.sliceSize));
      await settle();
      while (pending.length >= size && !stopped) yield drain(size);
    }
    if (failure === null && !stopped) {
      parser.end();
      await settle();
    }
    while (pending.length > 0 && !stopped) yield drain(size);
    if (this.header === null && !stopped && failure === null) {
      this.errors.push({ line: 1, field: '-', reason: M.noHeader });
    }
    if (failure !== null) {
      const { message, line } = failure as { message: string; line: number };
      this.errors.push({ line, field: '-', reason: M.badCsv(message) });
    }
    const tail = this.flush();
    if (tail.length > 0) yield { records: [], errors: tail };
  }

  private flush(): RowError[] {
    return this.errors.splice(0, this.errors.length);
  }

  private readHeader(fields: readonly string[], delimiter: ';' | ',' | '\t'): CsvHeader | null {
    const columns: (Column | null)[] = [];
    const ignoredColumns: string[] = [];
    const original = new Map<string, string>();
    for (const raw of fields) {
      const name = raw.replace(/^\uFEFF/, '').trim();
      const column = columnOf(normaliseHeader(name));
      if (column === null) {
        if (name !== '') ignoredColumns.push(name);
        columns.push(null);
        continue;
      }
      const key = columnKey(column);
      if (original.has(key)) {
        this.errors.push({ line: 1, field: name, reason: M.duplicateColumn });
        columns.push(null);
        continue;
      }
      original.set(key, name);
      columns.push(column);
    }
    for (const field of REQUIRED) {
      if (!original.has(field))
        this.errors.push({ line: 1, field: DEFAULT_PUPIL_HEADER[field], reason: M.missingColumn });
    }
    if (this.errors.length > 0) return null;
    const names: FieldNamer = {
      pupil: (field) => original.get(field) ?? DEFAULT_PUPIL_HEADER[field],
      guardian: (field, slot) =>
        original.get(`guardian${slot}.${field}`) ?? `ouder${slot}_${DEFAULT_GUARDIAN_HEADER[field]}`,
    };
    return { delimiter, columns, names, ignoredColumns, hasGroups: original.has('groups') };
  }

  private toRecord(parsed: ParsedRecord): RawPupilRecord | null {
    const header = this.header;
    if (!header) return null;
    const { fields, line } = parsed;
    if (fields.every((field) => field.trim() === '')) return null;
    const values: Partial<Record<PupilField, string>> = {};
    const guardians = new Map<number, Partial<Record<GuardianField, string>>>();
    let groups: string[] | null = header.hasGroups ? [] : null;
    for (let at = 0; at < fields.length; at++) {
      const value = fields[at] ?? '';
      const column = header.columns[at];
      if (at >= header.columns.length) {
        if (value.trim() !== '') {
          this.errors.push({ line, field: `kolom ${at + 1}`, reason: M.tooManyColumns });
          break;
        }
        continue;
      }
      if (!column) continue;
      switch (column.kind) {
        case 'pupil':
          values[column.field] = value;
          break;
        case 'groups':
          groups = value
            .split(/[|,;]/)
            .map((group) => group.trim())
            .filter((group) => group !== '');
          break;
        case 'guardian': {
          if (value.trim() === '') break;
          const slot = guardians.get(column.slot) ?? {};
          slot[column.field] = value;
          guardians.set(column.slot, slot);
          break;
        }
      }
    }
    const rawGuardians: RawGuardian[] = [...guardians.entries()]
      .sort(([a], [b]) => a - b)
      .map(([slot, guardianValues]) => ({ slot, values: guardianValues }));
    return { line, index: this.index++, values, guardians: rawGuardians, groups };
  }
}
