// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { computeTargetStatus } from '../../../domain/progress/target-status.js';
import type { Target } from '../../../domain/treatment-plans/target.js';
import { getMeasure } from '../../../measures/registry.js';
import { ProgressChart } from './ProgressChart.js';

afterEach(cleanup);

const phq9 = getMeasure('phq9')!;
const target: Target = {
  id: 't1',
  measure: { kind: 'instrument', instrumentId: 'phq9' },
  direction: 'decrease',
  baseline: 18,
  goal: { kind: 'absolute', value: 7, comparator: '<=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-11-24',
};
const series = [
  { date: '2026-09-01', value: 18 },
  { date: '2026-09-15', value: 17 },
  { date: '2026-09-29', value: 17 },
  { date: '2026-10-13', value: 16 },
];
const today = '2026-10-14';
const progress = computeTargetStatus(target, series, { today, instrument: phq9 });

describe('ProgressChart', () => {
  it('renders the series, the target line, the expected trajectory, bands and the status in words', () => {
    const { container } = render(
      <ProgressChart
        title="PHQ-9"
        progress={progress}
        series={series}
        startDate={target.startDate}
        dueDate={target.dueDate}
        today={today}
        bands={phq9.bands}
        range={phq9.range}
        reliableChangeThreshold={phq9.reliableChangeThreshold}
        reviewDates={['2026-10-27']}
        width={720}
        height={300}
      />,
    );
    expect(screen.getByTestId('status-line').textContent).toContain(
      'off track: 3.5 points above the expected line at week 6',
    );
    expect(container.querySelector('.progress-chart__target-line')).not.toBeNull();
    expect(screen.getByText('target ≤ 7')).toBeTruthy();
    expect(container.querySelector('.progress-chart__expected path')).not.toBeNull();
    expect(container.querySelector('.progress-chart__series path')).not.toBeNull();
    expect(container.querySelector('.progress-chart__reliable-band')).not.toBeNull();
    expect(screen.getByText('moderately severe')).toBeTruthy();
    expect(screen.getByText('review 27 Oct')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Target ≤ 7 by 24 Nov 2026');
  });

  it('lists the values in a data table for screen readers', () => {
    render(
      <ProgressChart
        title="PHQ-9"
        progress={progress}
        series={series}
        startDate={target.startDate}
        dueDate={target.dueDate}
        today={today}
        width={600}
      />,
    );
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows[4]?.textContent).toBe('13 Oct 202616');
  });
});
