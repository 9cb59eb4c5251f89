import { Logger } from '@nestjs/common';

import { IdlePause, type RoundResult } from './outbox-idle-pause';

export interface RelayLoopOptions {
  /** Names the relay in its logs. */
  name: string;
  /** A round that published this many has more waiting: the next starts at once. */
  batchSize: number;
  idlePollMs: number;
  maxIdlePollMs: number;
  errorBackoffMs: number;
}

/**
 * The polling half of every relay (the PostgreSQL outboxes, graph's early-warning alerts in
 * Neo4j): runs rounds until stopped, at once after a full batch or a wake-up that came during
 * a round, else after the idle pause (see IdlePause); `between` runs after a round that left
 * nothing waiting (purging old rows). A failed round waits the error backoff and is recorded
 * for readiness until a round works again.
 */
export class RelayLoop {
  private readonly logger: Logger;
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  /**
   * A wake-up that came while a round was running: rows committed during the round were not
   * in its claim, so the next pause is skipped instead of waiting the idle poll for them.
   */
  private wokenDuringRound = false;
  private failing: { since: number; error: string } | undefined;

  constructor(
    private readonly round: () => Promise<RoundResult>,
    private readonly between: () => Promise<void>,
    private readonly options: RelayLoopOptions,
  ) {
    this.logger = new Logger(`RelayLoop ${options.name}`);
  }

  /** Rounds failing without a break since `since` (ms epoch), with the last error; undefined when the last worked. */
  get failure(): { since: number; error: string } | undefined {
    return this.failing;
  }

  start(): void {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loopDone;
  }

  /** Ends the idle pause now; call after committing rows to cut latency. */
  wake(): void {
    if (this.wakeUp) {
      this.wakeUp();
    } else {
      this.wokenDuringRound = true;
    }
  }

  private async loop(): Promise<void> {
    const idle = new IdlePause(this.options.idlePollMs, this.options.maxIdlePollMs);
    while (!this.stopped) {
      this.wokenDuringRound = false;
      let pause: number;
      try {
        const round = await this.round();
        if (round.published >= this.options.batchSize || this.wokenDuringRound) {
          pause = 0;
          idle.reset();
        } else {
          pause = idle.next(round);
          await this.between();
        }
        this.failing = undefined;
      } catch (e) {
        idle.reset();
        pause = this.options.errorBackoffMs;
        const error = e instanceof Error ? e.message : String(e);
        this.failing = { since: this.failing?.since ?? Date.now(), error };
        this.logger.warn({ msg: 'outbox relay round failed', relay: this.options.name, error });
      }
      if (pause > 0 && !this.stopped) {
        await this.sleep(pause);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
