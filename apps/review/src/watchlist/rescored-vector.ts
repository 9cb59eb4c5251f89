/** The graph part of a model's vector: `graph_<feature>` columns, and `graph_missing` (1 when the graph was unavailable). */
const GRAPH_PREFIX = 'graph_';
const GRAPH_MISSING = 'graph_missing';

/**
 * The stored feature vector with its graph columns replaced by fresh graph features (by name,
 * so the vector keeps the model's order); tabular columns stay as the application had them.
 * Undefined when the model takes no graph feature: a re-score could not change its PD.
 */
export function withFreshGraph(
  names: readonly string[],
  vector: readonly number[],
  graph: Readonly<Record<string, unknown>>,
): number[] | undefined {
  if (!names.some((n) => n.startsWith(GRAPH_PREFIX))) {
    return undefined;
  }
  return names.map((name, i) => {
    if (name === GRAPH_MISSING) {
      return 0;
    }
    const fresh = name.startsWith(GRAPH_PREFIX) ? graph[name.slice(GRAPH_PREFIX.length)] : undefined;
    return typeof fresh === 'number' ? fresh : (vector[i] ?? 0);
  });
}
