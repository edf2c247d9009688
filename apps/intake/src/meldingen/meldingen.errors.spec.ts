import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './meldingen.errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a database that cannot be reached or is shutting down', () => {
    expect(isDatabaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    const shutdown = new QueryFailedError('SELECT 1', [], withCode('terminating connection', '57P01'));
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
    expect(isDatabaseUnavailable(withCode('too many clients', '53300'))).toBe(true);
  });

  it('does not hide programming errors as "unavailable"', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT x', [], withCode('column x', '42703')))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(withCode('duplicate key', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('boom')).toBe(false);
  });
});
