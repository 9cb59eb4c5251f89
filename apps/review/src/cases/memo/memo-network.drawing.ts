import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

import type { NetworkLayout } from './memo-network.layout';

/** The drawing calls the picture needs (a fake page in unit tests counts them). */
export type NetworkCanvas = Pick<PDFPage, 'drawLine' | 'drawCircle' | 'drawText'>;

const GREY = rgb(0.6, 0.6, 0.6);
const RED = rgb(0.75, 0.1, 0.1);
const COLOURS: Record<string, ReturnType<typeof rgb>> = {
  Company: rgb(0.15, 0.35, 0.7),
  Person: rgb(0.2, 0.55, 0.3),
  Phone: rgb(0.55, 0.4, 0.7),
  Address: rgb(0.75, 0.55, 0.15),
  Account: rgb(0.35, 0.35, 0.35),
  Loan: rgb(0.1, 0.55, 0.6),
};

/** The network with pdf-lib primitives: grey links (red when risky), a dot per party coloured by type. */
export function drawNetwork(
  canvas: NetworkCanvas,
  layout: NetworkLayout,
  font: PDFFont,
  legendAt: { x: number; y: number },
): void {
  for (const e of layout.edges) {
    canvas.drawLine({
      start: { x: e.from.x, y: e.from.y },
      end: { x: e.to.x, y: e.to.y },
      thickness: e.risky ? 1.2 : 0.5,
      color: e.risky ? RED : GREY,
    });
  }
  for (const n of layout.nodes) {
    canvas.drawCircle({
      x: n.x,
      y: n.y,
      size: n.hop === 0 ? 7 : 4,
      color: COLOURS[n.label] ?? GREY,
      ...(n.defaulted ? { borderColor: RED, borderWidth: 1.5 } : {}),
    });
  }
  const legend = Object.keys(COLOURS).join(' / ');
  canvas.drawText(`Colours: ${legend}. Red links: risky paths. Red ring: defaulted.`, { ...legendAt, size: 8, font });
}
