export interface RoundResult {
  /** False when another relay held the outbox's lock. */
  locked: boolean;
  published: number;
}

/**
 * The pause before the next poll: the base after a round that published or met another
 * relay's lock (work is about), doubling up to the ceiling while rounds come back empty.
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
    if (round.published > 0 || !round.locked) {
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
