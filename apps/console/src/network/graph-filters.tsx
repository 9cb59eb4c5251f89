import type { EgoGraph } from '../api/graph.types';

interface Props {
  graph: EgoGraph;
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  onNodes: (s: Set<string>) => void;
  onEdges: (s: Set<string>) => void;
}

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) {
    next.delete(value);
  } else {
    next.add(value);
  }
  return next;
}

function Group({
  legend,
  kind,
  values,
  hidden,
  onChange,
}: {
  legend: string;
  kind: string;
  values: string[];
  hidden: Set<string>;
  onChange: (s: Set<string>) => void;
}) {
  return (
    <fieldset className="graph-filter">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="check">
          <input
            type="checkbox"
            data-testid={`filter-${kind}-${v}`}
            checked={!hidden.has(v)}
            onChange={() => onChange(toggle(hidden, v))}
          />{' '}
          {v}
        </label>
      ))}
    </fieldset>
  );
}

/** Show or hide node and edge types. */
export function GraphFilters({ graph, hiddenNodes, hiddenEdges, onNodes, onEdges }: Props) {
  const nodeTypes = [...new Set(graph.nodes.map((n) => n.label))].sort();
  const edgeTypes = [...new Set(graph.edges.map((e) => e.type))].sort();
  return (
    <div className="graph-filters">
      <Group legend="Parties" kind="node" values={nodeTypes} hidden={hiddenNodes} onChange={onNodes} />
      <Group legend="Links" kind="edge" values={edgeTypes} hidden={hiddenEdges} onChange={onEdges} />
    </div>
  );
}
