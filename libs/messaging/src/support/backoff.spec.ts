import { backoffDelay, OUTBOX_BACKOFF, retryDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from 100 ms and caps at 30 s by default', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt))).toEqual([100, 200, 400, 800, 1600]);
    expect(backoffDelay(9)).toBe(25_600);
    expect(backoffDelay(10)).toBe(30_000);
    expect(backoffDelay(10_000)).toBe(OUTBOX_BACKOFF.maxMs);
  });

  it('honours a custom factor and cap', () => {
    expect(backoffDelay(3, { initialMs: 10, maxMs: 50, factor: 3 })).toBe(50);
    expect(backoffDelay(2, { initialMs: 10, maxMs: 50, factor: 3 })).toBe(30);
  });

  it('rejects attempt numbers below 1 and inverted policies', () => {
    expect(() => backoffDelay(0)).toThrow(RangeError);
    expect(() => backoffDelay(1.5)).toThrow(RangeError);
    expect(() => backoffDelay(1, { initialMs: 100, maxMs: 10 })).toThrow(/invalid backoff policy/);
  });
});

describe('retryDelay', () => {
  it('walks a list and repeats its last value', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, [50, 100]))).toEqual([50, 100, 100, 100]);
  });

  it('accepts a function and never returns a negative delay', () => {
    expect(retryDelay(3, (attempt) => attempt * 10)).toBe(30);
    expect(retryDelay(1, () => -5)).toBe(0);
  });

  it('treats an empty list as "retry at once"', () => {
    expect(retryDelay(2, [])).toBe(0);
  });
});
