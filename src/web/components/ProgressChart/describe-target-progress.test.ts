import { describe, expect, it } from 'vitest';
import { computeTargetStatus } from '../../../domain/progress/target-status.js';
import type { Target } from '../../../domain/treatment-plans/target.js';
import { describeTargetProgress } from './describe-target-progress.js';

const phq9: Target = {
  id: 't1',
  measure: { kind: 'instrument', instrumentId: 'phq9' },
  direction: 'decrease',
  baseline: 18,
  goal: { kind: 'absolute', value: 7, comparator: '<=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-11-24',
};
const instrument = { reliableChangeThreshold: 6 };

describe('describeTargetProgress', () => {
  it('says how far above the expected line an off-track reduction is, and at which week', () => {
    const progress = computeTargetStatus(phq9, [{ date: '2026-10-13', value: 16 }], {
      today: '2026-10-14',
      instrument,
    });
    expect(describeTargetProgress(progress)).toBe('off track: 3.5 points above the expected line at week 6');
  });

  it('says an on-track value is below the line, or within the tolerance when slightly behind', () => {
    const ahead = computeTargetStatus(phq9, [{ date: '2026-10-13', value: 11 }], { today: '2026-10-14', instrument });
    expect(describeTargetProgress(ahead)).toBe('on track: 1.5 points below the expected line at week 6');
    const behind = computeTargetStatus(phq9, [{ date: '2026-10-13', value: 14 }], { today: '2026-10-14', instrument });
    expect(describeTargetProgress(behind)).toBe(
      'on track: 1.5 points above the expected line at week 6, within the tolerance of 3 points',
    );
  });

  it('names the latest value and the target when met, and the days overdue when the due date passed', () => {
    const met = computeTargetStatus(phq9, [{ date: '2026-11-01', value: 6 }], { today: '2026-11-02', instrument });
    expect(describeTargetProgress(met)).toBe('met: latest 6 on 1 Nov 2026 meets the target ≤ 7');
    const overdue = computeTargetStatus(phq9, [{ date: '2026-11-20', value: 10 }], { today: '2026-11-30', instrument });
    expect(describeTargetProgress(overdue)).toBe(
      'overdue: latest 10 has not reached the target ≤ 7; due 24 Nov 2026 (6 days ago)',
    );
  });

  it('uses the behaviour unit for counts', () => {
    const panic: Target = {
      ...phq9,
      measure: { kind: 'behavior', behaviorId: 'b1' },
      baseline: 6,
      goal: { kind: 'absolute', value: 1, comparator: '<=' },
      per: 'week',
    };
    const progress = computeTargetStatus(panic, [{ date: '2026-10-13', value: 5 }], { today: '2026-10-14' });
    expect(describeTargetProgress(progress, { unit: 'panic attacks per week' })).toMatch(
      /^off track: 1\.5 panic attacks per week above the expected line at week 6$/,
    );
  });

  it('explains a target that cannot be judged yet', () => {
    const noBaseline = computeTargetStatus({ ...phq9, baseline: null }, [], { today: '2026-10-14', instrument });
    expect(describeTargetProgress(noBaseline)).toBe('no data: no baseline and nothing measured yet');
    const early = computeTargetStatus(phq9, [], { today: '2026-08-29', instrument });
    expect(describeTargetProgress(early)).toBe('not started: starts on 1 Sep 2026 (in 3 days)');
  });
});
