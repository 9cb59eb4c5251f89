import type { z } from 'zod';

import type { egoGraphViewSchema } from '@loanmesh/contracts';

export type EgoGraphView = z.infer<typeof egoGraphViewSchema>;

export interface PlacedNode {
  id: string;
  label: string;
  x: number;
  y: number;
  hop: 0 | 1 | 2;
  defaulted: boolean;
  risky: boolean;
}

export interface PlacedEdge {
  from: PlacedNode;
  to: PlacedNode;
  risky: boolean;
}

export interface NetworkLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Parties left out to keep the picture legible (the memo says how many). */
  omitted: number;
}

/** A printed page holds a legible picture of about this many parties; the rest are counted. */
export const MEMO_MAX_NODES = 60;

/** Hops from the applicant over the edges in either direction (the ego graph is 2 hops deep). */
function hopsFrom(graph: EgoGraphView): Map<string, number> {
  const hops = new Map([[graph.center, 0]]);
  for (let hop = 1; hop <= 2; hop++) {
    for (const e of graph.edges) {
      for (const [a, b] of [
        [e.from, e.to],
        [e.to, e.from],
      ] as const) {
        if (hops.get(a) === hop - 1 && !hops.has(b)) {
          hops.set(b, hop);
        }
      }
    }
  }
  return hops;
}

/**
 * A deterministic picture of the ego graph for the memo: the applicant in the middle, its direct
 * neighbours on an inner ring, the second hop on an outer ring, each ring ordered by type and id
 * (the same graph always prints the same). Risky and defaulted parties are kept first when the
 * graph is larger than a page can show.
 */
export function layoutEgoGraph(
  graph: EgoGraphView,
  box: { x: number; y: number; width: number; height: number },
  maxNodes = MEMO_MAX_NODES,
): NetworkLayout {
  const hops = hopsFrom(graph);
  const rank = (n: EgoGraphView['nodes'][number]): number => (n.risky || n.defaulted ? 0 : 1);
  const known = graph.nodes
    .filter((n) => hops.has(n.id))
    .sort(
      (a, b) =>
        hops.get(a.id)! - hops.get(b.id)! ||
        rank(a) - rank(b) ||
        a.label.localeCompare(b.label) ||
        a.id.localeCompare(b.id),
    );
  const kept = known.slice(0, maxNodes);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const radius = Math.min(box.width, box.height) / 2;
  const placed = new Map<string, PlacedNode>();
  for (const hop of [0, 1, 2] as const) {
    const ring = kept.filter((n) => hops.get(n.id) === hop).sort((a, b) => a.label.localeCompare(b.label));
    const r = hop === 0 ? 0 : radius * (hop === 1 ? 0.45 : 0.92);
    ring.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, ring.length) - Math.PI / 2;
      placed.set(n.id, {
        id: n.id,
        label: n.label,
        x: cx + r * Math.cos(angle),
        y: cy + r * Math.sin(angle),
        hop,
        defaulted: n.defaulted,
        risky: n.risky ?? false,
      });
    });
  }
  const edges = graph.edges.flatMap((e) => {
    const from = placed.get(e.from);
    const to = placed.get(e.to);
    return from && to ? [{ from, to, risky: e.risky ?? false }] : [];
  });
  return { nodes: [...placed.values()], edges, omitted: graph.nodes.length - placed.size };
}
