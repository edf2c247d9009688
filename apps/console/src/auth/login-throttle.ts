import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Bounds the memory an attacker can make this use by spraying addresses. */
const MAX_KEYS = 50_000;

/**
 * Counts failed logins per (e-mail, client IP) in a sliding 15-minute window: after 5 failures that pair is
 * refused until the oldest failure leaves the window. In memory, per console process: enough for one instance;
 * several instances behind a load balancer each count their own (move this to Redis then).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  static keyOf(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  /** Milliseconds until this key may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < LOGIN_MAX_FAILURES) return 0;
    const oldest = recent[recent.length - LOGIN_MAX_FAILURES] ?? 0;
    return Math.max(1, oldest + LOGIN_WINDOW_MS - this.clock.now().getTime());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.failures.delete(key); // re-insert: Map order is then least recently failed first
    this.failures.set(key, recent.slice(-LOGIN_MAX_FAILURES));
    if (this.failures.size > MAX_KEYS) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - LOGIN_WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    const since = this.clock.now().getTime() - LOGIN_WINDOW_MS;
    for (const [key, times] of this.failures) {
      if (times.every((at) => at <= since)) this.failures.delete(key);
    }
    // Still too many: forget the keys that failed longest ago.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_KEYS) break;
      this.failures.delete(key);
    }
  }
}
