export interface EgoNode {
  id: string;
  label: string;
  name: string;
  defaulted: boolean;
  risky?: boolean;
}

export interface EgoEdge {
  type: string;
  from: string;
  to: string;
  validFrom: string | null;
  validTo: string | null;
  risky?: boolean;
}

export interface EgoGraph {
  nodes: EgoNode[];
  edges: EgoEdge[];
}

const IDENTIFIERS = new Set(['Phone', 'Address', 'Account']);

/**
 * Marks what drove the risk features: companies and persons named on an explanation path,
 * identifier nodes joining two of them, and edges between marked nodes.
 */
export function markRiskyPaths(graph: EgoGraph, pathIds: ReadonlySet<string>): EgoGraph {
  const risky = new Set([...pathIds].filter((id) => graph.nodes.some((n) => n.id === id)));
  for (const n of graph.nodes.filter((x) => IDENTIFIERS.has(x.label))) {
    const touching = graph.edges.filter(
      (e) => (e.to === n.id && risky.has(e.from)) || (e.from === n.id && risky.has(e.to)),
    );
    if (touching.length >= 2) {
      risky.add(n.id);
    }
  }
  return {
    nodes: graph.nodes.map((n) => ({ ...n, risky: risky.has(n.id) })),
    edges: graph.edges.map((e) => ({ ...e, risky: risky.has(e.from) && risky.has(e.to) })),
  };
}
