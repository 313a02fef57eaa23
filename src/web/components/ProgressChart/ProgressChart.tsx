/**
 * The progress chart of one target (DESIGN 2.4, 3.4): the measured series, the instrument's severity bands, the
 * target line, the expected trajectory (baseline at the start to the target at the due date, from the progress
 * summary), the reliable-change band around the baseline, review dates, and above it the status in plain words
 * ("off track: 3.5 points above the expected line at week 6"). A data table under the chart gives the same numbers
 * to screen readers.
 *
 * @example
 * <ProgressChart title="PHQ-9" progress={targetProgress} series={points} startDate="2026-09-01" dueDate="2026-11-24"
 *   bands={phq9.bands} range={phq9.range} reliableChangeThreshold={6} reviewDates={['2026-10-27']} today="2026-10-14" />
 */
import { useId } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts';
import { normalizeSeries, type SeriesPoint } from '../../../domain/progress/series-point.js';
import type { TargetProgress } from '../../../domain/progress/target-status.js';
import type { Band, ScoreRange } from '../../../domain/scoring/measure-definition.js';
import { fromEpochDay, toEpochDay } from '../../../domain/shared/calendar-date.js';
import type { Period } from '../../../domain/treatment-plans/target.js';
import { bandFill } from '../../lib/chart-colors.js';
import { comparatorSymbol, formatDate, formatNumber, formatShortDate } from '../../lib/format.js';
import { useContainerWidth } from '../../lib/use-container-width.js';
import { ChartDataTable } from '../ChartDataTable/ChartDataTable.js';
import { describeTargetProgress, STATUS_WORDS } from './describe-target-progress.js';

export interface ProgressChartProps {
  /** What is measured ("PHQ-9", "Panic attacks per week"). */
  readonly title: string;
  readonly progress: TargetProgress;
  /** The points the target was judged on (the progress summary's series for this target). */
  readonly series: readonly SeriesPoint[];
  readonly startDate: string;
  readonly dueDate: string;
  readonly today: string;
  /** The instrument's severity bands (null or absent for behaviour counts and PCL-5). */
  readonly bands?: readonly Band[] | null;
  readonly range?: ScoreRange | null;
  /** The instrument's reliable-change threshold: the band around the baseline inside which change is not reliable. */
  readonly reliableChangeThreshold?: number | null;
  readonly reviewDates?: readonly string[];
  /** Plural noun of the values for the status line (default "points"). */
  readonly unit?: string;
  /** The target's period for counts kept in another period (weekly logs for a per-month target); null for scores. */
  readonly per?: Period | null;
  /** Fixed size (tests); otherwise the chart fills its container's width. */
  readonly width?: number;
  readonly height?: number;
}

interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

function chartDomain(props: ProgressChartProps): Domain {
  const { series, startDate, dueDate, today, range, progress } = props;
  const days = [startDate, dueDate, today, ...series.map((p) => p.date)].map(toEpochDay);
  const xMin = Math.min(...days);
  const xMax = Math.max(...days);
  if (range) return { x: [xMin, xMax + 3], y: [range.min, range.max] };
  const values = [...series.map((p) => p.value), progress.baseline?.value ?? 0, progress.goal?.value ?? 0];
  const top = Math.max(1, ...values);
  return { x: [xMin, xMax + 3], y: [0, Math.ceil(top * 1.2)] };
}

/**
 * The chart with its status line.
 *
 * @example
 * <ProgressChart title="GAD-7" progress={p} series={s} startDate={a} dueDate={b} today={t} />
 */
