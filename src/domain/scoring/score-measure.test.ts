import { describe, expect, it } from 'vitest';
import { getMeasure } from '../../measures/registry.js';
import { isAppError } from '../shared/app-error.js';
import { MeasureCode } from './measure-code.js';
import type { MeasureDefinition, MeasureItem } from './measure-definition.js';
import { describeAllowedValues, scoreMeasure, scoreMeasureOrThrow } from './score-measure.js';

const phq9 = getMeasure('phq9')!;
const gad7 = getMeasure('gad7')!;
const pcl5 = getMeasure('pcl5')!;

/** A small made-up instrument for engine rules no shipped instrument uses (reverse items, multipliers). */
function buildDefinition(overrides: Partial<MeasureDefinition> = {}): MeasureDefinition {
  const item = (number: number): MeasureItem => ({
    number,
    text: null,
    label: null,
    loinc: null,
    options: [0, 1, 2, 3].map((value) => ({ value, label: null, loinc: null })),
    omittedWhen: null,
  });
  return {
    id: 'test4',
    version: '0.0.1',
    shortName: 'TEST-4',
    name: 'Test instrument',
    aliases: ['TEST-4'],
    content: 'score-only',
    licence: { status: 'public-domain', summary: 'test', note: 'test', requiredNotice: null },
    copyright: 'none',
    source: 'test',
    citation: 'test',
    recallPeriod: null,
    instructions: null,
    direction: 'lower-is-better',
    items: [1, 2, 3, 4].map(item),
    unscoredItems: [],
    range: { min: 0, max: 12 },
    scoring: {
      total: { kind: 'sum', items: [1, 2, 3, 4], multiplier: 1 },
      subscales: [],
      reverseItems: [],
      skipRules: [],
    },
    missingItemRule: { kind: 'none', source: 'test' },
    bands: null,
    casenessCutoff: null,
    screeningCutoffs: [],
    reliableChangeThreshold: null,
    mcid: null,
    remission: null,
    response: null,
    recovery: null,
    norms: null,
    criticalItems: [],
    typicalChangePerWeek: null,
    loinc: null,
    loincPanel: null,
    citations: {},
    examples: [],
    changeExamples: [],
    ...overrides,
  };
}

