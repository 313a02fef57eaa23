import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGoalText, MAX_GOAL_TEXT_LENGTH } from './analyze-goal-text.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from './testing/test-goal-text-instruments.js';

const options = { today: '2026-09-01', instruments: TEST_GOAL_TEXT_INSTRUMENTS };
const analyze = (text: string) => analyzeGoalText(text, options);

describe('analyzeGoalText', () => {
  it('reads the structured target and deadline of a SMART goal (DESIGN 3.2 example)', () => {
    const analysis = analyze(
      'Reduce depressive symptoms from moderately severe to mild (PHQ-9 from 18 to ≤9) within 16 weeks.',
    );
    expect(analysis.smart.specific.met).toBe(true);
    expect(analysis.smart.measurable.met).toBe(true);
    expect(analysis.smart.timeBound.met).toBe(true);
    expect(analysis.smart.achievable).toEqual({
      met: null,
      reason: "Needs the client's baseline and the time to the deadline.",
    });
    expect(analysis.smart.relevant.met).toBeNull();
    expect(analysis.targets).toHaveLength(1);
    expect(analysis.targets[0]).toMatchObject({
      measure: 'phq9',
      behavior: null,
      direction: 'decrease',
      baseline: { value: 18, per: null },
      target: { value: 9, comparator: '<=', per: null },
    });
    expect(analysis.deadline).toMatchObject({ amount: 16, unit: 'week' });
  });

  it('finds a vague goal vague, unmeasurable and undated, with a suggestion for each', () => {
    const analysis = analyze('Reduce anxiety.');
    expect([analysis.smart.specific.met, analysis.smart.measurable.met, analysis.smart.timeBound.met]).toEqual([
      false,
      false,
      false,
    ]);
    expect(analysis.findings.map((f) => f.code)).toEqual(['goal-vague', 'goal-no-measure', 'goal-missing-deadline']);
    for (const finding of analysis.findings) expect(finding.suggestion.length).toBeGreaterThan(10);
  });

  it('follows the development-set convention for a defined behaviour without a deadline', () => {
    const analysis = analyze('Attend work five days a week.');
    expect([analysis.smart.specific.met, analysis.smart.measurable.met, analysis.smart.timeBound.met]).toEqual([
      true,
      true,
      false,
    ]);
    expect(analysis.targets[0]?.target).toEqual({ kind: 'absolute', value: 5, comparator: '>=', per: 'week' });
  });

  it('turns empty text into a finding, not a crash', () => {
    const analysis = analyze('   ');
    expect(analysis.findings).toEqual([expect.objectContaining({ code: 'goal-text-empty', severity: 'error' })]);
    expect(analysis.targets).toEqual([]);
  });

  it('turns over-long text into a finding without analysing it', () => {
    const analysis = analyze('Reduce PHQ-9 to 9. '.repeat(200));
    expect(analysis.findings[0]).toMatchObject({ code: 'goal-text-too-long', data: { limit: MAX_GOAL_TEXT_LENGTH } });
    expect(analysis.smart.specific.met).toBe(false);
  });

  it('judges Achievable and Relevant when a client context is given', () => {
    const analysis = analyzeGoalText('Reduce PHQ-9 to 9 or below within 16 weeks.', {
      ...options,
      context: { latestScores: { phq9: 18 }, formulationElementIds: ['fe1'], endorsed: true },
    });
    expect(analysis.smart.achievable.met).toBe(true);
    expect(analysis.smart.relevant.met).toBe(true);
  });

  it('lists errors before warnings before information', () => {
    const severities = analyze('Reduce PHQ-9 from 35 to 40.').findings.map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
    expect(severities[0]).toBe('error');
  });

  it('never throws and keeps every span inside the text (any input)', () => {
    const pieces = fc.constantFrom(
      'Reduce',
      'PHQ-9',
      'from',
      'to',
      '≤',
      '18',
      'nine',
      'within',
      'weeks',
      'by',
      'week',
      'and',
      'resume',
      'driving',
      'per',
      '/',
      'week',
      'zero',
      '(',
      ')',
      '.',
      ',',
      'mild',
      'range',
      'at least',
      '3/week',
      'March 31',
      '2027',
      '-',
      'by increasing',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(pieces, { maxLength: 40 }).map((p) => p.join(' ')),
        ),
        (text) => {
          const analysis = analyze(text);
          const spans = [
            ...analysis.findings.flatMap((f) => (f.span === undefined ? [] : [f.span])),
            ...analysis.targets.flatMap((t) => t.spans ?? []),
            ...Object.values(analysis.smart).flatMap((v) => v.spans ?? []),
          ];
          for (const span of spans) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(text.length);
            expect(span.start).toBeLessThanOrEqual(span.end);
          }
          expect(typeof analysis.smart.specific.met).toBe('boolean');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same answer for the same input (no hidden state)', () => {
    const text = 'Reduce nightmares from 5/week to ≤1/week within 8 weeks.';
    expect(analyze(text)).toEqual(analyze(text));
  });
});
