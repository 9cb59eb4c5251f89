/**
 * Counts failed attempts per record across redeliveries (an unrecognised failure gets a
 * bounded number before the record is dead-lettered). In memory, bounded: a restart or an
 * evicted entry only grants a record its attempts again.
 */
export class AttemptLedger {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly capacity = 10_000) {}

  /** Records one more failed attempt; returns how many there have been. */
  fail(key: string): number {
    const n = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.delete(key);
    this.attempts.set(key, n);
    if (this.attempts.size > this.capacity) {
      this.attempts.delete(this.attempts.keys().next().value as string);
    }
    return n;
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }
}
