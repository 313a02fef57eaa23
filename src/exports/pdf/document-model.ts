/**
 * The layout model every PDF document is built as: pure data that says what to show, never how a library draws it.
 * `render-pdf.ts` is the only file that turns it into a PDF.
 *
 * @example
 * const doc: DocumentModel = { title: 'Progress report', subtitle: 'Demo practice', footer: 'DEMO-001', blocks: [] };
 */

/**
 * A point of a chart series: a calendar date (YYYY-MM-DD) and a value.
 *
 * @example
 * const p: ChartPoint = { date: '2026-10-13', value: 14 };
 */
export interface ChartPoint {
  readonly date: string;
  readonly value: number;
}

/**
 * A line chart of one target: the measured values, the expected trajectory (a straight line from baseline to goal),
 * and the goal as a horizontal line. Dates run along the x axis from `fromDate` to `toDate`.
 *
 * @example
 * const chart: ChartBlock = { kind: 'chart', caption: 'PHQ-9 total', fromDate: '2026-09-01', toDate: '2026-11-26',
 *   yMin: 0, yMax: 27, points: [{ date: '2026-09-01', value: 18 }], expected: null, goalValue: 9 };
 */
export interface ChartBlock {
  readonly kind: 'chart';
  /** Said under the chart, with the legend. */
  readonly caption: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly yMin: number;
  readonly yMax: number;
  /** Oldest first. */
  readonly points: readonly ChartPoint[];
  /** The expected line as a polyline clipped to the axis dates, or null when the target has no trajectory. */
  readonly expected: readonly ChartPoint[] | null;
  readonly goalValue: number | null;
}

/**
 * One block of a document's layout model.
 *
 * @example
 * const block: DocumentBlock = { kind: 'fields', rows: [['Date established', '2026-10-01']] };
 */
export type DocumentBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [label: string, value: string])[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      /** Relative column widths (star units). */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly string[])[];
    }
  | ChartBlock
  /** Blocks kept on one page together (a target's facts with its chart). */
  | { readonly kind: 'group'; readonly blocks: readonly DocumentBlock[] };

/**
 * A document as a layout model (pure data; render-pdf.ts draws it).
 *
 * @example
 * const doc: DocumentModel = { title: 'Treatment plan', subtitle: 'Demo practice', footer: 'DEMO-001 · version 1', blocks: [] };
 */
export interface DocumentModel {
  readonly title: string;
  readonly subtitle: string;
  /** Printed at the foot of every page next to the page number. */
  readonly footer: string;
  readonly blocks: readonly DocumentBlock[];
}
