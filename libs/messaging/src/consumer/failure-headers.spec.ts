import {
  buildFailureHeaders,
  FAILURE_HEADERS,
  MAX_ERROR_BYTES,
  parseFailureHeaders,
  type FailureInfo,
} from './failure-headers';

const failure: FailureInfo = {
  originalTopic: 'intake.clb.registered.v1',
  originalPartition: 2,
  originalOffset: '41',
  attempts: 1,
  notBefore: 1_750_000_000_000,
  error: 'boom',
  consumerGroup: 'risk-assessment',
  firstFailedAt: '2025-06-15T10:00:00.000Z',
};

describe('failure headers', () => {
  it('round-trips every field', () => {
    const headers = buildFailureHeaders({}, { ...failure, deadLetteredAt: '2025-06-15T10:05:00.000Z' });
    expect(headers).toMatchObject({
      'x-original-topic': 'intake.clb.registered.v1',
      'x-original-partition': '2',
      'x-original-offset': '41',
      'x-attempts': '1',
      'x-not-before': '1750000000000',
      'x-error': 'boom',
      'x-consumer-group': 'risk-assessment',
      'x-first-failed-at': '2025-06-15T10:00:00.000Z',
      'x-dead-lettered-at': '2025-06-15T10:05:00.000Z',
    });
    expect(parseFailureHeaders(headers)).toEqual({
      ok: true,
      failure: { ...failure, deadLetteredAt: '2025-06-15T10:05:00.000Z' },
    });
  });

  it('keeps the event headers and replaces earlier x- headers', () => {
    const earlier = buildFailureHeaders(
      { 'event-id': 'e1', 'event-type': 't' },
      { ...failure, deadLetteredAt: 'then' },
    );
    const next = buildFailureHeaders(
      { ...earlier, 'x-replayed-at': 'yesterday' },
      { ...failure, attempts: 2 },
    );
    expect(next['event-id']).toBe('e1');
    expect(next['event-type']).toBe('t');
    expect(next[FAILURE_HEADERS.attempts]).toBe('2');
    expect(next[FAILURE_HEADERS.deadLetteredAt]).toBeUndefined();
    expect(next[FAILURE_HEADERS.replayedAt]).toBeUndefined();
  });

  it('cuts a long error to about 1 KB', () => {
    const headers = buildFailureHeaders({}, { ...failure, error: 'é'.repeat(5000) });
    const error = headers[FAILURE_HEADERS.error] ?? '';
    expect(Buffer.byteLength(error)).toBeLessThanOrEqual(MAX_ERROR_BYTES);
    expect(Buffer.byteLength(error)).toBeGreaterThan(MAX_ERROR_BYTES - 8);
    expect(error.endsWith('…')).toBe(true);
  });

  it('parses Buffer headers as Kafka delivers them', () => {
    const raw = Object.fromEntries(
      Object.entries(buildFailureHeaders({}, failure)).map(([name, value]) => [name, Buffer.from(value)]),
    );
    expect(parseFailureHeaders(raw)).toEqual({ ok: true, failure });
  });

  it('names every missing or malformed header', () => {
    const headers = buildFailureHeaders({}, failure);
    delete headers[FAILURE_HEADERS.originalTopic];
    headers[FAILURE_HEADERS.attempts] = 'two';
    const parsed = parseFailureHeaders(headers);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain('x-original-topic is missing');
      expect(parsed.reason).toContain('x-attempts must be an integer');
    }
    expect(parseFailureHeaders(undefined).ok).toBe(false);
  });
});
