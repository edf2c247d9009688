import { Injectable } from '@nestjs/common';

/** The time, injected so tests can stand still or travel (dates in Brussels, webhook skew, key grace periods). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that says what it is told, for tests. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
}
