import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';

import type { EgoGraph, EgoNode } from '../api/graph.types';
import { GraphFilters } from './graph-filters';
import { GraphLegend } from './graph-legend';
import { exposeForTests } from './network-inspector';
import { NodeDetails } from './node-details';
import { NodeList } from './node-list';
import { relabel, useCytoscape } from './use-cytoscape';

interface Props {
  graph: EgoGraph;
  /** Node ids (or names) of a graph reason's path to highlight; null for none. */
  highlight: string[] | null;
}

function applyFilters(cy: Core, hiddenNodes: Set<string>, hiddenEdges: Set<string>): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('hidden', hiddenNodes.has(String(n.data('type'))));
    });
    cy.edges().forEach((e) => {
      e.toggleClass('hidden', hiddenEdges.has(String(e.data('type'))));
    });
  });
  relabel(cy);
}

function applyPath(cy: Core, path: string[] | null): void {
  cy.elements().removeClass('path faded');
  if (!path) {
    relabel(cy);
    return;
  }
  const nodes = path
    .map((key) => cy.nodes().filter((n) => n.id() === key || n.data('name') === key))
    .filter((c) => c.nonempty())
    .map((c) => c[0]);
  let marked = cy.collection();
  nodes.forEach((n, i) => {
    marked = marked.union(n);
    const next = nodes[i + 1];
    if (next) {
      marked = marked.union(n.edgesWith(next));
    }
  });
  marked.addClass('path');
  cy.elements().difference(marked).addClass('faded');
  if (marked.nonempty()) {
    cy.animate({ fit: { eles: marked, padding: 60 } }, { duration: 300 });
  }
  relabel(cy);
}

/** The applicant's network: cytoscape with fCoSE, filters, legend, details and a keyboard list. */
export function NetworkView({ graph, highlight }: Props) {
  const container = useRef<HTMLDivElement | null>(null);
  const cy = useCytoscape(container, graph);
  const [hiddenNodes, setHiddenNodes] = useState<Set<string>>(new Set());
  const [hiddenEdges, setHiddenEdges] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<EgoNode | null>(null);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);

  useEffect(() => {
    if (!cy) {
      return;
    }
    const onTap = (e: { target: NodeSingular }): void => setSelected(byId.get(e.target.id()) ?? null);
    cy.on('tap', 'node', onTap);
    exposeForTests(cy);
    return () => {
      cy.off('tap', 'node', onTap);
    };
  }, [cy, byId]);
  useEffect(() => {
    if (cy) {
      applyFilters(cy, hiddenNodes, hiddenEdges);
    }
  }, [cy, hiddenNodes, hiddenEdges]);
  useEffect(() => {
    if (cy) {
      applyPath(cy, highlight);
    }
  }, [cy, highlight]);

  const focusNode = (id: string): void => {
    setSelected(byId.get(id) ?? null);
    const n = cy?.getElementById(id);
    if (cy && n?.nonempty()) {
      cy.nodes().unselect();
      n.select();
      cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
    }
  };

  return (
    <div className="network" data-testid="network">
      <GraphFilters
        graph={graph}
        hiddenNodes={hiddenNodes}
        hiddenEdges={hiddenEdges}
        onNodes={setHiddenNodes}
        onEdges={setHiddenEdges}
      />
      <div className="network-body">
        <div
          ref={container}
          className="network-canvas"
          data-testid="ego-graph"
          data-nodes={graph.nodes.length}
          role="img"
          aria-label={`Network of ${graph.nodes.length} parties and ${graph.edges.length} links; use the list of parties to move through it with the keyboard.`}
        />
        <aside className="network-side">
          <NodeDetails node={selected} graph={graph} />
          <div className="zoom">
            <button type="button" className="secondary" onClick={() => cy?.zoom(cy.zoom() * 1.3)}>
              Zoom in
            </button>{' '}
            <button type="button" className="secondary" onClick={() => cy?.zoom(cy.zoom() / 1.3)}>
              Zoom out
            </button>{' '}
            <button type="button" className="secondary" data-testid="graph-fit" onClick={() => cy?.fit(undefined, 20)}>
              Fit
            </button>
          </div>
          <NodeList graph={graph} selected={selected?.id ?? null} onPick={focusNode} />
        </aside>
      </div>
      <GraphLegend graph={graph} />
    </div>
  );
}
