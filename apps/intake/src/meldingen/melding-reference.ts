import { MELDING_REFERENCE_PATTERN } from '@meldpunt/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Human-friendly references, `M-<year>-<sequence>`: the sequence restarts at 1 every year (Brussels time) and
 * has at least six digits (M-2026-000123). Short enough to read out on the phone; never reused.
 */
export function formatMeldingReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `M-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseMeldingReference(reference: string): { year: number; sequence: number } | null {
  if (!MELDING_REFERENCE_PATTERN.test(reference)) return null;
  const [, year, sequence] = reference.split('-');
  return { year: Number(year), sequence: Number(sequence) };
}

/**
 * The next reference of `year`, from the `melding_reference_counter` row of that year, inside the caller's
 * transaction: a rolled-back melding gives its number back, so references have no gaps. Concurrent meldingen
 * queue on the counter row until the first commits (a few milliseconds).
 */
export async function nextMeldingReference(manager: EntityManager, year: number): Promise<string> {
  const rows: unknown = await manager.query(
    `INSERT INTO melding_reference_counter (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = melding_reference_counter.last_value + 1
     RETURNING last_value`,
    [year],
  );
  const value = Array.isArray(rows)
    ? (rows[0] as { last_value?: unknown } | undefined)?.last_value
    : undefined;
  if (typeof value !== 'number') throw new Error('melding_reference_counter returned no value');
  return formatMeldingReference(year, value);
}
