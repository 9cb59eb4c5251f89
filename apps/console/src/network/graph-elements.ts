import type { ElementDefinition } from 'cytoscape';

import type { EgoGraph } from '../api/graph.types';
import { NODE_TYPES } from './graph-style';
import { guaranteeCycleEdges } from './guarantee-cycles';

const FALLBACK = { color: '#607d8b', shape: 'ellipse' };

/** The ego graph as cytoscape elements, with classes for the risk marks the style draws. */
export function graphElements(g: EgoGraph): ElementDefinition[] {
  const ids = new Set(g.nodes.map((n) => n.id));
  const cycles = guaranteeCycleEdges(g.edges);
  const nodes = g.nodes.map((n) => {
    const type = NODE_TYPES[n.label] ?? FALLBACK;
    const classes = [
      n.id === g.center ? 'center' : '',
      n.defaulted ? 'defaulted' : '',
      n.sanctioned ? 'sanctioned' : '',
      n.risky ? 'risky' : '',
      `type-${n.label}`,
    ];
    return {
      group: 'nodes' as const,
      data: { id: n.id, name: n.name || n.id, type: n.label, color: type.color, shape: type.shape },
      classes: classes.filter(Boolean).join(' '),
    };
  });
  const edges = g.edges
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => ids.has(e.from) && ids.has(e.to))
    .map(({ e, i }) => ({
      group: 'edges' as const,
      data: { id: `e${i}`, source: e.from, target: e.to, type: e.type },
      classes: [e.risky ? 'risky' : '', cycles.has(i) ? 'cycle' : '', `etype-${e.type}`].filter(Boolean).join(' '),
    }));
  return [...nodes, ...edges];
}

/** How much a node's label matters: the applicant first, then what carries risk. */
export function labelRank(classes: (name: string) => boolean): number {
  return (
    (classes('center') ? 1000 : 0) +
    (classes('path') ? 500 : 0) +
    (classes('sanctioned') ? 200 : 0) +
    (classes('defaulted') ? 100 : 0) +
    (classes('risky') ? 50 : 0) +
    (classes('type-Company') || classes('type-Person') ? 10 : 0)
  );
}
