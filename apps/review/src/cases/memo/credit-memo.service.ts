import { Injectable } from '@nestjs/common';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

import { egoGraphViewSchema } from '@loanmesh/contracts';

import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { GraphProxyService } from '../../graph/graph-proxy.service';
import { CaseQueryService } from '../case-query.service';
import { creditMemoSections, type MemoSection } from './credit-memo.lines';
import { drawNetwork } from './memo-network.drawing';
import { type EgoGraphView, layoutEgoGraph } from './memo-network.layout';

const PAGE: [number, number] = [595, 842]; // A4 in points
const MARGIN = 50;
const SIZE = 10;
const LEADING = 14;

/** The standard PDF fonts carry WinAnsi only: anything else is shown as '?' rather than failing. */
const printable = (text: string): string => text.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, SIZE) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  return [...lines, line];
}

/** The credit memo as a PDF for the credit file, rendered in review with pdf-lib. */
@Injectable()
export class CreditMemoService {
  constructor(
    private readonly cases: CaseQueryService,
    private readonly graph: GraphProxyService,
  ) {}

  async render(caseId: string, user: AuthenticatedUser, now = new Date()): Promise<Uint8Array> {
    const detail = await this.cases.detail(caseId, user);
    const doc = await PDFDocument.create();
    doc.setTitle(`Credit memo ${detail.case.applicationId}`);
    doc.setCreator('LoanMesh review');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    let page: PDFPage = doc.addPage(PAGE);
    let y = PAGE[1] - MARGIN;
    const write = (text: string, f: PDFFont, size = SIZE): void => {
      if (y < MARGIN) {
        page = doc.addPage(PAGE);
        y = PAGE[1] - MARGIN;
      }
      page.drawText(text, { x: MARGIN, y, size, font: f });
      y -= size === SIZE ? LEADING : size + 8;
    };
    write(printable(`Credit memo: application ${detail.case.applicationId}`), bold, 16);
    write(printable(`Prepared for ${user.username} (${user.role}) on ${now.toISOString()}`), font);
    const sections: MemoSection[] = creditMemoSections(detail);
    for (const section of sections) {
      y -= 6;
      write(printable(section.title), bold, 12);
      section.lines.flatMap((l) => wrap(l, font, PAGE[0] - 2 * MARGIN)).forEach((l) => write(l, font));
    }
    this.drawNetworkPage(doc.addPage(PAGE), await this.egoGraph(user, detail.case.applicationId), font, bold);
    return doc.save();
  }

  /** The network as the caller may see it (masked per role by the proxy); null when graph is unavailable. */
  private async egoGraph(user: AuthenticatedUser, applicationId: string): Promise<EgoGraphView | null> {
    try {
      const parsed = egoGraphViewSchema.safeParse(await this.graph.egoGraph(user, applicationId));
      return parsed.success ? parsed.data : null;
    } catch {
      // The memo is still the credit file's record without its picture; the page says so.
      return null;
    }
  }

  private drawNetworkPage(page: PDFPage, graph: EgoGraphView | null, font: PDFFont, bold: PDFFont): void {
    const top = PAGE[1] - MARGIN;
    page.drawText('Network (two hops around the applicant)', { x: MARGIN, y: top, size: 12, font: bold });
    if (!graph) {
      page.drawText('Not available: the graph service did not answer.', { x: MARGIN, y: top - 20, size: SIZE, font });
      return;
    }
    const width = PAGE[0] - 2 * MARGIN;
    const layout = layoutEgoGraph(graph, { x: MARGIN, y: top - 40 - width, width, height: width });
    drawNetwork(page, layout, font, { x: MARGIN, y: top - 60 - width });
    const shown = `${layout.nodes.length} parties, ${layout.edges.length} links as of ${graph.asOf}`;
    const omitted = layout.omitted > 0 ? `; ${layout.omitted} more parties not drawn` : '';
    page.drawText(printable(shown + omitted), { x: MARGIN, y: top - 20, size: SIZE, font });
  }
}
