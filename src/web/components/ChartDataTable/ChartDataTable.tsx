import { fromEpochDay } from '../../../domain/shared/calendar-date.js';
import { formatDate, formatNumber } from '../../lib/format.js';

/** One charted value: `x` is the day number since 1970-01-01. */
export interface ChartDataPoint {
  readonly x: number;
  readonly value: number;
}

/**
 * The values behind a chart as a collapsible table, for screen readers and for reading exact numbers.
 *
 * @example
 * <ChartDataTable title="PHQ-9" points={[{ x: 20_500, value: 18 }]} />
 */
export function ChartDataTable({ title, points }: { title: string; points: readonly ChartDataPoint[] }) {
  return (
    <details className="progress-chart__data">
      <summary>Data table</summary>
      <table className="table table--compact">
        <caption className="visually-hidden">{title} values</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.x}>
              <td>{formatDate(fromEpochDay(p.x))}</td>
              <td>{formatNumber(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
