import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';

export const LETTER_LINK_MAX_PER_WINDOW = 30;
export const LETTER_LINK_WINDOW_MS = 60_000;
/** Bounds the memory many addresses can make this use. */
const MAX_KEYS = 50_000;

/**
 * Requests for letter links per client IP in a fixed one-minute window (30): enough for a family opening its
 * letters, far too few to guess 128-bit tokens anyway, and it keeps a scraper from loading the services. In memory
 * per console process, like the login throttle.
 */
@Injectable()
export class LetterLinkThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts a request; milliseconds to wait when over the limit, else 0. */
  take(ip: string): number {
    const now = this.clock.now().getTime();
    const current = this.windows.get(ip);
    const window =
      current && now - current.start < LETTER_LINK_WINDOW_MS ? current : { start: now, count: 0 };
    window.count += 1;
    this.windows.delete(ip);
    this.windows.set(ip, window);
    if (this.windows.size > MAX_KEYS) {
      for (const key of this.windows.keys()) {
        if (this.windows.size <= MAX_KEYS) break;
        this.windows.delete(key);
      }
    }
    return window.count > LETTER_LINK_MAX_PER_WINDOW ? window.start + LETTER_LINK_WINDOW_MS - now : 0;
  }
}
