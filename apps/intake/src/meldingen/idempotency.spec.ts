import {
  canonicalJson,
  decideIdempotency,
  IDEMPOTENCY_TTL_MS,
  InvalidIdempotencyKeyError,
  parseIdempotencyKey,
  requestFingerprint,
} from './idempotency';

describe('Idempotency-Key handling', () => {
  it('accepts 1–200 visible ASCII characters and treats a missing header as no key', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey('0b6f6c1e-7c1f-4f7e-9a3b-1d2c3b4a5f60')).toBe(
      '0b6f6c1e-7c1f-4f7e-9a3b-1d2c3b4a5f60',
    );
    expect(parseIdempotencyKey('x'.repeat(200))).toHaveLength(200);
  });

  it('refuses empty, too long, spaced, non-ASCII or repeated keys', () => {
    for (const bad of ['', 'x'.repeat(201), 'with space', 'sleutel-é', ['a', 'b']]) {
      expect(() => parseIdempotencyKey(bad)).toThrow(InvalidIdempotencyKeyError);
    }
  });

  it('fingerprints the body regardless of key order, but not regardless of values', () => {
    const a = { schoolId: 's', subject: { kind: 'pupil', rosterId: 'r' }, groupIds: ['g1', 'g2'] };
    const b = { groupIds: ['g1', 'g2'], subject: { rosterId: 'r', kind: 'pupil' }, schoolId: 's' };
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(requestFingerprint(b)).toBe(requestFingerprint(a));
    expect(requestFingerprint({ ...a, groupIds: ['g2', 'g1'] })).not.toBe(requestFingerprint(a));
    expect(requestFingerprint({ ...a, remarks: null })).not.toBe(requestFingerprint(a));
    expect(requestFingerprint({ ...a, remarks: undefined })).toBe(requestFingerprint(a));
  });

  describe('decideIdempotency', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const stored = { fingerprint: 'f1', createdAt: new Date('2026-11-24T09:00:00Z'), response: { id: 1 } };

    it('replays the stored response for the same body', () => {
      expect(decideIdempotency(stored, 'f1', now)).toEqual({ kind: 'replay', response: { id: 1 } });
    });

    it('is a conflict for another body', () => {
      expect(decideIdempotency(stored, 'f2', now)).toEqual({ kind: 'conflict' });
    });

    it('is new without a record or once the record has expired', () => {
      expect(decideIdempotency(null, 'f1', now)).toEqual({ kind: 'new' });
      const old = { ...stored, createdAt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS - 1) };
      expect(decideIdempotency(old, 'f2', now)).toEqual({ kind: 'new' });
    });
  });
});
