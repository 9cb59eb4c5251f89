import type { HopEdge, WalkFacts } from './graph-facts.types';

export const DEFAULT_RADIUS = 4;
export const COMMUNITY_HOPS = 3;
/** Frontier cap per hop, so a hub cannot blow the latency budget; `truncated` reports it. */
export const FRONTIER_CAP = 3000;

export type HopFetcher = (ids: string[]) => Promise<HopEdge[]>;
export type SyncHopFetcher = (ids: string[]) => HopEdge[];

/**
 * Two breadth-first walks sharing one fetch per hop: over all ties up to 4 hops until the
 * first defaulted company (distance), and over strong ties up to 3 hops (community). Yields
 * the ids whose ties it needs next and takes their edges, so the graph service (async
 * queries) and the world (in-memory, synchronous) drive the same walk.
 */
export function* neighbourhoodWalk(start: string, selfDefaulted: boolean): Generator<string[], WalkFacts, HopEdge[]> {
  const parent = new Map<string, string>([[start, '']]);
  const community = new Map<string, boolean>();
  const strongSeen = new Set([start]);
  let all = selfDefaulted ? [] : [start];
  let strong = [start];
  let distance = selfDefaulted ? 0 : -1;
  let found = selfDefaulted ? start : '';
  let truncated = false;
  for (let hop = 1; hop <= DEFAULT_RADIUS && (all.length > 0 || strong.length > 0); hop++) {
    const allSet = new Set(all);
    const strongSet = new Set(strong);
    const edges = yield [...new Set([...all, ...strong])];
    const nextAll: string[] = [];
    const nextStrong: string[] = [];
    for (const e of edges) {
      if (distance < 0 && allSet.has(e.from) && !parent.has(e.to)) {
        parent.set(e.to, e.from);
        nextAll.push(e.to);
        if (e.defaulted) {
          distance = hop;
          found = e.to;
        }
      }
      if (hop <= COMMUNITY_HOPS && e.strong && strongSet.has(e.from) && !strongSeen.has(e.to)) {
        const key = e.key ?? e.to;
        strongSeen.add(e.to);
        community.set(key, (community.get(key) ?? false) || e.defaulted);
        nextStrong.push(e.to);
      }
    }
    truncated ||= nextAll.length > FRONTIER_CAP || nextStrong.length > FRONTIER_CAP;
    all = distance < 0 ? nextAll.slice(0, FRONTIER_CAP) : [];
    strong = hop < COMMUNITY_HOPS ? nextStrong.slice(0, FRONTIER_CAP) : [];
  }
  return { distance, defaultPath: pathTo(found, parent), community, truncated };
}

/** The walk with one awaited query per hop (the graph service's Cypher and in-memory paths). */
export async function walkNeighbourhood(start: string, selfDefaulted: boolean, fetch: HopFetcher): Promise<WalkFacts> {
  const walk = neighbourhoodWalk(start, selfDefaulted);
  for (let step = walk.next([]); ;) {
    if (step.done) {
      return step.value;
    }
    step = walk.next(await fetch(step.value));
  }
}

/** The same walk over a synchronous fetcher (the world's in-memory graph, for training). */
export function walkNeighbourhoodSync(start: string, selfDefaulted: boolean, fetch: SyncHopFetcher): WalkFacts {
  const walk = neighbourhoodWalk(start, selfDefaulted);
  for (let step = walk.next([]); ;) {
    if (step.done) {
      return step.value;
    }
    step = walk.next(fetch(step.value));
  }
}

function pathTo(node: string, parent: Map<string, string>): string[] {
  const path: string[] = [];
  for (let n = node; n !== ''; n = parent.get(n) ?? '') {
    path.unshift(n);
  }
  return path;
}
