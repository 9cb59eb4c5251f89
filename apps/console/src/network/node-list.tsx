import type { EgoGraph } from '../api/graph.types';

/** The keyboard way through the graph: every party as a button, risky ones first. */
export function NodeList({
  graph,
  selected,
  onPick,
}: {
  graph: EgoGraph;
  selected: string | null;
  onPick: (id: string) => void;
}) {
  const nodes = [...graph.nodes].sort(
    (a, b) => Number(b.id === graph.center) - Number(a.id === graph.center) || Number(b.risky) - Number(a.risky),
  );
  return (
    <details className="node-list">
      <summary>List of parties ({nodes.length})</summary>
      <ul data-testid="node-list">
        {nodes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className={`link ${n.id === selected ? 'active' : ''}`}
              aria-pressed={n.id === selected}
              data-testid="node-list-item"
              data-id={n.id}
              onClick={() => onPick(n.id)}
            >
              {n.name || n.id} ({n.label}
              {n.defaulted ? ', defaulted' : ''}
              {n.risky ? ', risky' : ''})
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
