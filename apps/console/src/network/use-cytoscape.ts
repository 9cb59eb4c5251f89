import type { Core, NodeSingular } from 'cytoscape';
import { type RefObject, useEffect, useState } from 'react';

import type { EgoGraph } from '../api/graph.types';
import { graphElements, labelRank } from './graph-elements';
import { GRAPH_STYLE } from './graph-style';
import { placeLabels } from './label-placement';

let registered = false;

/** Screen font size of labels, whatever the zoom. */
const LABEL_PX = 11;

/** Keeps every shown label readable and clear of the others (see label-placement.ts). */
export function relabel(cy: Core): void {
  const z = cy.zoom();
  cy.style()
    .selector('node')
    .style({ 'font-size': LABEL_PX / z, 'text-margin-y': 3 / z })
    .update();
  const candidates = cy
    .nodes()
    .filter((n) => n.visible())
    .map((n: NodeSingular) => {
      const p = n.renderedPosition();
      const name = String(n.data('name'));
      // A conservative estimate of the rendered text box (wider than the glyphs).
      const w = name.length * LABEL_PX * 0.65 + 4;
      const top = p.y + n.renderedHeight() / 2 + 2;
      return {
        id: n.id(),
        rank: labelRank((c) => n.hasClass(c)),
        box: { x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + LABEL_PX * 1.4 },
      };
    });
  const shown = placeLabels(candidates);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('labelled', shown.has(n.id()));
    });
  });
}

/** Mounts cytoscape with the fCoSE layout into the container; loads both only when a graph opens. */
export function useCytoscape(container: RefObject<HTMLDivElement | null>, graph: EgoGraph): Core | null {
  const [cy, setCy] = useState<Core | null>(null);
  useEffect(() => {
    let instance: Core | null = null;
    let frame = 0;
    let cancelled = false;
    void (async () => {
      const [{ default: cytoscape }, { default: fcose }] = await Promise.all([
        import('cytoscape'),
        import('cytoscape-fcose'),
      ]);
      if (cancelled || !container.current) {
        return;
      }
      if (!registered) {
        cytoscape.use(fcose);
        registered = true;
      }
      instance = cytoscape({
        container: container.current,
        elements: graphElements(graph),
        style: GRAPH_STYLE,
        minZoom: 0.1,
        maxZoom: 4,
        wheelSensitivity: 0.3,
      });
      const core = instance;
      const schedule = (): void => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => relabel(core));
      };
      core.on('zoom pan layoutstop', schedule);
      core
        .layout({
          name: 'fcose',
          quality: 'default',
          randomize: true,
          animate: false,
          nodeRepulsion: () => 9000,
          idealEdgeLength: () => 70,
          nodeSeparation: 90,
          padding: 20,
        } as never)
        .run();
      setCy(core);
    })();
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      instance?.destroy();
      setCy(null);
    };
  }, [container, graph]);
  return cy;
}
