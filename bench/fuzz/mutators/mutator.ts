import type { SeededRandom } from '@loanmesh/world';

import type { JsonObject, Produced } from '../fuzz-record';
import { getAt, type JsonPath, leafPaths } from '../json-tree';

/** What a mutator may draw on besides the event it mutates. */
export interface MutationContext {
  rng: SeededRandom;
  /** Valid events already sent on this topic, oldest first: the source of duplicates and conflicts. */
  history: readonly JsonObject[];
  /** A fresh event id (seeded, so a run can be reproduced). */
  newId(): string;
}

/** One kind of mutation of a valid event into one or more records. */
export interface Mutator {
  readonly name: string;
  readonly description: string;
  /** Records produced; each carries a variant (which literal, which sub-kind) for the report. */
  apply(event: JsonObject, ctx: MutationContext): (Produced & { variant: string })[];
}

/** Leaf paths whose value has the given JSON type; the envelope's `type` is left alone unless nothing else fits. */
export function leavesOfType(event: JsonObject, type: 'string' | 'number'): JsonPath[] {
  const all = leafPaths(event).filter((p) => typeof getAt(event, p) === type);
  const payload = all.filter((p) => p[0] === 'payload');
  return payload.length > 0 ? payload : all;
}

/** A random element of a non-empty list of paths, or of `fallback` when the list is empty. */
export function pickPath(ctx: MutationContext, paths: readonly JsonPath[], fallback: JsonPath): JsonPath {
  return paths.length > 0 ? ctx.rng.pick(paths) : fallback;
}
