import type { HopEdge } from '@loanmesh/features';

import type { World } from '../world.types';
import type { WorldIdentity } from './world-identity';
import { Tie, type WorldGraph } from './world-graph';

/** Guarantee, shareholding and shared-person ties: the community walk's "strong" ties. */
const STRONG_TIES: ReadonlySet<number> = new Set([
  Tie.GuaranteesOut,
  Tie.GuaranteedBy,
  Tie.Holds,
  Tie.HeldBy,
  Tie.SharedPerson,
]);

/**
 * One breadth-first step over the world graph as of a day, as the graph service's
 * NEIGHBOUR_HOP answers it: every active tie to a company registered before the day.
 */
export function worldHop(
  world: Pick<World, 'companies'>,
  graph: WorldGraph,
  identity: WorldIdentity,
  ids: readonly string[],
  day: number,
): HopEdge[] {
  const edges: HopEdge[] = [];
  for (const id of ids) {
    const node = Number(id);
    const seen = new Set<string>();
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
      const n = graph.dst[e];
      const strong = STRONG_TIES.has(graph.kind[e]);
      if (n === node || !graph.active(e, day) || world.companies[n].regDay >= day || seen.has(`${n}|${strong}`)) {
        continue;
      }
      seen.add(`${n}|${strong}`);
      edges.push({
        from: id,
        to: String(n),
        key: identity.companyKey(n),
        strong,
        defaulted: graph.defaultedBefore(n, day),
      });
    }
    // A SAME_AS-linked record is one hop away over a strong tie, as in the graph service.
    for (const alias of identity.aliases(node)) {
      if (world.companies[alias].regDay < day) {
        const key = identity.companyKey(alias);
        edges.push({ from: id, to: String(alias), key, strong: true, defaulted: graph.defaultedBefore(alias, day) });
      }
    }
  }
  return edges;
}
