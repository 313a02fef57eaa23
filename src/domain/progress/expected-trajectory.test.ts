import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar-date.js';
import { computeExpectedTrajectory, expectedValueAt, weeksSinceStart } from './expected-trajectory.js';

const line = computeExpectedTrajectory({ startDate: '2026-09-01', dueDate: '2026-11-24' }, 18, 7);

describe('computeExpectedTrajectory', () => {
  it('runs from the baseline at the start date to the goal value at the due date', () => {
    expect(line).toEqual({ from: { date: '2026-09-01', value: 18 }, to: { date: '2026-11-24', value: 7 } });
  });
});

describe('expectedValueAt', () => {
  it.each([
    ['2026-08-01', 18],
    ['2026-09-01', 18],
    ['2026-10-13', 12.5],
    ['2026-11-24', 7],
    ['2027-01-01', 7],
  ])('on %s expects %d', (date, expected) => {
    expect(expectedValueAt(line, date)).toBeCloseTo(expected, 10);
  });

  it('expects the goal value from the start when the due date is not after the start', () => {
    const flat = computeExpectedTrajectory({ startDate: '2026-09-01', dueDate: '2026-09-01' }, 18, 9);
    expect(expectedValueAt(flat, '2026-09-01')).toBe(9);
    expect(expectedValueAt(flat, '2026-08-31')).toBe(18);
  });

  it('always lies between the baseline and the goal value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -100, max: 500 }),
        (baseline, goal, duration, offset) => {
          const trajectory = computeExpectedTrajectory(
            { startDate: '2026-01-01', dueDate: addDays('2026-01-01', duration) },
            baseline,
            goal,
          );
          const value = expectedValueAt(trajectory, addDays('2026-01-01', offset));
          expect(value).toBeGreaterThanOrEqual(Math.min(baseline, goal) - 1e-9);
          expect(value).toBeLessThanOrEqual(Math.max(baseline, goal) + 1e-9);
        },
      ),
    );
  });
});

describe('weeksSinceStart', () => {
  it.each([
    ['2026-09-01', 0],
    ['2026-09-07', 0],
    ['2026-09-08', 1],
    ['2026-10-13', 6],
  ])('counts whole weeks to %s as %d', (date, weeks) => {
    expect(weeksSinceStart('2026-09-01', date)).toBe(weeks);
  });
});
