import type { EgoGraph, EgoNode } from '../api/graph.types';

/** The clicked party: names arrive already masked for roles that may not see personal data. */
export function NodeDetails({ node, graph }: { node: EgoNode | null; graph: EgoGraph }) {
  if (!node) {
    return <p className="muted">Select a node to see its details.</p>;
  }
  const links = graph.edges.filter((e) => e.from === node.id || e.to === node.id);
  return (
    <div data-testid="node-details" aria-live="polite">
      <h3>{node.name || node.id}</h3>
      <p>
        {node.label} · <code>{node.id}</code>
      </p>
      <p>
        {node.defaulted && <span className="pill bad">defaulted</span>}{' '}
        {node.sanctioned && <span className="pill bad">sanctioned</span>}{' '}
        {node.risky && <span className="pill warn">on a risk path</span>}
      </p>
      <p className="muted">
        {links.length} links: {[...new Set(links.map((e) => e.type))].join(', ')}
      </p>
    </div>
  );
}
