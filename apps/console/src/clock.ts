import { Injectable } from '@nestjs/common';

/** Wall and monotonic time, injected so tests can pin them. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Milliseconds on a monotonic clock; only differences are meaningful. */
  monotonicMs(): number {
    return performance.now();
  }
}
