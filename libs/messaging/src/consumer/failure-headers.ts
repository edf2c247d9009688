import type { IHeaders } from 'kafkajs';
import { truncateUtf8 } from '../support/errors';
import { headersToStrings } from '../kafka/kafka-headers';

/** Headers on records in `<group>.retry` and `<group>.dlq`. */
export const FAILURE_HEADERS = {
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  attempts: 'x-attempts',
  notBefore: 'x-not-before',
  error: 'x-error',
  consumerGroup: 'x-consumer-group',
  firstFailedAt: 'x-first-failed-at',
  deadLetteredAt: 'x-dead-lettered-at',
  replayedAt: 'x-replayed-at',
  replayedFrom: 'x-replayed-from',
} as const;

/** x-error values are cut to this many bytes. */
export const MAX_ERROR_BYTES = 1024;

/** Where a failed event came from and how its handling went. */
export interface FailureInfo {
  readonly originalTopic: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
  /** Handler attempts made so far (0: never handled, e.g. an invalid message or a fresh replay). */
  readonly attempts: number;
  /** Epoch ms before which the retry consumer must not handle it. */
  readonly notBefore: number;
  readonly error: string;
  readonly consumerGroup: string;
  /** ISO-8601. */
  readonly firstFailedAt: string;
  /** ISO-8601; only on dead letters. */
  readonly deadLetteredAt?: string;
}

export type ParsedFailure =
  { readonly ok: true; readonly failure: FailureInfo } | { readonly ok: false; readonly reason: string };

const X_PREFIX = 'x-';

/**
 * Headers for a retry or dead-letter record: the original record's own headers (event-type, event-id, …) are
 * kept, every earlier `x-` header is replaced by the ones describing `failure`.
 */
export function buildFailureHeaders(
  originalHeaders: Readonly<Record<string, string>>,
  failure: FailureInfo,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(originalHeaders)) {
    if (!name.startsWith(X_PREFIX)) headers[name] = value;
  }
  headers[FAILURE_HEADERS.originalTopic] = failure.originalTopic;
  headers[FAILURE_HEADERS.originalPartition] = String(failure.originalPartition);
  headers[FAILURE_HEADERS.originalOffset] = failure.originalOffset;
  headers[FAILURE_HEADERS.attempts] = String(failure.attempts);
  headers[FAILURE_HEADERS.notBefore] = String(failure.notBefore);
  headers[FAILURE_HEADERS.error] = truncateUtf8(failure.error, MAX_ERROR_BYTES);
  headers[FAILURE_HEADERS.consumerGroup] = failure.consumerGroup;
  headers[FAILURE_HEADERS.firstFailedAt] = failure.firstFailedAt;
  if (failure.deadLetteredAt !== undefined) headers[FAILURE_HEADERS.deadLetteredAt] = failure.deadLetteredAt;
  return headers;
}

function integer(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d+$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/** Reads the failure headers of a retry/DLQ record; explains what is missing when they are incomplete. */
export function parseFailureHeaders(
  raw: IHeaders | Readonly<Record<string, string>> | undefined,
): ParsedFailure {
  const headers = headersToStrings(raw);
  const problems: string[] = [];
  const text = (name: string): string => {
    const value = headers[name];
    if (value === undefined || value === '') problems.push(`${name} is missing`);
    return value ?? '';
  };
  const number = (name: string, min: number): number => {
    const value = integer(headers[name]);
    if (value === null || value < min) problems.push(`${name} must be an integer ≥ ${min}`);
    return value ?? 0;
  };
  const originalTopic = text(FAILURE_HEADERS.originalTopic);
  const originalPartition = number(FAILURE_HEADERS.originalPartition, 0);
  const originalOffset = headers[FAILURE_HEADERS.originalOffset] ?? '';
  if (!/^\d+$/.test(originalOffset))
    problems.push(`${FAILURE_HEADERS.originalOffset} must be an integer ≥ 0`);
  const attempts = number(FAILURE_HEADERS.attempts, 0);
  const notBefore = number(FAILURE_HEADERS.notBefore, 0);
  const consumerGroup = text(FAILURE_HEADERS.consumerGroup);
  const firstFailedAt = text(FAILURE_HEADERS.firstFailedAt);
  if (problems.length > 0) return { ok: false, reason: `failure headers incomplete: ${problems.join(', ')}` };
  const deadLetteredAt = headers[FAILURE_HEADERS.deadLetteredAt];
  return {
    ok: true,
    failure: {
      originalTopic,
      originalPartition,
      originalOffset,
      attempts,
      notBefore,
      error: headers[FAILURE_HEADERS.error] ?? '',
      consumerGroup,
      firstFailedAt,
      ...(deadLetteredAt !== undefined ? { deadLetteredAt } : {}),
    },
  };
}
