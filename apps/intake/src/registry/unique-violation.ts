import { QueryFailedError } from 'typeorm';

/** The `detail` of a Postgres unique violation (23505), or null for any other error. */
export function uniqueViolationDetail(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError: unknown = error.driverError;
  if (typeof driverError !== 'object' || driverError === null) return null;
  const { code, detail } = driverError as { code?: unknown; detail?: unknown };
  return code === '23505' ? (typeof detail === 'string' ? detail : '') : null;
}
