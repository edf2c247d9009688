import { Injectable } from '@nestjs/common';

/** The time, injected so tests can stand still or travel (today in Brussels, deadlines, effective-from dates). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that says what it is told, for tests. */
export class FixedClock extends Clock {
  private current: Date;

  constructor(current: Date | string) {
    super();
    this.current = new Date(current);
  }

  override now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
}
