import path from 'node:path';
import PDFDocument from 'pdfkit';
import { transcriptTime, type Transcript } from './transcript';

/*
 * The transcript as a PDF, drawn by pdfkit (no browser). Its built-in fonts
 * know only Latin-1, so DejaVu Sans (an npm package, so every install has
 * it) is embedded: Indonesian, other Latin scripts, Greek and Cyrillic all
 * render, and the text stays selectable and searchable.
 */

const fontFile = (name: string) => path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', name);
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const MARGIN = 56;
const INK = '#0f172a';
const MUTED = '#64748b';
const RULE = '#e2e8f0';

const pageLabel = { en: (page: number, pages: number) => `Page ${page} of ${pages}`, id: (page: number, pages: number) => `Halaman ${page} dari ${pages}` };

export function transcriptPdf(transcript: Transcript): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: transcript.title, Producer: 'Tanya', Creator: 'Tanya', CreationDate: transcript.exportedAt },
    lang: transcript.language,
    displayTitle: true,
  });
  doc.registerFont(REGULAR, fontFile('DejaVuSans.ttf'));
  doc.registerFont(BOLD, fontFile('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font(BOLD).fontSize(16).fillColor(INK).text(transcript.title, { width });
  doc.moveDown(0.2).font(REGULAR).fontSize(9).fillColor(MUTED).text(transcript.subtitle, { width });
  doc.moveDown(1);

  for (const entry of transcript.entries) {
    // Keep a message's heading with at least its first lines.
    if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
    doc.font(BOLD).fontSize(10).fillColor(INK).text(entry.author, { continued: true, width });
    doc.font(REGULAR).fillColor(MUTED).text(`   ${transcriptTime(entry.at)}`, { width });
    doc.moveDown(0.2).font(REGULAR).fontSize(11).fillColor(INK).text(entry.content, { width, lineGap: 2 });
    doc.moveDown(0.5);
    doc.strokeColor(RULE).lineWidth(0.5).moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).stroke();
    doc.moveDown(0.6);
  }

  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Drawn inside the bottom margin, so it must not let pdfkit break to a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(pageLabel[transcript.language](index + 1, count), MARGIN, doc.page.height - MARGIN / 2 - 8, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