export function ProgressChart(props: ProgressChartProps) {
  const {
    title,
    progress,
    series,
    startDate,
    dueDate,
    today,
    bands,
    reliableChangeThreshold,
    reviewDates = [],
    unit,
    height = 280,
  } = props;
  const headingId = useId();
  const [ref, width] = useContainerWidth(props.width);
  const domain = chartDomain(props);
  const status = describeTargetProgress(progress, unit ? { unit } : {});
  const goal = progress.goal;
  const baseline = progress.baseline;
  const trajectory = progress.expectedTrajectory;

  const points = (props.per === undefined ? series : normalizeSeries(series, props.per))
    .filter((p) => p.date <= today)
    .map((p) => ({ x: toEpochDay(p.date), value: p.value }))
    .sort((a, b) => a.x - b.x);
  const expected = trajectory
    ? [
        { x: toEpochDay(trajectory.from.date), expected: trajectory.from.value },
        { x: toEpochDay(trajectory.to.date), expected: trajectory.to.value },
      ]
    : [];
  const [yMin, yMax] = domain.y;
  // Only review dates inside the chart's time span are drawn (and named in the legend).
  const reviews = reviewDates.filter((d) => {
    const day = toEpochDay(d);
    return day >= domain.x[0] && day <= domain.x[1];
  });
  const clamp = (v: number) => Math.min(yMax, Math.max(yMin, v));

  const summary = [
    `${title}: ${status}.`,
    baseline ? `Baseline ${formatNumber(baseline.value)}.` : '',
    goal ? `Target ${comparatorSymbol(goal.comparator)} ${formatNumber(goal.value)} by ${formatDate(dueDate)}.` : '',
    progress.latest ? `Latest ${formatNumber(progress.latest.value)} on ${formatDate(progress.latest.date)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="progress-chart" aria-labelledby={headingId} data-testid="progress-chart">
      <figcaption className="progress-chart__caption">
        <h4 id={headingId} className="progress-chart__title">
          {title}
        </h4>
        <p className={`status-line status-line--${progress.status}`} data-testid="status-line">
          <span className={`status-badge status-badge--${progress.status}`}>{STATUS_WORDS[progress.status]}</span>
          <span className="status-line__text">{status}</span>
        </p>
      </figcaption>
      <div ref={ref} className="progress-chart__canvas">
        <ComposedChart
          width={width}
          height={height}
          margin={{ top: 16, right: 120, bottom: 8, left: 0 }}
          role="img"
          aria-label={summary}
        >
          <CartesianGrid stroke="#e6e9ee" vertical={false} />
          {(bands ?? []).map((band, i) => (
            <ReferenceArea
              key={band.label}
              y1={band.min}
              y2={Math.min(yMax, bands?.[i + 1]?.min ?? band.max + 1)}
              fill={bandFill(i)}
              fillOpacity={1}
              stroke="none"
              ifOverflow="hidden"
              label={{ value: band.label, position: 'right', fill: '#6b7480', fontSize: 11 }}
            />
          ))}
          {baseline && reliableChangeThreshold ? (
            <ReferenceArea
              className="progress-chart__reliable-band"
              y1={clamp(baseline.value - reliableChangeThreshold)}
              y2={clamp(baseline.value + reliableChangeThreshold)}
              x1={toEpochDay(startDate)}
              x2={domain.x[1]}
              fill="#94a3b8"
              fillOpacity={0.1}
              stroke="#94a3b8"
              strokeDasharray="2 4"
              ifOverflow="hidden"
            />
          ) : null}
          <XAxis
            type="number"
            dataKey="x"
            domain={[domain.x[0], domain.x[1]]}
            allowDuplicatedCategory={false}
            tickFormatter={(day: number) => formatShortDate(fromEpochDay(day))}
            tick={{ fontSize: 12, fill: '#4b5563' }}
            stroke="#9aa3ae"
          />
          <YAxis
            type="number"
            domain={[domain.y[0], domain.y[1]]}
            allowDecimals={false}
            width={40}
            tick={{ fontSize: 12, fill: '#4b5563' }}
            stroke="#9aa3ae"
          />
          {reviews.map((date) => (
            <ReferenceLine
              key={`review-${date}`}
              className="progress-chart__review"
              x={toEpochDay(date)}
              stroke="#7c6fb0"
              strokeDasharray="4 3"
              label={{
                value: `review ${formatShortDate(date)}`,
                position: 'insideTopLeft',
                fill: '#5b4f94',
                fontSize: 11,
              }}
            />
          ))}
          <ReferenceLine
            x={toEpochDay(today)}
            stroke="#c0c7d0"
            label={{ value: 'today', position: 'insideBottomRight', fill: '#6b7480', fontSize: 11 }}
          />
          {goal && (
            <ReferenceLine
              className="progress-chart__target-line"
              y={clamp(goal.value)}
              stroke="#0f766e"
              strokeWidth={2}
              strokeDasharray="6 4"
              label={{
                value: `target ${comparatorSymbol(goal.comparator)} ${formatNumber(goal.value)}`,
                position: 'right',
                fill: '#0f766e',
                fontSize: 12,
                fontWeight: 600,
              }}
            />
          )}
          {expected.length > 0 && (
            <Line
              className="progress-chart__expected"
              data={expected}
              dataKey="expected"
              name="expected trajectory"
              stroke="#64748b"
              strokeDasharray="3 3"
              dot={false}
              isAnimationActive={false}
              legendType="none"
            />
          )}
          <Line
            className="progress-chart__series"
            data={points}
            dataKey="value"
            name={title}
            stroke="#1d4ed8"
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: '#1d4ed8', strokeWidth: 0 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </div>
      <ul className="progress-chart__legend" aria-hidden="true">
        <li>
          <span className="legend-swatch legend-swatch--series" /> measured
        </li>
        {expected.length > 0 && (
          <li>
            <span className="legend-swatch legend-swatch--expected" /> expected trajectory
          </li>
        )}
        {goal && (
          <li>
            <span className="legend-swatch legend-swatch--target" /> target
          </li>
        )}
        {baseline && reliableChangeThreshold ? (
          <li>
            <span className="legend-swatch legend-swatch--reliable" /> within ±{formatNumber(reliableChangeThreshold)}{' '}
            of baseline: no reliable change
          </li>
        ) : null}
        {reviews.length > 0 && (
          <li>
            <span className="legend-swatch legend-swatch--review" /> review
          </li>
        )}
      </ul>
      <ChartDataTable title={title} points={points} />
    </figure>
  );
}
