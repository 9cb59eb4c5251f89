import { DNS_NAMESPACE, type SeededRandom, uuidV5 } from '@loanmesh/world';

import type { BaseEventSource } from './base-events';
import { ExpectationTracker } from './expectation.tracker';
import type { FuzzRecord, JsonObject, Produced } from './fuzz-record';
import { type MutationContext, type Mutator, WEIGHTED_MUTATORS } from './mutators';
import { conflict, duplicate } from './mutators/identity.mutators';
import { standardHeaders } from './record-headers';

/** Mutators that must keep the event id they are given (they are about ids); all others get a fresh one. */
const KEEPS_ID: ReadonlySet<Mutator> = new Set([duplicate, conflict]);
const HISTORY = 500;

/** Seeded fresh event ids: `fuzz:<seed>:<n>` under a fixed namespace. */
export function seededIds(seed: number): () => string {
  let n = 0;
  return () => uuidV5(`fuzz:${seed}:${n++}`, DNS_NAMESPACE);
}

function pickWeighted(rng: SeededRandom): Mutator {
  const total = WEIGHTED_MUTATORS.reduce((s, w) => s + w.weight, 0);
  let u = rng.next() * total;
  for (const w of WEIGHTED_MUTATORS) {
    u -= w.weight;
    if (u < 0) {
      return w.mutator;
    }
  }
  return WEIGHTED_MUTATORS[WEIGHTED_MUTATORS.length - 1].mutator;
}

/**
 * `count` records for one topic: a share of valid events as a producer sends them, the rest
 * each one mutation of a valid event (a mutated event gets a fresh id, so it is tested on its
 * own rather than as a conflict with its original). Each record carries the contract's verdict.
 */
export function* generateRecords(
  base: BaseEventSource,
  count: number,
  rng: SeededRandom,
  newId: () => string,
  validShare = 0.35,
): Generator<FuzzRecord> {
  const tracker = new ExpectationTracker(base.registry);
  const history: JsonObject[] = [];
  const ctx: MutationContext = { rng, history, newId };
  let made = 0;
  while (made < count) {
    const event = base.next();
    const valid = rng.chance(validShare);
    const mutator = valid ? undefined : pickWeighted(rng);
    const input = mutator && !KEEPS_ID.has(mutator) ? { ...event, eventId: newId() } : event;
    const produced: (Produced & { variant: string })[] = mutator
      ? mutator.apply(input, ctx)
      : [{ value: JSON.stringify(event), variant: 'valid' }];
    for (const p of produced.slice(0, count - made)) {
      const verdict = tracker.classify(p.value);
      made++;
      yield {
        topic: base.topic,
        key: p.key !== undefined ? p.key : base.keyOf(input),
        value: p.value,
        headers: p.headers ?? standardHeaders(input),
        mutator: mutator ? `${mutator.name}/${p.variant}` : 'valid',
        ...verdict,
      };
    }
    if (!mutator) {
      history.push(event);
      if (history.length > HISTORY) {
        history.shift();
      }
    }
  }
}
