// The only file that imports the PDF library (STYLE §2: renderer libraries only in render-*.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { DocumentBlock, DocumentModel } from './treatment-plan-document.js';

/** Roboto as shipped inside the pdfmake package: an embedded TTF, so "≤" and "≥" survive (the standard 14 fonts cannot). */
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);

pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
// pdfmake may read local files only from the font folder and may fetch no URL (reference/deps.md §7).
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR + path.sep));
pdfmake.setUrlAccessPolicy(() => false);

/** US Letter (612 × 792 pt) with 40 pt side margins. */
const CONTENT_WIDTH = 612 - 2 * 40;
/** Horizontal padding and rule of one table cell in pdfmake's default layout. */
const CELL_CHROME = 9;

function blockToContent(block: DocumentBlock): object {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: block.level === 1 ? 'h1' : 'h2', headlineLevel: block.level };
    case 'paragraph':
      return { text: block.text, margin: [0, 0, 0, 6] };
    case 'fields':
      return {
        table: {
          widths: [130, CONTENT_WIDTH - 130 - 2 * CELL_CHROME],
          body: block.rows.map(([label, value]) => [{ text: label, bold: true }, value]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      };
    case 'table': {
      const sum = block.widths.reduce((a, b) => a + b, 0);
      const usable = CONTENT_WIDTH - block.widths.length * CELL_CHROME;
      return {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: block.widths.map((w) => Math.floor((w / sum) * usable)),
          body: [block.columns.map((c) => ({ text: c, bold: true })), ...block.rows.map((r) => [...r])],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
      };
    }
  }
}

/**
 * Draws a document model as a PDF (US Letter, Roboto embedded, page numbers in the footer).
 *
 * @example
 * const pdf = await renderPdf(buildTreatmentPlanDocument(record));
 * pdf.subarray(0, 5).toString() // '%PDF-'
 */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const definition = {
    pageSize: 'LETTER',
    pageMargins: [40, 60, 40, 50],
    info: { title: model.title, creator: 'Cairn', producer: 'Cairn' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true },
      subtitle: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 10] },
      h1: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 4] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 3] },
    },
    // A heading never ends a page: it moves to the next page with what follows it.
    pageBreakBefore: (node: { headlineLevel?: number }, following: { length: number }) =>
      node.headlineLevel !== undefined && following.length === 0,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: model.footer, fontSize: 8, color: '#555555' },
        { text: `page ${page} of ${pages}`, alignment: 'right', fontSize: 8, color: '#555555' },
      ],
      margin: [40, 15, 40, 0],
    }),
    content: [
      { text: model.title, style: 'title' },
      { text: model.subtitle, style: 'subtitle' },
      ...model.blocks.map(blockToContent),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
