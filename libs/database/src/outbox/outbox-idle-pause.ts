export interface RoundResult {
  /** False when another relay held the outbox's lock. */
  locked: boolean;
  /** Rows claimed; more than published when the publisher held some back (they wait for a condition). */
  claimed: number;
  published: number;
}

/**
 * The pause before the next poll: the base after a round that found rows (published or held
 * back by the publisher, e.g. ingestion's freshness barrier, which must be re-checked soon)
 * or met another relay's lock, doubling up to the ceiling while the outbox is empty.
 */
export class IdlePause {
  private current: number;

  constructor(
    private readonly base: number,
    private readonly ceiling: number,
  ) {
    this.current = base;
  }

  next(round: RoundResult): number {
    if (round.claimed > 0 || !round.locked) {
      this.current = this.base;
      return this.base;
    }
    const pause = this.current;
    this.current = Math.min(Math.max(this.ceiling, this.base), this.current * 2);
    return pause;
  }

  reset(): void {
    this.current = this.base;
  }
}
