import { describe, expect, it } from 'vitest';
import { toGoalTextInstruments } from '../../domain/goal-assistant/to-goal-text-instruments.js';
import { analyzeGoalText } from '../../domain/goal-text/analyze-goal-text.js';
import { checkPayerCompleteness } from '../../domain/plan-checks/check-payer-completeness.js';
import { checkPlan } from '../../domain/plan-checks/check-plan.js';
import { getMeasure, listMeasures } from '../../measures/registry.js';
import { buildDepressionCase, buildPanicCase, buildPtsdCase, type DemoCaseInput } from './demo-cases.js';
import { buildSyntheticCase } from './synthetic-case.js';

let n = 0;
const input: DemoCaseInput = {
  practiceId: 'p1',
  today: '2026-11-26',
  clinician: { id: 'u1', name: 'Dr Robin Demo', credentials: 'PhD, Licensed Psychologist' },
  newId: () => `id-${++n}`,
  measure: (id) => getMeasure(id)!,
  reviewIntervalDays: 90,
  signedAt: '2026-09-01T10:00:00.000Z',
};
const cases = [
  ['depression', buildDepressionCase(input)],
  ['panic', buildPanicCase(input)],
  ['ptsd', buildPtsdCase(input)],
  ['synthetic', buildSyntheticCase(input, { seed: 3, index: 1, weeks: 12 })],
] as const;
const instruments = toGoalTextInstruments(listMeasures());

describe('the demo cases of the SMART-goals guide', () => {
  it.each(cases)('%s: the plan carries every payer element (reference/payer-requirements.md)', (_name, c) => {
    expect(checkPayerCompleteness(c.plan, { today: input.today, instruments: listMeasures() })).toEqual([]);
  });

  it.each(cases)('%s: the plan passes the plan checks without an error', (_name, c) => {
    const findings = checkPlan(c.plan, {
      today: input.today,
      instruments: listMeasures(),
      formulation: c.formulation,
      lastReviewDate: null,
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(cases)('%s: every goal statement is specific, measurable and time-bound', (_name, c) => {
    for (const goal of c.plan.goals) {
      const a = analyzeGoalText(goal.statement, { today: input.today, instruments });
      expect([goal.statement, a.smart.specific.met, a.smart.measurable.met, a.smart.timeBound.met]).toEqual([
        goal.statement,
        true,
        true,
        true,
      ]);
    }
  });

  it.each(cases)('%s: the history ends on the run date and every administration is scored', (_name, c) => {
    const last = c.administrations
      .map((a) => a.administeredOn)
      .sort()
      .at(-1);
    expect(last).toBe(input.today);
    for (const a of c.administrations) expect(a.instrumentVersion).toBe(getMeasure(a.instrumentId)?.version);
  });
});
