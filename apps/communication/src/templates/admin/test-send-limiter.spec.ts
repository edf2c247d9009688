import { TEST_SEND_WINDOW_MINUTES, TEST_SENDS_PER_WINDOW, TestSendLimiter } from './test-send-limiter';

describe('TestSendLimiter', () => {
  let now = new Date('2026-11-25T09:00:00Z');
  const clock = { now: () => now };

  it('allows a number of test-sends per admin per window, then refuses until the oldest one leaves it', () => {
    const limiter = new TestSendLimiter(clock);
    for (let i = 0; i < TEST_SENDS_PER_WINDOW; i += 1) {
      expect(limiter.tryTake('admin-1')).toBe(true);
      now = new Date(now.getTime() + 1_000);
    }
    expect(limiter.tryTake('admin-1')).toBe(false);
    expect(limiter.tryTake('admin-2')).toBe(true);
    now = new Date(now.getTime() + TEST_SEND_WINDOW_MINUTES * 60_000 - TEST_SENDS_PER_WINDOW * 1_000 + 1);
    expect(limiter.tryTake('admin-1')).toBe(true);
    expect(limiter.tryTake('admin-1')).toBe(false);
  });
});
