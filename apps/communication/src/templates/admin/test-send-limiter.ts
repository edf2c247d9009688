import { Injectable } from '@nestjs/common';
import { Clock } from '../../letters/clock';

export const TEST_SENDS_PER_WINDOW = 10;
export const TEST_SEND_WINDOW_MINUTES = 10;

/**
 * At most TEST_SENDS_PER_WINDOW test messages per admin per TEST_SEND_WINDOW_MINUTES (sliding window, in memory:
 * per instance, which is enough to stop a stuck button or script from flooding a mailbox or the SMS budget).
 */
@Injectable()
export class TestSendLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Counts a send for `userId`; false (and not counted) when over the limit. */
  tryTake(userId: string): boolean {
    const now = this.clock.now().getTime();
    const since = now - TEST_SEND_WINDOW_MINUTES * 60_000;
    const recent = (this.sent.get(userId) ?? []).filter((at) => at > since);
    if (recent.length >= TEST_SENDS_PER_WINDOW) {
      this.sent.set(userId, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(userId, recent);
    return true;
  }
}
