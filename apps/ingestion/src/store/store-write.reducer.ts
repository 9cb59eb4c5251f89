import { STORE_TABLES, type StoreTable } from './store-tables';
import type { StoreWrite } from './store-write.mapper';

/**
 * One row per key and table, the one the ordering rule would keep: PostgreSQL cannot
 * update a row twice in one statement, and the losers are late events anyway (stored raw,
 * not applied). Ties on version keep the first arrival, like the database would.
 */
export function reduceWrites(writes: readonly StoreWrite[]): Map<StoreTable, Record<string, unknown>[]> {
  const winners = new Map<string, StoreWrite>();
  for (const w of writes) {
    const id = `${w.table}\u0000${w.key}`;
    const current = winners.get(id);
    if (!current || isNewer(w, current)) {
      winners.set(id, w);
    }
  }
  const byTable = new Map<StoreTable, Record<string, unknown>[]>();
  for (const w of winners.values()) {
    const rows = byTable.get(w.table) ?? [];
    rows.push(w.row);
    byTable.set(w.table, rows);
  }
  return byTable;
}

function isNewer(candidate: StoreWrite, current: StoreWrite): boolean {
  if (STORE_TABLES[candidate.table].guard === 'version') {
    return Number(candidate.row.version) > Number(current.row.version);
  }
  const a = Date.parse(String(candidate.row.occurred_at));
  const b = Date.parse(String(current.row.occurred_at));
  return a !== b ? a > b : String(candidate.row.event_id) > String(current.row.event_id);
}