describe('scoreMeasure', () => {
  it('returns the DESIGN 3.2 result for the PHQ-9 example', () => {
    expect(scoreMeasure(phq9, [3, 3, 2, 2, 2, 2, 2, 1, 1])).toEqual({
      kind: 'scored',
      result: {
        instrument: 'phq9',
        version: phq9.version,
        total: 18,
        severity: 'moderately severe',
        prorated: false,
        subscales: {},
        subscaleSeverity: {},
        flags: [{ code: 'critical-item', item: 9 }],
        missingItems: [],
      },
    });
  });

  it('flags PHQ-9 item 9 at 1 but not at 0', () => {
    const at = (value: number) => scoreMeasure(phq9, [0, 0, 0, 0, 0, 0, 0, 0, value]);
    expect(at(1)).toMatchObject({ kind: 'scored', result: { flags: [{ code: 'critical-item', item: 9 }] } });
    expect(at(0)).toMatchObject({ kind: 'scored', result: { flags: [] } });
  });

  it('never imputes the critical item: a missing item 9 gives critical-item-missing, not critical-item', () => {
    const outcome = scoreMeasure(phq9, [3, 3, 3, 3, 3, 3, 3, 3, null]);
    expect(outcome).toMatchObject({
      kind: 'scored',
      result: { total: 27, prorated: true, flags: [{ code: 'critical-item-missing', item: 9 }], missingItems: [9] },
    });
  });

  it.each([
    // answered sum, answered count → mean × 9 rounded half up
    [[1, 1, 1, 1, 0, 0, 0, 0, null], 5], // 4.5 → 5
    [[1, 1, 1, 1, 1, 1, 1, null, null], 9], // 7 × 9 / 7 = 9
    [[1, 0, 0, 0, 0, 0, 0, null, null], 1], // 9 / 7 = 1.29 → 1
    [[3, 3, 3, 3, 3, 2, 0, null, null], 22], // 17 × 9 / 7 = 21.86 → 22
  ] as const)('prorates PHQ-9 %j to %i', (answers, total) => {
    expect(scoreMeasure(phq9, answers)).toMatchObject({ kind: 'scored', result: { total, prorated: true } });
  });

  it('refuses more than two missing PHQ-9 items with one issue naming them', () => {
    const outcome = scoreMeasure(phq9, [null, 1, null, 1, null, 1, 1, 1, 0]);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0]).toMatchObject({
      code: MeasureCode.tooManyMissingItems,
      severity: 'error',
      data: { missing: [1, 3, 5], maxMissing: 2 },
    });
  });

  it('names the item and the allowed values when an answer is out of range', () => {
    const outcome = scoreMeasure(gad7, [0, 0, 7, 0, 0, 0, 0]);
    expect(outcome).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'item-out-of-range', path: ['answers', 2], data: { item: 3, allowed: [0, 1, 2, 3] } }],
    });
    if (outcome.kind === 'invalid')
      expect(outcome.issues[0]?.message).toBe('Item 3 is out of range: allowed values are 0, 1, 2, 3.');
  });

  it('reports every bad answer, not only the first', () => {
    const outcome = scoreMeasure(gad7, [4, 0.5, Number.NaN, 0, 0, 0, -1]);
    expect(outcome.kind === 'invalid' && outcome.issues.map((i) => [i.code, i.data?.item])).toEqual([
      ['item-out-of-range', 1],
      ['item-not-integer', 2],
      ['item-not-integer', 3],
      ['item-out-of-range', 7],
    ]);
  });

  it('does not prorate the PCL-5: each missing item is an error', () => {
    const answers = Array<number | null>(20).fill(2);
    answers[4] = null;
    answers[19] = null;
    const outcome = scoreMeasure(pcl5, answers);
    expect(outcome.kind === 'invalid' && outcome.issues.map((i) => [i.code, i.data?.item])).toEqual([
      ['item-missing', 5],
      ['item-missing', 20],
    ]);
  });

  it('reports PCL-5 clusters B, C, D and E as subscales', () => {
    const answers = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4];
    expect(scoreMeasure(pcl5, answers)).toMatchObject({
      kind: 'scored',
      result: { total: 54, severity: null, subscales: { B: 5, C: 4, D: 21, E: 24 } },
    });
  });

  it('refuses an answer list of the wrong length', () => {
    expect(scoreMeasure(phq9, [])).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'answer-count-mismatch', data: { expected: 9, actual: 0 } }],
    });
  });

  it('reverses reverse-scored items', () => {
    const def = buildDefinition({
      scoring: {
        total: { kind: 'sum', items: [1, 2, 3, 4], multiplier: 1 },
        subscales: [],
        reverseItems: [2, 4],
        skipRules: [],
      },
    });
    // 3 + (3 − 3) + 1 + (3 − 0) = 7
    expect(scoreMeasure(def, [3, 3, 1, 0])).toMatchObject({ kind: 'scored', result: { total: 7 } });
  });

  it('applies subscale multipliers after summing', () => {
    const def = buildDefinition({
      scoring: {
        total: null,
        subscales: [
          { id: 'a', name: 'A', items: [1, 3], multiplier: 2, range: { min: 0, max: 12 }, bands: null },
          { id: 'b', name: 'B', items: [2, 4], multiplier: 2, range: { min: 0, max: 12 }, bands: null },
        ],
        reverseItems: [],
        skipRules: [],
      },
    });
    expect(scoreMeasure(def, [1, 2, 3, 0])).toMatchObject({
      kind: 'scored',
      result: { total: null, subscales: { a: 8, b: 4 } },
    });
  });

  it('substitutes the mean of all answered items into a subscale when prorating', () => {
    const def = buildDefinition({
      missingItemRule: { kind: 'prorate', maxMissing: 1, rounding: 'half-up', source: 'test' },
      scoring: {
        total: { kind: 'sum', items: [1, 2, 3, 4], multiplier: 1 },
        subscales: [{ id: 'a', name: 'A', items: [1, 2], multiplier: 1, range: { min: 0, max: 6 }, bands: null }],
        reverseItems: [],
        skipRules: [],
      },
    });
    // answered 1, 2, 3 → mean 2; total 1 + 2 + 2 + 3 = 8; subscale a = 2 + 2 = 4
    expect(scoreMeasure(def, [null, 2, 1, 3])).toMatchObject({
      kind: 'scored',
      result: { total: 8, subscales: { a: 4 } },
    });
  });

  it('scores AUDIT items skipped after item 1 = 0 as 0, without prorating', () => {
    const audit = getMeasure('audit')!;
    expect(scoreMeasure(audit, [0, null, null, null, null, null, null, null, 4, 2])).toMatchObject({
      kind: 'scored',
      result: { total: 6, prorated: false },
    });
  });

  it('does not skip AUDIT items 4–8 when items 2 + 3 are above 0', () => {
    const audit = getMeasure('audit')!;
    const outcome = scoreMeasure(audit, [1, 1, 0, null, null, null, null, null, 0, 0]);
    expect(outcome.kind === 'invalid' && outcome.issues.map((i) => i.data?.item)).toEqual([4, 5, 6, 7, 8]);
  });
});

describe('scoreMeasureOrThrow', () => {
  it('returns the score for valid answers', () => {
    expect(scoreMeasureOrThrow(gad7, [1, 1, 1, 1, 1, 0, 0]).total).toBe(5);
  });

  it('throws unscorable-response carrying the issues', () => {
    try {
      scoreMeasureOrThrow(gad7, [1, 1]);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && [error.code, error.issues?.[0]?.code]).toEqual([
        'unscorable-response',
        'answer-count-mismatch',
      ]);
    }
  });
});

describe('describeAllowedValues', () => {
  it('lists the option values of an item', () => {
    expect(describeAllowedValues(getMeasure('audit')!.items[9]!)).toBe('0, 2, 4');
    expect(describeAllowedValues(getMeasure('k10')!.items[0]!)).toBe('1, 2, 3, 4, 5');
  });
});
