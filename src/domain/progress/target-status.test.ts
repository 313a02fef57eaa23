import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar-date.js';
import type { Comparator, Direction, Target, TargetGoal } from '../treatment-plans/target.js';
import type { SeriesPoint } from './series-point.js';
import { computeTargetStatus, statusOfRule, TargetStatus, TargetStatusRule } from './target-status.js';

const PHQ9 = { reliableChangeThreshold: 6 };

/** PHQ-9 18 → ≤ 7 over 12 weeks: the expected line is 12.5 at week 6 (2026-10-13). */
const phq9Target: Target = {
  id: 't1',
  measure: { kind: 'instrument', instrumentId: 'phq9' },
  direction: 'decrease',
  baseline: 18,
  goal: { kind: 'absolute', value: 7, comparator: '<=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-11-24',
};

/** Panic attacks 8 → ≤ 0 a week over 8 weeks: the line is 4 a week at week 4; tolerance 2. */
const panicTarget: Target = {
  id: 't2',
  measure: { kind: 'behavior', behaviorId: 'b1' },
  direction: 'decrease',
  baseline: 8,
  goal: { kind: 'absolute', value: 0, comparator: '<=' },
  per: 'week',
  startDate: '2026-09-01',
  dueDate: '2026-10-27',
};

/** GAS −1 → ≥ 0 over 10 weeks; tolerance half a level. */
const gasTarget: Target = {
  id: 't3',
  measure: { kind: 'gas' },
  direction: 'increase',
  baseline: -1,
  goal: { kind: 'absolute', value: 0, comparator: '>=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-11-10',
};

const status = (target: Target, series: SeriesPoint[], today: string, instrument = PHQ9) =>
  computeTargetStatus(target, series, { today, instrument });

describe('TargetStatus', () => {
  it('lists the six statuses of DESIGN 2.4', () => {
    expect(Object.values(TargetStatus).sort()).toEqual(
      ['met', 'no-data', 'not-started', 'off-track', 'on-track', 'overdue'].sort(),
    );
  });
});

describe('statusOfRule', () => {
  it('maps every rule to one of the statuses', () => {
    for (const rule of Object.values(TargetStatusRule)) {
      expect(Object.values(TargetStatus)).toContain(statusOfRule(rule));
    }
  });
});

describe('computeTargetStatus', () => {
  it('says off track, 3 points above the line at week 6, with the numbers to say so', () => {
    const progress = status(phq9Target, [{ date: '2026-10-13', value: 15.5 }], '2026-10-14');
    expect(progress.status).toBe('off-track');
    expect(progress.decision).toEqual({
      rule: 'behind-expected-trajectory',
      data: {
        expected: 12.5,
        latest: 15.5,
        latestDate: '2026-10-13',
        worseBy: 3,
        tolerance: 3,
        toleranceBasis: 'fraction-of-reliable-change',
        week: 6,
        better: 'lower',
      },
    });
  });

  it('gives the baseline, goal, latest value, change and expected line for the chart', () => {
    const progress = status(phq9Target, [{ date: '2026-10-13', value: 14 }], '2026-10-14');
    expect(progress).toMatchObject({
      targetId: 't1',
      status: 'on-track',
      baseline: { value: 18, source: 'target' },
      goal: { value: 7, comparator: '<=', better: 'lower' },
      latest: { date: '2026-10-13', value: 14 },
      change: -4,
      expected: 12.5,
      expectedTrajectory: { from: { date: '2026-09-01', value: 18 }, to: { date: '2026-11-24', value: 7 } },
      tolerance: { value: 3 },
    });
  });

  describe('one row per rule, at its edges', () => {
    it.each<[string, Target, SeriesPoint[], string, string, string]>([
      // before-start
      ['the day before the start', phq9Target, [], '2026-08-31', 'not-started', 'before-start'],
      [
        'before the start even with a value that meets the goal',
        phq9Target,
        [{ date: '2026-08-30', value: 3 }],
        '2026-08-31',
        'not-started',
        'before-start',
      ],
      // no-baseline-or-values
      [
        'no baseline and no value',
        { ...phq9Target, baseline: null },
        [],
        '2026-10-01',
        'no-data',
        'no-baseline-or-values',
      ],
      [
        'no baseline and only a value dated after today',
        { ...phq9Target, baseline: null },
        [{ date: '2026-10-02', value: 9 }],
        '2026-10-01',
        'no-data',
        'no-baseline-or-values',
      ],
      // reliable-change-threshold-unknown / improvement-direction-unknown
      [
        'reliable improvement on a behaviour',
        { ...panicTarget, goal: { kind: 'reliable-improvement' } },
        [{ date: '2026-09-08', value: 5 }],
        '2026-09-09',
        'no-data',
        'reliable-change-threshold-unknown',
      ],
      [
        'reliable improvement with direction maintain',
        { ...phq9Target, direction: 'maintain', goal: { kind: 'reliable-improvement' } },
        [{ date: '2026-09-08', value: 12 }],
        '2026-09-09',
        'no-data',
        'improvement-direction-unknown',
      ],
      // no-measurement-since-start / due-date-passed-without-measurement
      [
        'the start day with nothing measured',
        phq9Target,
        [],
        '2026-09-01',
        'not-started',
        'no-measurement-since-start',
      ],
      [
        'only a value from before the start',
        phq9Target,
        [{ date: '2026-08-25', value: 3 }],
        '2026-10-01',
        'not-started',
        'no-measurement-since-start',
      ],
      ['the due date with nothing measured', phq9Target, [], '2026-11-24', 'not-started', 'no-measurement-since-start'],
      [
        'the day after the due date with nothing measured',
        phq9Target,
        [],
        '2026-11-25',
        'overdue',
        'due-date-passed-without-measurement',
      ],
      // goal-met
      [
        'the latest value exactly at a ≤ goal',
        phq9Target,
        [{ date: '2026-10-13', value: 7 }],
        '2026-10-14',
        'met',
        'goal-met',
      ],
      [
        'a value measured on the start day that meets the goal',
        phq9Target,
        [{ date: '2026-09-01', value: 6 }],
        '2026-09-01',
        'met',
        'goal-met',
      ],
      [
        'a goal met after the due date',
        phq9Target,
        [{ date: '2026-12-01', value: 5 }],
        '2026-12-02',
        'met',
        'goal-met',
      ],
      [
        'a met value on the due date itself',
        phq9Target,
        [{ date: '2026-11-24', value: 7 }],
        '2026-11-24',
        'met',
        'goal-met',
      ],
      // due-date-passed
      [
        'one point above the goal the day after the due date',
        phq9Target,
        [{ date: '2026-11-24', value: 8 }],
        '2026-11-25',
        'overdue',
        'due-date-passed',
      ],
      [
        'an earlier met value, then a worse latest value after the due date',
        phq9Target,
        [
          { date: '2026-11-01', value: 6 },
          { date: '2026-11-20', value: 9 },
        ],
        '2026-11-30',
        'overdue',
        'due-date-passed',
      ],
      // held-goal-lost
      [
        'a goal the baseline already met, lost',
        { ...phq9Target, baseline: 6 },
        [{ date: '2026-10-01', value: 8 }],
        '2026-10-02',
        'off-track',
        'held-goal-lost',
      ],
      // behind-expected-trajectory / on-expected-trajectory (PHQ-9 tolerance 3)
      [
        '2.5 points behind the line (less than the tolerance)',
        phq9Target,
        [{ date: '2026-10-13', value: 15 }],
        '2026-10-14',
        'on-track',
        'on-expected-trajectory',
      ],
      [
        'exactly the tolerance behind the line',
        phq9Target,
        [{ date: '2026-10-13', value: 15.5 }],
        '2026-10-14',
        'off-track',
        'behind-expected-trajectory',
      ],
      [
        'ahead of the line',
        phq9Target,
        [{ date: '2026-10-13', value: 10 }],
        '2026-10-14',
        'on-track',
        'on-expected-trajectory',
      ],
      [
        'one point above the goal on the due date (the line is at the goal)',
        phq9Target,
        [{ date: '2026-11-24', value: 8 }],
        '2026-11-24',
        'on-track',
        'on-expected-trajectory',
      ],
      [
        'reliable deterioration from baseline',
        phq9Target,
        [{ date: '2026-09-15', value: 24 }],
        '2026-09-16',
        'off-track',
        'behind-expected-trajectory',
      ],
      // behaviour (tolerance 2 a week)
      [
        '5 a week at week 4 (1 behind the line of 4)',
        panicTarget,
        [{ date: '2026-09-29', value: 5 }],
        '2026-09-30',
        'on-track',
        'on-expected-trajectory',
      ],
      [
        '6 a week at week 4 (2 behind the line of 4)',
        panicTarget,
        [{ date: '2026-09-29', value: 6 }],
        '2026-09-30',
        'off-track',
        'behind-expected-trajectory',
      ],
      [
        '27 a month at week 4 (about 6.2 a week)',
        panicTarget,
        [{ date: '2026-09-29', value: 27, per: 'month' }],
        '2026-09-30',
        'off-track',
        'behind-expected-trajectory',
      ],
      [
        '12 a month at week 4 (about 2.8 a week)',
        panicTarget,
        [{ date: '2026-09-29', value: 12, per: 'month' }],
        '2026-09-30',
        'on-track',
        'on-expected-trajectory',
      ],
      ['none at all this week', panicTarget, [{ date: '2026-09-29', value: 0 }], '2026-09-30', 'met', 'goal-met'],
      // goal-attainment scale (tolerance 0.5)
      [
        'GAS −1 at week 1 (line −0.9)',
        gasTarget,
        [{ date: '2026-09-08', value: -1 }],
        '2026-09-09',
        'on-track',
        'on-expected-trajectory',
      ],
      [
        'GAS −1 at week 5 (line −0.5)',
        gasTarget,
        [{ date: '2026-10-06', value: -1 }],
        '2026-10-07',
        'off-track',
        'behind-expected-trajectory',
      ],
      ['GAS 0', gasTarget, [{ date: '2026-10-06', value: 0 }], '2026-10-07', 'met', 'goal-met'],
    ])('%s', (_name, target, series, today, expectedStatus, expectedRule) => {
      const progress = status(target, series, today);
      expect(progress.status).toBe(expectedStatus);
      expect(progress.decision.rule).toBe(expectedRule);
    });
  });

  describe('relative goals', () => {
    it('meets "≥ 50 % reduction" at half the baseline and not a point above', () => {
      const target: Target = { ...phq9Target, goal: { kind: 'change-percent', changePercent: -50 } };
      expect(status(target, [{ date: '2026-10-13', value: 9 }], '2026-10-14').status).toBe('met');
      expect(status(target, [{ date: '2026-10-13', value: 10 }], '2026-10-14').decision).toMatchObject({
        rule: 'on-expected-trajectory',
        data: { expected: 13.5 },
      });
    });

    it('meets "≥ 10 points lower" at baseline − 10', () => {
      const target: Target = { ...phq9Target, goal: { kind: 'change', change: -10 } };
      expect(status(target, [{ date: '2026-10-13', value: 8 }], '2026-10-14').status).toBe('met');
      expect(status(target, [{ date: '2026-10-13', value: 9 }], '2026-10-14').status).toBe('on-track');
    });

    it('meets reliable improvement by the instrument’s threshold (PHQ-9: 6 points)', () => {
      const target: Target = { ...phq9Target, goal: { kind: 'reliable-improvement' } };
      expect(status(target, [{ date: '2026-10-13', value: 12 }], '2026-10-14').decision).toEqual({
        rule: 'goal-met',
        data: { latest: 12, latestDate: '2026-10-13', goalValue: 12, comparator: '<=' },
      });
      expect(status(target, [{ date: '2026-10-13', value: 13 }], '2026-10-14').status).not.toBe('met');
    });

    it('cannot judge reliable improvement on an instrument without a threshold', () => {
      const target: Target = { ...phq9Target, goal: { kind: 'reliable-improvement' } };
      const progress = computeTargetStatus(target, [{ date: '2026-10-13', value: 4 }], {
        today: '2026-10-14',
        instrument: { reliableChangeThreshold: null },
      });
      expect(progress.decision).toEqual({
        rule: 'reliable-change-threshold-unknown',
        data: { measureKind: 'instrument', instrumentId: 'phq9' },
      });
    });

    it('takes the baseline from the series when the target has none', () => {
      const target: Target = { ...phq9Target, baseline: null, goal: { kind: 'change', change: -6 } };
      const progress = status(
        target,
        [
          { date: '2026-08-28', value: 17 },
          { date: '2026-10-13', value: 11 },
        ],
        '2026-10-14',
      );
      expect(progress.baseline).toEqual({ value: 17, date: '2026-08-28', source: 'series-before-start' });
      expect(progress.status).toBe('met');
    });
  });

  it('uses the latest value on or before today, ignoring values dated later', () => {
    const progress = status(
      phq9Target,
      [
        { date: '2026-10-13', value: 16 },
        { date: '2026-10-20', value: 5 },
      ],
      '2026-10-14',
    );
    expect(progress.latest).toEqual({ date: '2026-10-13', value: 16 });
    expect(progress.status).toBe('off-track');
  });

  it('follows the practice’s tolerance settings', () => {
    const progress = computeTargetStatus(phq9Target, [{ date: '2026-10-13', value: 15.5 }], {
      today: '2026-10-14',
      instrument: PHQ9,
      settings: { instrumentToleranceFraction: 1, behaviorToleranceFraction: 0.25, gasToleranceLevels: 0.5 },
    });
    expect(progress.status).toBe('on-track');
  });

  describe('properties', () => {
    const comparator = fc.constantFrom<Comparator>('<=', '<', '>=', '>', '=');
    const direction = fc.constantFrom<Direction>('decrease', 'increase', 'maintain');
    const goal: fc.Arbitrary<TargetGoal> = fc.oneof(
      fc.record({ kind: fc.constant('absolute' as const), value: fc.integer({ min: 0, max: 27 }), comparator }),
      fc.record({ kind: fc.constant('change' as const), change: fc.integer({ min: -20, max: 20 }) }),
      fc.record({ kind: fc.constant('change-percent' as const), changePercent: fc.integer({ min: -100, max: 100 }) }),
      fc.constant({ kind: 'reliable-improvement' as const }),
    );
    const day0 = '2026-01-01';
    const scenario = fc.record({
      measureKind: fc.constantFrom('instrument', 'behavior', 'gas'),
      direction,
      baseline: fc.option(fc.integer({ min: 0, max: 27 }), { nil: null }),
      goal,
      startOffset: fc.integer({ min: 0, max: 60 }),
      duration: fc.integer({ min: 0, max: 200 }),
      series: fc.array(
        fc.record({
          offset: fc.integer({ min: -30, max: 300 }),
          value: fc.oneof(fc.integer({ min: 0, max: 27 }), fc.double({ min: 0, max: 27, noNaN: true })),
        }),
        { maxLength: 8 },
      ),
      todayOffset: fc.integer({ min: -10, max: 320 }),
      threshold: fc.constantFrom(6, 4, null),
    });

    const build = (s: typeof scenario extends fc.Arbitrary<infer T> ? T : never) => {
      const startDate = addDays(day0, s.startOffset);
      const target: Target = {
        id: 't',
        measure:
          s.measureKind === 'instrument'
            ? { kind: 'instrument', instrumentId: 'x' }
            : s.measureKind === 'behavior'
              ? { kind: 'behavior', behaviorId: 'b' }
              : { kind: 'gas' },
        direction: s.direction,
        baseline: s.baseline,
        goal: s.goal,
        per: s.measureKind === 'behavior' ? 'week' : null,
        startDate,
        dueDate: addDays(startDate, s.duration),
      };
      const series = s.series.map((p) => ({ date: addDays(day0, p.offset), value: p.value }));
      return { target, series, instrument: { reliableChangeThreshold: s.threshold } };
    };

    it('never says met when the comparator is not satisfied', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const { target, series, instrument } = build(s);
          const progress = computeTargetStatus(target, series, { today: addDays(day0, s.todayOffset), instrument });
          if (progress.status !== 'met') return;
          const latest = progress.latest!.value;
          const { value, comparator: op } = progress.goal!;
          const holds = {
            '<=': latest <= value,
            '<': latest < value,
            '>=': latest >= value,
            '>': latest > value,
            '=': latest === value,
          }[op];
          expect(holds).toBe(true);
          if (target.goal.kind === 'absolute') {
            expect(value).toBe(target.goal.value);
            expect(op).toBe(target.goal.comparator);
          }
        }),
      );
    });

    it('never says met when no value since the start satisfies the goal’s own numbers', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const { target, series, instrument } = build(s);
          if (target.goal.kind !== 'absolute') return;
          const today = addDays(day0, s.todayOffset);
          const progress = computeTargetStatus(target, series, { today, instrument });
          const { value, comparator: op } = target.goal;
          const inWindow = series.filter((p) => p.date >= target.startDate && p.date <= today);
          const anySatisfies = inWindow.some((p) =>
            op === '<='
              ? p.value <= value
              : op === '<'
                ? p.value < value
                : op === '>='
                  ? p.value >= value
                  : op === '>'
                    ? p.value > value
                    : p.value === value,
          );
          if (!anySatisfies) expect(progress.status).not.toBe('met');
        }),
      );
    });

    it('is consistent across the due date: met stays met, anything else still open becomes overdue', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const { target, series, instrument } = build(s);
          const onDue = computeTargetStatus(target, series, { today: target.dueDate, instrument });
          const after = computeTargetStatus(target, series, { today: addDays(target.dueDate, 1), instrument });
          // A value dated the day after the due date can change the latest value; the edge is about the same data.
          if (series.some((p) => p.date === addDays(target.dueDate, 1))) return;
          expect(onDue.status).not.toBe('overdue');
          if (onDue.status === 'met') expect(after.status).toBe('met');
          if (onDue.status === 'on-track' || onDue.status === 'off-track') expect(after.status).toBe('overdue');
          if (onDue.status === 'no-data') expect(after.status).toBe('no-data');
          if (onDue.status === 'not-started') expect(['overdue', 'not-started']).toContain(after.status);
          if (after.status !== 'met' && after.status !== 'no-data' && target.startDate <= target.dueDate) {
            expect(after.status).toBe('overdue');
          }
        }),
      );
    });

    it('expects the goal value on the due date', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const { target, series, instrument } = build(s);
          const onDue = computeTargetStatus(target, [...series, { date: target.dueDate, value: 50 }], {
            today: target.dueDate,
            instrument,
          });
          if (onDue.goal !== null && onDue.expected !== null) expect(onDue.expected).toBe(onDue.goal.value);
        }),
      );
    });

    it('always reports the status of the rule that decided it', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const { target, series, instrument } = build(s);
          const progress = computeTargetStatus(target, series, { today: addDays(day0, s.todayOffset), instrument });
          expect(progress.status).toBe(statusOfRule(progress.decision.rule));
        }),
      );
    });

    it('is not changed by values dated after today', () => {
      fc.assert(
        fc.property(scenario, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 27 }), (s, ahead, value) => {
          const { target, series, instrument } = build(s);
          const today = addDays(day0, s.todayOffset);
          const without = computeTargetStatus(target, series, { today, instrument });
          const withFuture = computeTargetStatus(target, [...series, { date: addDays(today, ahead), value }], {
            today,
            instrument,
          });
          expect(withFuture).toEqual(without);
        }),
      );
    });
  });
});
