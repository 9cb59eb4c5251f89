import type { EgoGraph } from '../api/graph.types';
import { CYCLE, HIGHLIGHT, NODE_TYPES, RISK } from './graph-style';
import { guaranteeCycleEdges } from './guarantee-cycles';

function Swatch({ color, ring, dashed }: { color: string; ring?: string; dashed?: boolean }) {
  // SVG attributes, not inline styles: the console's content security policy refuses those.
  return (
    <svg width="14" height="14" className="swatch" aria-hidden="true">
      {dashed === undefined ? (
        <circle cx="7" cy="7" r="5" fill={color} stroke={ring ?? 'none'} strokeWidth={ring ? 2.5 : 0} />
      ) : (
        <line
          x1="0"
          y1="7"
          x2="14"
          y2="7"
          stroke={color}
          strokeWidth="3"
          strokeDasharray={dashed ? '3 2' : undefined}
        />
      )}
    </svg>
  );
}

export function GraphLegend({ graph }: { graph: EgoGraph }) {
  const circles = guaranteeCycleEdges(graph.edges).size;
  return (
    <div className="legend" data-testid="graph-legend">
      {Object.entries(NODE_TYPES).map(([k, v]) => (
        <span key={k}>
          <Swatch color={v.color} /> {k}
        </span>
      ))}
      <span>
        <Swatch color="#ffffff" ring={RISK} /> defaulted
      </span>
      <span>
        <Swatch color="#ffffff" ring="#000000" /> sanctioned
      </span>
      <span>
        <Swatch color={RISK} dashed={false} /> risky link
      </span>
      <span>
        <Swatch color={CYCLE} dashed /> guarantee circle
      </span>
      <span>
        <Swatch color={HIGHLIGHT} dashed={false} /> reason path
      </span>
      <span className="muted" data-testid="graph-summary">
        {graph.nodes.length} nodes, {graph.edges.length} edges, {circles} links in guarantee circles; as of {graph.asOf}
        . Scroll to zoom, drag to pan, click a node for details.
      </span>
    </div>
  );
}
