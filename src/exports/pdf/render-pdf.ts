// The only file that imports the PDF library (STYLE §2: renderer libraries only in render-*.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { ChartBlock, DocumentBlock, DocumentModel } from './document-model.js';

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

/** Chart geometry in points: the y-axis label gutter, the plot width and height. */
const CHART = { gutter: 30, width: CONTENT_WIDTH - 30 - 10, height: 130 } as const;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function label(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * A line chart drawn with pdfmake's vector canvas (no browser, no raster): grid lines with their values as text on
 * the left, the dates of the axis ends below, the expected line dashed, the goal dotted, the values as a solid line
 * with dots. Text stays text, so pdftotext reads the axis labels.
 */
function chartToContent(chart: ChartBlock): object {
  const { width: w, height: h } = CHART;
  const x0 = dayNumber(chart.fromDate);
  const span = Math.max(1, dayNumber(chart.toDate) - x0);
  const ySpan = chart.yMax - chart.yMin || 1;
  const x = (date: string) => Math.min(w, Math.max(0, ((dayNumber(date) - x0) / span) * w));
  const y = (value: number) => h - ((Math.min(chart.yMax, Math.max(chart.yMin, value)) - chart.yMin) / ySpan) * h;
  const ticks = [chart.yMax, (chart.yMax + chart.yMin) / 2, chart.yMin];
  const shapes: object[] = [
    { type: 'rect', x: 0, y: 0, w, h, lineWidth: 0.5, lineColor: '#999999' },
    ...ticks
      .slice(1, 2)
      .map((t) => ({ type: 'line', x1: 0, y1: y(t), x2: w, y2: y(t), lineWidth: 0.3, lineColor: '#cccccc' })),
  ];
  if (chart.goalValue !== null) {
    shapes.push({
      type: 'line',
      x1: 0,
      y1: y(chart.goalValue),
      x2: w,
      y2: y(chart.goalValue),
      lineWidth: 0.8,
      lineColor: '#2e7d32',
      dash: { length: 1, space: 2 },
    });
  }
  if (chart.expected && chart.expected.length > 1) {
    shapes.push({
      type: 'polyline',
      points: chart.expected.map((p) => ({ x: x(p.date), y: y(p.value) })),
      lineWidth: 1,
      lineColor: '#888888',
      dash: { length: 4, space: 3 },
    });
  }
  const pts = chart.points.map((p) => ({ x: x(p.date), y: y(p.value) }));
  if (pts.length > 1) shapes.push({ type: 'polyline', points: pts, lineWidth: 1.4, lineColor: '#1f4e79' });
  for (const p of pts) shapes.push({ type: 'ellipse', x: p.x, y: p.y, r1: 1.8, r2: 1.8, color: '#1f4e79' });
  const axisText = { fontSize: 7, color: '#555555' };
  return {
    unbreakable: true,
    margin: [0, 4, 0, 4],
    stack: [
      {
        columns: [
          {
            width: CHART.gutter,
            stack: ticks.map((t) => ({
              ...axisText,
              text: label(t),
              alignment: 'right',
              margin: [0, 0, 4, 0],
              relativePosition: { x: 0, y: y(t) - 4 },
            })),
          },
          { width: w, canvas: shapes },
        ],
      },
      {
        margin: [CHART.gutter, 2, 10, 0],
        columns: [
          { ...axisText, text: chart.fromDate },
          { ...axisText, text: chart.toDate, alignment: 'right' },
        ],
      },
      { text: chart.caption, fontSize: 7.5, italics: true, color: '#444444', margin: [CHART.gutter, 1, 0, 0] },
    ],
  };
}

function blockToContent(block: DocumentBlock): object {
  switch (block.kind) {
    case 'chart':
      return chartToContent(block);
    case 'group':
      return { unbreakable: true, stack: block.blocks.map(blockToContent) };
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
