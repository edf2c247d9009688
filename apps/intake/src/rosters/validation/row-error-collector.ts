import type { RowError } from '../parsing/roster-record';

/** Keeps the first `cap` row errors (in file order) and counts all of them. */
export class RowErrorCollector {
  private readonly kept: RowError[] = [];
  private total = 0;

  constructor(readonly cap = 1_000) {}

  add(errors: readonly RowError[]): void {
    this.total += errors.length;
    for (const error of errors) {
      if (this.kept.length >= this.cap) break;
      this.kept.push(error);
    }
  }

  get count(): number {
    return this.total;
  }

  get errors(): readonly RowError[] {
    return this.kept;
  }
}
