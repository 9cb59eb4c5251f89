import type { GraphExplanation, ReasonCode } from '@loanmesh/contracts';

const MAX_REASONS = 4;
const NOTABLE: ReadonlySet<GraphExplanation['severity']> = new Set(['WARN', 'HIGH']);

/**
 * Merges the graph service's path explanations into the model's reasons. A notable
 * explanation of a feature the model already ranks replaces that reason's generic text with
 * the quoted path (source GRAPH, the model's contribution kept). A HIGH explanation the model
 * did not rank takes the last slot if no graph reason made the list, so network evidence is
 * never crowded out entirely; it carries the model's own attribution to that feature (0 only
 * when the model has no graph features), so its contribution is traceable, never made up.
 */
export function mergeGraphReasons(
  modelReasons: readonly ReasonCode[],
  explanations: readonly GraphExplanation[],
  contributionOf: (feature: string) => number | undefined = () => undefined,
): ReasonCode[] {
  const notable = explanations.filter((e) => NOTABLE.has(e.severity));
  const byFeature = new Map(notable.map((e) => [`graph_${e.feature}`, e]));
  const merged = modelReasons.map((r) => {
    const graph = byFeature.get(r.feature);
    return graph ? { ...r, code: `G-${graph.feature}`, text: graph.text, source: 'GRAPH' as const } : r;
  });
  if (merged.some((r) => r.source === 'GRAPH')) {
    return merged.slice(0, MAX_REASONS);
  }
  const high = notable.find((e) => e.severity === 'HIGH');
  if (!high) {
    return merged.slice(0, MAX_REASONS);
  }
  const graphReason: ReasonCode = {
    code: `G-${high.feature}`,
    feature: `graph_${high.feature}`,
    contribution: contributionOf(`graph_${high.feature}`) ?? 0,
    text: high.text,
    source: 'GRAPH',
  };
  return [...merged.slice(0, MAX_REASONS - 1), graphReason];
}
