/**
 * A bar chart of the outcome rates per period (reliable improvement, recovery, reliable deterioration) over the rows
 * shown, summed across clinicians and instruments. The table beside it carries the same numbers for screen readers.
 *
 * @example
 * <OutcomesChart rows={filteredRows} />
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutcomeRow } from '../../api/outcomes-api.js';
import { useContainerWidth } from '../../lib/use-container-width.js';
import { summarizeOutcomes } from './summarize-outcomes.js';

/**
 * One bar group: a period and its rates in whole percent (null where a rate does not apply).
 *
 * @example
 * const point: OutcomeChartPoint = { period: '2026-Q4', improvement: 55, recovery: 48, deterioration: 6 };
 */
export interface OutcomeChartPoint {
  readonly period: string;
  readonly improvement: number | null;
  readonly recovery: number | null;
  readonly deterioration: number | null;
}

/**
 * The chart's points, oldest period first.
 *
 * @example
 * outcomeChartPoints(rows).map((p) => p.period); // ['2026-Q3', '2026-Q4']
 */
export function outcomeChartPoints(rows: readonly OutcomeRow[]): OutcomeChartPoint[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));
  return periods.map((period) => {
    const total = summarizeOutcomes(rows.filter((r) => r.period === period));
    return {
      period,
      improvement: percent(total.rates.reliableImprovement),
      recovery: percent(total.rates.recovery),
      deterioration: percent(total.rates.reliableDeterioration),
    };
  });
}

export function OutcomesChart({
  rows,
  width: fixedWidth,
}: {
  readonly rows: readonly OutcomeRow[];
  readonly width?: number;
}) {
  const [ref, width] = useContainerWidth(fixedWidth, 640);
  const points = outcomeChartPoints(rows);
  if (points.length === 0) return null;
  return (
    <figure className="outcomes-chart" aria-label="Outcome rates by period">
      <div ref={ref}>
        <BarChart
          width={width}
          height={240}
          data={points}
          margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
          role="img"
          aria-label="Bar chart of reliable improvement, recovery and reliable deterioration rates by period; the table below has the numbers"
        >
          <CartesianGrid stroke="#e6e9ee" vertical={false} />
          <XAxis dataKey="period" tick={{ fill: '#3d4a59', fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit=" %" width={48} tick={{ fill: '#3d4a59', fontSize: 12 }} />
          <Tooltip formatter={(value) => `${String(value)} %`} />
          <Legend />
          <Bar dataKey="improvement" name="Reliable improvement" fill="#166534" isAnimationActive={false} />
          <Bar dataKey="recovery" name="Recovery" fill="#1d4ed8" isAnimationActive={false} />
          <Bar dataKey="deterioration" name="Reliable deterioration" fill="#b42318" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
