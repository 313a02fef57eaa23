// Regression guard for the SMART analysis: runs the development set and the labelled set through analyzeGoalText
// with the real instrument registry (tests may cross layers) and fails if an accuracy drops below its committed
// floor. Scoring is that of ../shared/scripts/goal-contract-check.py: per criterion, `met` against the label; parse,
// the share of labelled fields that are right, on the first target and the deadline.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMeasures } from '../../measures/registry.js';
import { analyzeGoalText } from './analyze-goal-text.js';
import type { GoalAnalysis } from './goal-analysis.js';
import { measureToGoalTextInstrument } from './measure-to-goal-text-instrument.js';

interface Labelled {
  readonly id: string;
  readonly text: string;
  readonly S: 0 | 1;
  readonly M: 0 | 1;
  readonly T: 0 | 1;
  readonly parse?: Readonly<Record<string, unknown>>;
}

interface Accuracy {
  readonly S: number;
  readonly M: number;
  readonly T: number;
  readonly parse: number;
  readonly misses: readonly string[];
}

const root = path.join(import.meta.dirname, '../../..');
const today = '2026-09-01';
const instruments = listMeasures().map(measureToGoalTextInstrument);

function load(file: string): Labelled[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);
}

function parseChecks(analysis: GoalAnalysis, expected: Readonly<Record<string, unknown>>): [string, boolean][] {
  const first = analysis.targets[0];
  const goal = (first?.target ?? {}) as Record<string, unknown>;
  const checks: [string, boolean][] = [];
  if ('measure' in expected) checks.push(['measure', (first?.measure ?? null) === expected.measure]);
  if ('baseline' in expected) checks.push(['baseline', first?.baseline?.value === expected.baseline]);
  if ('target' in expected) checks.push(['target', goal.value === expected.target]);
  if ('cmp' in expected) checks.push(['cmp', goal.comparator === expected.cmp]);
  if ('per' in expected)
    checks.push(['per', (goal.per ?? null) === expected.per || (first?.baseline?.per ?? null) === expected.per]);
  if ('change' in expected) checks.push(['change', goal.change === expected.change]);
  if ('changePercent' in expected) checks.push(['changePercent', goal.changePercent === expected.changePercent]);
  if ('deadline' in expected) {
    const want = expected.deadline as { date?: string; amount?: number; unit?: string };
    const got = analysis.deadline;
    const ok =
      want.date !== undefined
        ? got?.kind === 'date' && got.date === want.date
        : got?.kind === 'relative' && got.amount === want.amount && got.unit === want.unit;
    checks.push(['deadline', ok]);
  }
  return checks;
}

function measure(cases: readonly Labelled[]): Accuracy {
  const right = { S: 0, M: 0, T: 0 };
  let parseRight = 0;
  let parseTotal = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const analysis = analyzeGoalText(c.text, { today, instruments });
    const got = { S: analysis.smart.specific.met, M: analysis.smart.measurable.met, T: analysis.smart.timeBound.met };
    for (const key of ['S', 'M', 'T'] as const) {
      if (Boolean(got[key]) === Boolean(c[key])) right[key]++;
      else misses.push(`${c.id} ${key}: got ${got[key]}, want ${c[key]}: ${c.text}`);
    }
    for (const [field, ok] of parseChecks(analysis, c.parse ?? {})) {
      parseTotal++;
      if (ok) parseRight++;
      else misses.push(`${c.id} parse ${field}: ${c.text}`);
    }
  }
  const n = cases.length;
  return {
    S: right.S / n,
    M: right.M / n,
    T: right.T / n,
    parse: parseTotal === 0 ? 1 : parseRight / parseTotal,
    misses,
  };
}

function report(name: string, cases: readonly Labelled[], accuracy: Accuracy): void {
  const f = (x: number) => x.toFixed(3);
  console.log(
    `goal-text accuracy on ${name} (${cases.length} statements): S ${f(accuracy.S)} M ${f(accuracy.M)} T ${f(accuracy.T)} parse ${f(accuracy.parse)}`,
  );
}

/** The committed floors. Raise them when the analysis improves; never lower them to make a change pass. */
const FLOORS = {
  development: { S: 1, M: 1, T: 1, parse: 1 },
  labelled: { S: 0.98, M: 0.98, T: 0.98, parse: 0.98 },
} as const;

describe('analyzeGoalText accuracy', () => {
  it('gets every statement of the development set right', () => {
    // A copy of ../shared/examples/goal-statements.jsonl, so a fresh clone runs it; kept identical when both exist.
    const copy = path.join(root, 'test/fixtures/goal-statements/development-set.jsonl');
    const shared = path.join(root, '../shared/examples/goal-statements.jsonl');
    if (fs.existsSync(shared)) expect(fs.readFileSync(copy, 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
    const cases = load(copy);
    const accuracy = measure(cases);
    report('the development set', cases, accuracy);
    expect(accuracy.misses).toEqual([]);
    for (const key of ['S', 'M', 'T', 'parse'] as const)
      expect(accuracy[key]).toBeGreaterThanOrEqual(FLOORS.development[key]);
  });

  it('keeps the accuracy on the labelled set at or above the committed floors', () => {
    const cases = load(path.join(root, 'test/fixtures/goal-statements/goal-statements.jsonl'));
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const accuracy = measure(cases);
    report('the labelled set', cases, accuracy);
    for (const key of ['S', 'M', 'T', 'parse'] as const) {
      expect(
        accuracy[key],
        `${key} fell below its floor; misses:\n${accuracy.misses.join('\n')}`,
      ).toBeGreaterThanOrEqual(FLOORS.labelled[key]);
    }
  });
});
