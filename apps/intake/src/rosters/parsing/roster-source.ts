import { ROSTER_MESSAGES } from '../rosters.messages';
import type { RosterImportFormat } from '../roster-import.entity';
import { CsvRosterReader } from './csv-roster.reader';
import { JSON_FIELD_NAMER, jsonRosterBatches, jsonStaffRecords, type JsonRoster } from './json-roster.reader';
import type { FieldNamer, RawPupilRecord, RawStaffRecord, RowError } from './roster-record';

export interface RosterBatch {
  readonly records: readonly RawPupilRecord[];
  readonly errors: readonly RowError[];
}

/** A stored upload, read as batches of raw pupil records whatever its format. */
export interface RosterSource {
  /** Rows expected (for progress before the end; exact for JSON). */
  readonly estimatedRows: number;
  readonly names: FieldNamer;
  batches(size: number): AsyncGenerator<RosterBatch>;
  /** The staff list, or null when the upload has none (staff then stay as they are). */
  readonly staff: readonly RawStaffRecord[] | null;
  /** Whether the upload says which extra groups pupils are in (known once all batches were read). */
  hasGroups(): boolean;
  /** CSV columns that were not used (known once the first batch was read). */
  ignoredColumns(): readonly string[];
}

function csvSource(text: string): RosterSource {
  const reader = new CsvRosterReader(text);
  const names: FieldNamer = {
    pupil: (field, index) => reader.csvHeader?.names.pupil(field, index) ?? field,
    guardian: (field, slot, index) => reader.csvHeader?.names.guardian(field, slot, index) ?? field,
  };
  return {
    estimatedRows: reader.estimateRows(),
    names,
    batches: (size) => reader.batches(size),
    staff: null,
    hasGroups: () => reader.csvHeader?.hasGroups ?? false,
    ignoredColumns: () => reader.csvHeader?.ignoredColumns ?? [],
  };
}

function jsonSource(roster: JsonRoster): RosterSource {
  return {
    estimatedRows: roster.pupils.length,
    names: JSON_FIELD_NAMER,
    async *batches(size) {
      for (const records of jsonRosterBatches(roster, size))
        yield await Promise.resolve({ records, errors: [] });
    },
    staff: jsonStaffRecords(roster),
    hasGroups: () => roster.pupils.some((pupil) => pupil.groups !== undefined),
    ignoredColumns: () => [],
  };
}

function unreadable(): RosterSource {
  return {
    estimatedRows: 0,
    names: JSON_FIELD_NAMER,
    async *batches() {
      yield await Promise.resolve({
        records: [],
        errors: [{ line: 0, field: '-', reason: ROSTER_MESSAGES.file.unreadable }],
      });
    },
    staff: null,
    hasGroups: () => false,
    ignoredColumns: () => [],
  };
}

/** Opens a stored upload (UTF-8 CSV text, or the JSON import body). */
export function openRosterSource(format: RosterImportFormat, text: string): RosterSource {
  if (format === 'csv') return csvSource(text);
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as JsonRoster).pupils))
      return jsonSource(parsed as JsonRoster);
  } catch {
    // reported below
  }
  return unreadable();
}
