import type { FieldError } from '@meldpunt/platform';
import { QueryFailedError } from 'typeorm';
import { MESSAGES } from './meldingen.messages';

/**
 * Domain errors of the meldingen and credentials use-cases; MeldingenExceptionFilter turns them into HTTP
 * answers, so the use-cases stay callable from Kafka, BullMQ or a test.
 */
export class RejectedError extends Error {
  constructor(
    readonly fields: readonly FieldError[],
    message: string = MESSAGES.rejected,
  ) {
    super(message);
    this.name = 'RejectedError';
  }
}

export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** What cannot be kept now (database, Kafka or Redis down): the caller should retry after `retryAfterSeconds`. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly component: 'database' | 'kafka' | 'redis',
    readonly retryAfterSeconds = 30,
    override readonly cause?: unknown,
  ) {
    super(`${component} unavailable`);
    this.name = 'ServiceUnavailableError';
  }
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATEs that mean "try again later", not "your request is wrong" or "our code is wrong". */
function isTransientSqlState(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('53') || // insufficient resources (too many connections, disk full)
    code.startsWith('57P') || // operator intervention: admin shutdown, crash shutdown, cannot connect now
    code === '40001' || // serialization failure
    code === '40P01' || // deadlock
    code === '55P03' // lock not available
  );
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether an error from TypeORM/pg means the database cannot be reached or used right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, error instanceof QueryFailedError ? error.driverError : undefined];
  for (const candidate of candidates) {
    const code = codeOf(candidate);
    if (code && (CONNECTION_ERROR_CODES.has(code) || isTransientSqlState(code))) return true;
  }
  if (error instanceof Error) {
    return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|Connection is not established/i.test(
      error.message,
    );
  }
  return false;
}
