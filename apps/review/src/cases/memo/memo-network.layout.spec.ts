import { PDFDocument, StandardFonts } from 'pdf-lib';

import { drawNetwork, type NetworkCanvas } from './memo-network.drawing';
import { type EgoGraphView, layoutEgoGraph } from './memo-network.layout';

const BOX = { x: 50, y: 100, width: 400, height: 400 };

/** The applicant, `first` direct neighbours, each with `second` parties one hop further. */
function egoGraph(first: number, second: number, o: Partial<EgoGraphView> = {}): EgoGraphView {
  const nodes: EgoGraphView['nodes'] = [{ id: 'co-0', label: 'Company', name: 'Applicant', defaulted: false }];
  const edges: EgoGraphView['edges'] = [];
  const link = (from: string, to: string): void => {
    edges.push({ type: 'DIRECTOR_OF', from, to, validFrom: null, validTo: null });
  };
  for (let i = 0; i < first; i++) {
    nodes.push({ id: `p-${i}`, label: 'Person', name: `P${i}`, defaulted: false });
    link(`p-${i}`, 'co-0');
    for (let j = 0; j < second; j++) {
      nodes.push({ id: `co-${i}-${j}`, label: 'Company', name: `C${i}${j}`, defaulted: i === 0 && j === 0 });
      link(`p-${i}`, `co-${i}-${j}`);
    }
  }
  return { center: 'co-0', asOf: '2026-12-01', nodes, edges, ...o };
}

describe(layoutEgoGraph.name, () => {
  it('should place every party inside the box with the applicant in the middle when the graph is small', () => {
    const layout = layoutEgoGraph(egoGraph(3, 2), BOX);
    expect(layout.nodes).toHaveLength(10);
    expect(layout.edges).toHaveLength(9);
    expect(layout.omitted).toBe(0);
    expect(layout.nodes.find((n) => n.id === 'co-0')).toMatchObject({ x: 250, y: 300, hop: 0 });
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(BOX.x);
      expect(n.x).toBeLessThanOrEqual(BOX.x + BOX.width);
      expect(n.y).toBeGreaterThanOrEqual(BOX.y);
      expect(n.y).toBeLessThanOrEqual(BOX.y + BOX.height);
    }
  });

  it('should print the same picture whatever order the graph service lists the parties in', () => {
    const graph = egoGraph(4, 3);
    const shuffled = { ...graph, nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    const at = (g: EgoGraphView) =>
      layoutEgoGraph(g, BOX)
        .nodes.map((n) => `${n.id}@${n.x.toFixed(2)},${n.y.toFixed(2)}`)
        .sort();
    expect(at(shuffled)).toEqual(at(graph));
  });

  it('should keep defaulted parties and count the rest when the graph is larger than a page shows', () => {
    const layout = layoutEgoGraph(egoGraph(10, 10), BOX, 30);
    expect(layout.nodes).toHaveLength(30);
    expect(layout.omitted).toBe(111 - 30);
    expect(layout.nodes.map((n) => n.id)).toContain('co-0-0');
    expect(layout.edges.every((e) => layout.nodes.includes(e.from) && layout.nodes.includes(e.to))).toBe(true);
  });
});

describe(drawNetwork.name, () => {
  it('should draw one dot per placed party and one line per link when given a layout', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const calls = { drawLine: 0, drawCircle: 0, drawText: 0 };
    const canvas: NetworkCanvas = {
      drawLine: () => void calls.drawLine++,
      drawCircle: () => void calls.drawCircle++,
      drawText: () => void calls.drawText++,
    };
    drawNetwork(canvas, layoutEgoGraph(egoGraph(3, 2), BOX), font, { x: 50, y: 60 });
    expect(calls).toEqual({ drawLine: 9, drawCircle: 10, drawText: 1 });
  });
});
