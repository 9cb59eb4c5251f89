import type { HopEdge, WalkFacts } from './graph-facts.types';

export const DEFAULT_RADIUS = 4;
export const COMMUNITY_HOPS = 3;
/** Frontier cap per hop, so a hub cannot blow the latency budget; `truncated` reports it. */
export const FRONTIER_CAP = 3000;

export type HopFetcher = (ids: string[]) => Promise<HopEdge[]>;

/**
 * Two breadth-first walks sharing one query per hop: over all ties up to 4 hops until the
 * first defaulted company (distance), and over strong ties up to 3 hops (community).
 */
export async function walkNeighbourhood(start: string, selfDefaulted: boolean, fetch: HopFetcher): Promise<WalkFacts> {
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
    const edges = await fetch([...new Set([...all, ...strong])]);
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

function pathTo(node: string, parent: Map<string, string>): string[] {
  const path: string[] = [];
  for (let n = node; n !== ''; n = parent.get(n) ?? '') {
    path.unshift(n);
  }
  return path;
}
