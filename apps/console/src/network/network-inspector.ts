import type { Core } from 'cytoscape';

/** What the browser tests read of the drawn graph: counts and the label boxes on screen. */
export interface NetworkInspector {
  renderedNodes: () => number;
  labelBoxes: () => { id: string; x1: number; y1: number; x2: number; y2: number }[];
  tapNode: (id: string) => void;
  /** Ids of the nodes a highlighted reason path runs through. */
  pathNodes: () => string[];
}

declare global {
  interface Window {
    loanmeshNetwork?: NetworkInspector;
  }
}

/** Read-only view of the drawn graph on window: it holds nothing the page does not already show. */
export function exposeForTests(cy: Core): void {
  window.loanmeshNetwork = {
    renderedNodes: () => cy.nodes().filter((n) => n.visible()).length,
    labelBoxes: () =>
      cy
        .nodes('.labelled')
        .filter((n) => n.visible())
        .map((n) => {
          const b = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false });
          return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
        }),
    tapNode: (id) => {
      cy.getElementById(id).emit('tap');
    },
    pathNodes: () => cy.nodes('.path').map((n) => n.id()),
  };
}
