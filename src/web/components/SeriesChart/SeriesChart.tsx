/**
 * The history of one instrument (or behaviour count) without a target: the values over time on the instrument's
 * severity bands, with a data table for screen readers. Targets get the richer ProgressChart.
 *
 * @example
 * <SeriesChart title="GAD-7" points={[{ date: '2026-10-01', value: 15 }]} bands={gad7.bands} range={gad7.range} />
 */
import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, XAxis, YAxis } from 'recharts';
import type { Band, ScoreRange } from '../../../domain/scoring/measure-definition.js';
import { fromEpochDay, toEpochDay } from '../../../domain/shared/calendar-date.js';
import { bandFill } from '../../lib/chart-colors.js';
import { formatDate, formatNumber, formatShortDate } from '../../lib/format.js';
import { useContainerWidth } from '../../lib/use-container-width.js';
import { ChartDataTable } from '../ChartDataTable/ChartDataTable.js';

export interface SeriesChartProps {
  readonly title: string;
  readonly points: readonly { readonly date: string; readonly value: number }[];
  readonly bands?: readonly Band[] | null;
  readonly range?: ScoreRange | null;
  readonly width?: number;
  readonly height?: number;
}

export function SeriesChart({ title, points, bands, range, width: fixedWidth, height = 220 }: SeriesChartProps) {
  const headingId = useId();
  const [ref, width] = useContainerWidth(fixedWidth, 560);
  const data = points.map((p) => ({ x: toEpochDay(p.date), value: p.value })).sort((a, b) => a.x - b.x);
  const xs = data.map((d) => d.x);
  const x0 = xs.length > 0 ? Math.min(...xs) : 0;
  const x1 = xs.length > 0 ? Math.max(...xs) : 1;
  const yMax = range?.max ?? Math.max(1, ...data.map((d) => d.value)) * 1.2;
  const yMin = range?.min ?? 0;
  const latest = data.at(-1);
  return (
    <figure className="progress-chart" aria-labelledby={headingId}>
      <figcaption className="progress-chart__caption">
        <h4 id={headingId} className="progress-chart__title">
          {title}
        </h4>
        <p className="muted" style={{ margin: 0 }}>
          {latest
            ? `${data.length} value${data.length === 1 ? '' : 's'}; latest ${formatNumber(latest.value)} on ${formatDate(fromEpochDay(latest.x))}`
            : 'No values yet'}
        </p>
      </figcaption>
      <div ref={ref} className="progress-chart__canvas">
        <LineChart
          width={width}
          height={height}
          data={data}
          margin={{ top: 12, right: 90, bottom: 4, left: 0 }}
          role="img"
          aria-label={`${title} over time`}
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
          <XAxis
            type="number"
            dataKey="x"
            domain={[x0 - 2, x1 + 2]}
            tickFormatter={(day: number) => formatShortDate(fromEpochDay(day))}
            tick={{ fontSize: 12, fill: '#4b5563' }}
            stroke="#9aa3ae"
          />
          <YAxis
            type="number"
            domain={[yMin, Math.ceil(yMax)]}
            allowDecimals={false}
            width={40}
            tick={{ fontSize: 12, fill: '#4b5563' }}
            stroke="#9aa3ae"
          />
          <Line
            dataKey="value"
            stroke="#1d4ed8"
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: '#1d4ed8', strokeWidth: 0 }}
            isAnimationActive={false}
            name={title}
          />
        </LineChart>
      </div>
      <ChartDataTable title={title} points={data} />
    </figure>
  );
}
