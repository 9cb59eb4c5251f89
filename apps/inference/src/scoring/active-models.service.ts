import { Injectable } from '@nestjs/common';

import type { LoadedModel } from './loaded-model';

/** The models serving right now; replaced as a whole, never edited in place. */
export interface ModelSet {
  champion: LoadedModel | null;
  /** The previous champion, kept loaded: it serves when the champion cannot (hot standby). */
  standby: LoadedModel | null;
  challenger: LoadedModel | null;
  fallback: LoadedModel | null;
  /** Why there is no champion, when there is none. */
  championProblem: string | null;
}

/** A model set held for one message; `end()` returns the leases. */
export interface ModelLease extends ModelSet {
  end(): void;
}

const EMPTY: ModelSet = {
  champion: null,
  standby: null,
  challenger: null,
  fallback: null,
  championProblem: 'not loaded yet',
};

/**
 * The atomic reference of hot swap. Each message leases the set current when it starts, so
 * it is scored by exactly one champion version; a swap only affects messages that start later.
 */
@Injectable()
export class ActiveModelsService {
  private current: ModelSet = EMPTY;
  private queue: Promise<unknown> = Promise.resolve();
  private markLoaded: () => void = () => undefined;
  private readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  get models(): ModelSet {
    return this.current;
  }

  /**
   * Resolves once the registry has been read the first time: the Kafka consumer may start
   * before the application's init hooks finish, and early messages then wait, not fail.
   */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  lease(): ModelLease {
    const set = this.current;
    const held = distinct([set.champion, set.standby, set.challenger, set.fallback]);
    held.forEach((m) => m.acquire());
    return { ...set, end: () => held.forEach((m) => m.releaseLease()) };
  }

  /** Runs model-set changes one at a time (promotions and registry sync never interleave). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Installs a new set and retires the models it no longer holds (freed after their last lease). */
  async replace(change: Partial<ModelSet>): Promise<void> {
    const before = this.current;
    this.current = { ...before, ...change };
    this.markLoaded();
    const kept = new Set(
      distinct([this.current.champion, this.current.standby, this.current.challenger, this.current.fallback]),
    );
    const dropped = distinct([before.champion, before.standby, before.challenger, before.fallback]).filter(
      (m) => !kept.has(m),
    );
    await Promise.all(dropped.map((m) => m.retire()));
  }
}

function distinct(models: (LoadedModel | null)[]): LoadedModel[] {
  return [...new Set(models.filter((m): m is LoadedModel => m !== null))];
}
