import type { EgoEdge } from '../api/graph.types';

/**
 * Guarantee circles: the strongly connected parts (two or more companies) of the directed
 * GUARANTEES edges, found with Tarjan's algorithm. Returns the ids of the edges inside a circle.
 */
export function guaranteeCycleEdges(edges: EgoEdge[]): Set<number> {
  const out = new Map<string, string[]>();
  edges.forEach((e) => {
    if (e.type === 'GUARANTEES') {
      out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    }
  });
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  let next = 0;
  let components = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) {
          onStack.delete(w);
          component.set(w, components);
        }
      } while (w !== undefined && w !== v);
      components++;
    }
  };
  [...out.keys()].forEach((v) => {
    if (!index.has(v)) {
      visit(v);
    }
  });
  const inCycle = new Set<number>();
  edges.forEach((e, i) => {
    if (e.type === 'GUARANTEES' && e.from !== e.to && component.get(e.from) === component.get(e.to)) {
      inCycle.add(i);
    }
  });
  return inCycle;
}
