import { Injectable } from '@nestjs/common';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CaseQueryService } from '../case-query.service';
import { creditMemoSections, type MemoSection } from './credit-memo.lines';

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
  constructor(private readonly cases: CaseQueryService) {}

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
    return doc.save();
  }
}
