import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getMeasure, listMeasures } from '../../measures/registry.js';
import { classifyChange } from './classify-change.js';

const phq9 = getMeasure('phq9')!;
const gad7 = getMeasure('gad7')!;
const pcl5 = getMeasure('pcl5')!;

function classified(instrument: string, from: number, to: number) {
  const outcome = classifyChange(getMeasure(instrument)!, from, to);
  if (outcome.kind !== 'classified')
    throw new Error(`expected a classification, got ${JSON.stringify(outcome.issues)}`);
  return outcome.result;
}

describe('classifyChange', () => {
  it('returns the DESIGN 3.2 result for PHQ-9 18 → 8', () => {
    expect(classifyChange(phq9, 18, 8)).toEqual({
      kind: 'classified',
      result: {
        instrument: 'phq9',
        from: 18,
        to: 8,
        change: -10,
        reliableChange: 'improvement',
        response: true,
        remission: false,
        recovery: true,
        reliableRecovery: true,
      },
    });
  });

  // Reliable change at each threshold edge: PHQ-9 6 and GAD-7 4 (NHS TT [S11][S12]), PCL-5 15 (Marx 2022 [S29]).
  it.each([
    ['phq9', 20, 15, 'none'],
    ['phq9', 20, 14, 'improvement'],
    ['phq9', 10, 15, 'none'],
    ['phq9', 10, 16, 'deterioration'],
    ['gad7', 12, 9, 'none'],
    ['gad7', 12, 8, 'improvement'],
    ['gad7', 5, 8, 'none'],
    ['gad7', 5, 9, 'deterioration'],
    ['pcl5', 60, 46, 'none'],
    ['pcl5', 60, 45, 'improvement'],
    ['pcl5', 30, 44, 'none'],
    ['pcl5', 30, 45, 'deterioration'],
  ] as const)('%s %i → %i is reliable change "%s"', (id, from, to, expected) => {
    expect(classified(id, from, to).reliableChange).toBe(expected);
  });

  // PHQ-9 response: ≥50 % reduction from a first score > 9 (NQF 1884 [S10]).
  it.each([
    [20, 10, true],
    [20, 11, false],
    [15, 7, true],
    [15, 8, false],
    [10, 5, true],
    [9, 0, false],
  ] as const)('PHQ-9 response %i → %i is %s', (from, to, expected) => {
    expect(classified('phq9', from, to).response).toBe(expected);
  });

  // PHQ-9 remission: later score < 5 from a first score > 9 (CMS159 [S9]).
  it.each([
    [15, 4, true],
    [15, 5, false],
    [10, 0, true],
    [9, 0, false],
  ] as const)('PHQ-9 remission %i → %i is %s', (from, to, expected) => {
    expect(classified('phq9', from, to).remission).toBe(expected);
  });

  // Recovery: from at or above caseness (PHQ-9 10, GAD-7 8 [S6][S18]) to below it.
  it.each([
    ['phq9', 10, 9, true, false],
    ['phq9', 10, 10, false, false],
    ['phq9', 9, 2, false, false],
    ['phq9', 16, 9, true, true],
    ['gad7', 8, 7, true, false],
    ['gad7', 8, 4, true, true],
    ['gad7', 7, 0, false, false],
    ['gad7', 12, 8, false, false],
  ] as const)('%s %i → %i: recovery %s, reliable recovery %s', (id, from, to, recovery, reliableRecovery) => {
    const result = classified(id, from, to);
    expect([result.recovery, result.reliableRecovery]).toEqual([recovery, reliableRecovery]);
  });

  it('gives null, not false, for rules the instrument has no source for', () => {
    expect(classified('gad7', 15, 3)).toMatchObject({ response: null, remission: null, recovery: true });
    expect(classified('pcl5', 50, 10)).toMatchObject({
      reliableChange: 'improvement',
      response: null,
      remission: null,
      recovery: null,
      reliableRecovery: null,
    });
    expect(classified('wsas', 30, 5)).toMatchObject({ change: -25, reliableChange: null, recovery: null });
  });

  it('keeps recovery for PHQ-9 and GAD-7 only', () => {
    const withRecovery = listMeasures()
      .filter((m) => {
        const outcome = classifyChange(m, m.range.max, m.range.min);
        return outcome.kind === 'classified' && outcome.result.recovery !== null;
      })
      .map((m) => m.id);
    expect(withRecovery).toEqual(['phq9', 'gad7']);
  });

  it('refuses scores outside the range or not whole', () => {
    expect(classifyChange(phq9, 28, 3)).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'score-out-of-range', path: ['from'], data: { min: 0, max: 27 } }],
    });
    expect(classifyChange(getMeasure('k10')!, 9, 10)).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'score-out-of-range' }],
    });
    expect(classifyChange(gad7, 3, 2.5)).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'score-not-integer', path: ['to'] }],
    });
  });

  it('property: reliable improvement and deterioration are mirror images', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), (a, b) => {
        const forward = classified('pcl5', a, b).reliableChange;
        const backward = classified('pcl5', b, a).reliableChange;
        const mirror = { improvement: 'deterioration', deterioration: 'improvement', none: 'none' } as const;
        return forward !== null && backward === mirror[forward];
      }),
    );
  });

  it('property: reliable recovery implies recovery and reliable improvement', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 }), (from, to) => {
        const r = classified('phq9', from, to);
        return !r.reliableRecovery || (r.recovery === true && r.reliableChange === 'improvement');
      }),
    );
  });

  it('property: PHQ-9 remission implies a response when the first score is above 9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 27 }), fc.integer({ min: 0, max: 27 }), (from, to) => {
        const r = classified('phq9', from, to);
        // From ≥ 10 to < 5 is always a reduction of more than half.
        return !r.remission || r.response === true;
      }),
    );
  });

  it('uses the PCL-5 threshold the data file cites', () => {
    expect(pcl5.reliableChangeThreshold).toBe(15);
  });
});
