import { Injectable } from '@nestjs/common';

import type { TopicPositions } from '@loanmesh/contracts';
import { positionsBehind, positionsReached } from '@loanmesh/kafka';

interface Waiter {
  required: TopicPositions;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

/** Why a wait for freshness ended without reaching the required positions. */
export function describeBehind(required: TopicPositions, applied: TopicPositions): string {
  return positionsBehind(required, applied)
    .map((b) => `partition ${b.partition} applied to ${b.reached}, needs ${b.required}`)
    .join('; ');
}

/**
 * How far the graph (Neo4j and the in-memory view both) has applied the domain-event
 * topic, per partition, and who is waiting for it to get further. The writer advances it
 * only after a batch is in Neo4j and refreshed in memory, so a position reached here is
 * visible to both feature paths.
 */
@Injectable()
export class GraphFreshnessTracker {
  private readonly applied: Record<string, number> = {};
  private readonly waiters = new Set<Waiter>();
  private lastAppliedAtMs = 0;

  /** Positions only move forward. */
  advance(positions: TopicPositions): void {
    let moved = false;
    for (const [partition, offset] of Object.entries(positions)) {
      if (offset > (this.applied[partition] ?? 0)) {
        this.applied[partition] = offset;
        moved = true;
      }
    }
    if (!moved) {
      return;
    }
    this.lastAppliedAtMs = Date.now();
    for (const w of this.waiters) {
      if (positionsReached(w.required, this.applied)) {
        this.settle(w, true);
      }
    }
  }

  positions(): TopicPositions {
    return { ...this.applied };
  }

  /** When the graph last applied anything (ms since epoch; 0 = never since start). */
  get lastAppliedAt(): number {
    return this.lastAppliedAtMs;
  }

  /** Resolves true once every required position is applied, false when `timeoutMs` passes first. */
  waitFor(required: TopicPositions, timeoutMs: number): Promise<boolean> {
    if (positionsReached(required, this.applied)) {
      return Promise.resolve(true);
    }
    if (timeoutMs <= 0) {
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = { required, resolve, timer: setTimeout(() => this.settle(waiter, false), timeoutMs) };
      this.waiters.add(waiter);
    });
  }

  private settle(w: Waiter, reached: boolean): void {
    clearTimeout(w.timer);
    this.waiters.delete(w);
    w.resolve(reached);
  }
}
