import { classifyFailure } from './failure-classifier';

/** What became of one item of a group: its result, or the error that rejected it alone. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Applies items together (one transaction, one Neo4j write); when that fails for a reason
 * that is not transient, splits them in halves and applies each, first half first so offset
 * order holds, until every failing item stands alone with its own error and every other
 * item is applied. A transient failure stops the search: the dependency is down, not an
 * item, so that part and everything after it get the error (to be retried as a whole).
 * `apply` must be all-or-nothing, so a failed attempt leaves nothing behind.
 */
export async function applyIsolating<T, R>(
  items: readonly T[],
  apply: (items: T[]) => Promise<R[]>,
): Promise<Settled<R>[]> {
  if (items.length === 0) {
    return [];
  }
  try {
    const results = await apply([...items]);
    return items.map((_, i) => ({ ok: true, value: results[i] }));
  } catch (error) {
    if (items.length === 1 || classifyFailure(error).class === 'transient') {
      return items.map(() => ({ ok: false, error }));
    }
    const mid = Math.ceil(items.length / 2);
    const left = await applyIsolating(items.slice(0, mid), apply);
    const outage = left.find((s): s is { ok: false; error: unknown } => !s.ok && isTransient(s.error));
    const rest = items.slice(mid);
    const right = outage ? rest.map(() => outage) : await applyIsolating(rest, apply);
    return [...left, ...right];
  }
}

function isTransient(error: unknown): boolean {
  return classifyFailure(error).class === 'transient';
}
