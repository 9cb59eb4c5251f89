import type { HopEdge } from '@loanmesh/features';

import type { GraphMemoryStore } from './graph-memory.store';
import { MemoryLocalFactsReader } from './memory-local-facts.reader';

const ALL_ROLES = new Set(['DIRECTOR_OF', 'SHAREHOLDER_OF'] as const);

/** One breadth-first step over the company projection, as NEIGHBOUR_HOP answers it. */
export function memoryHop(store: GraphMemoryStore, ids: readonly string[], asOf: string): HopEdge[] {
  const reader = new MemoryLocalFactsReader(store, asOf);
  const edges: HopEdge[] = [];
  for (const id of ids) {
    const c = store.companies.get(id);
    if (!c) {
      continue;
    }
    const seen = new Set<string>();
    const add = (to: string, strong: boolean): void => {
      const n = store.companies.get(to);
      if (to !== id && !seen.has(`${to}|${strong}`) && (n?.registeredAt ?? '0000-00-00') < asOf) {
        seen.add(`${to}|${strong}`);
        const flags = reader.flags(to);
        edges.push({ from: id, to, key: flags.key, strong, defaulted: flags.defaulted });
      }
    };
    for (const type of ['GUARANTEES', 'SHAREHOLDER_OF'] as const) {
      reader.out(c, type).forEach((t) => add(t.to, true));
      reader.in(id, type).forEach((from) => add(from, true));
    }
    store.aliasesOf(id).forEach((alias) => store.companies.has(alias) && add(alias, true));
    reader.out(c, 'SUPPLIES').forEach((t) => add(t.to, false));
    reader.in(id, 'SUPPLIES').forEach((from) => add(from, false));
    reader.sharedPerson(id, ALL_ROLES).forEach((x) => add(x.company, true));
  }
  return edges;
}
