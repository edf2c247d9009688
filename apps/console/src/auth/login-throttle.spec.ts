import { LOGIN_WINDOW_MS, LoginThrottle } from './login-throttle';

class FixedClock {
  at = Date.parse('2026-11-24T10:00:00Z');
  now(): Date {
    return new Date(this.at);
  }
  monotonicMs(): number {
    return this.at;
  }
}

describe('LoginThrottle', () => {
  const setup = () => {
    const clock = new FixedClock();
    return { clock, throttle: new LoginThrottle(clock) };
  };
  const key = LoginThrottle.keyOf(' School@Meldpunt.test ', '10.0.0.1');

  it('keys on the normalised address and the IP', () => {
    expect(key).toBe('school@meldpunt.test|10.0.0.1');
  });

  it('allows 5 failures in 15 minutes, then refuses until the oldest leaves the window', () => {
    const { clock, throttle } = setup();
    for (let failure = 0; failure < 5; failure += 1) {
      expect(throttle.retryAfterMs(key)).toBe(0);
      throttle.recordFailure(key);
      clock.at += 60_000;
    }
    // failures at t=0,1,2,3,4 min; now t=5 min → blocked until t=15 min
    expect(throttle.retryAfterMs(key)).toBe(10 * 60_000);
    clock.at += 10 * 60_000 - 1;
    expect(throttle.retryAfterMs(key)).toBe(1);
    clock.at += 1;
    expect(throttle.retryAfterMs(key)).toBe(0);
  });

  it('counts per address and IP, and forgets after a success', () => {
    const { throttle } = setup();
    for (let failure = 0; failure < 5; failure += 1) throttle.recordFailure(key);
    expect(throttle.retryAfterMs(key)).toBeGreaterThan(0);
    expect(throttle.retryAfterMs(LoginThrottle.keyOf('school@meldpunt.test', '10.0.0.2'))).toBe(0);
    expect(throttle.retryAfterMs(LoginThrottle.keyOf('arts@meldpunt.test', '10.0.0.1'))).toBe(0);
    throttle.reset(key);
    expect(throttle.retryAfterMs(key)).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { clock, throttle } = setup();
    for (let failure = 0; failure < 4; failure += 1) throttle.recordFailure(key);
    clock.at += LOGIN_WINDOW_MS + 1;
    throttle.recordFailure(key);
    expect(throttle.retryAfterMs(key)).toBe(0);
  });
});
