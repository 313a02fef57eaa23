// Live SMART feedback in the web app (DESIGN 5: < 16 ms per keystroke in the browser). Replays typing, one character
// at a time, of every statement of the development and labelled sets, and times what the SMART panel computes for
// each keystroke: analyzeGoalText with the registry's instruments and a client context (what the plan editor passes),
// and, separately, the rewrite assistant (suggestGoalRewrites), which the panel runs deferred while S, M or T is
// unmet. Times are per keystroke in this Node process (V8, as in Chromium); the budget of 16 ms is the baseline.
// Run: node --import tsx bench/web-goal-feedback.bench.ts [--limit N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suggestGoalRewrites } from '../src/domain/goal-assistant/suggest-goal-rewrites.js';
import { toGoalTextInstruments } from '../src/domain/goal-assistant/to-goal-text-instruments.js';
import { analyzeGoalText } from '../src/domain/goal-text/analyze-goal-text.js';
import { listMeasures } from '../src/measures/registry.js';

const root = path.join(import.meta.dirname, '..');
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 200;
const BUDGET_MS = 16;

const texts = ['development-set.jsonl', 'goal-statements.jsonl']
  .flatMap((file) =>
    fs
      .readFileSync(path.join(root, 'test/fixtures/goal-statements', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  )
  .slice(0, limit);

// What the browser holds: one registry array (the goal-text view is cached per array, as in src/web/lib/instruments.ts).
const instruments = listMeasures();
const goalTextInstruments = toGoalTextInstruments(instruments);
const today = '2026-11-27';
const context = {
  latestScores: { phq9: 18, gad7: 15, pcl5: 47 },
  startDate: today,
  formulationElementIds: ['fe1'],
  endorsed: true,
};
const client = {
  latestScores: context.latestScores,
  behaviorBaselines: [{ behavior: 'panic attacks', value: 4, per: 'week' as const }],
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function typeAll(work: (prefix: string) => unknown): number[] {
  const times: number[] = [];
  for (const text of texts) {
    for (let i = 1; i <= text.length; i++) {
      const prefix = text.slice(0, i);
      const start = process.hrtime.bigint();
      work(prefix);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.sort((a, b) => a - b);
}

const analyze = (prefix: string) => analyzeGoalText(prefix, { today, instruments: goalTextInstruments, context });
const rewrite = (prefix: string) =>
  suggestGoalRewrites({ text: prefix, today, instruments, plan: { startDate: today, durationWeeks: 16 }, client });

// Warm up as a page does after its first few keystrokes, then measure.
typeAll(analyze);
typeAll(rewrite);
const analysis = typeAll(analyze);
const rewrites = typeAll(rewrite);

const cpu = os.cpus()[0];
const machine = { cpu: cpu?.model ?? 'unknown', cores: os.cpus().length, node: process.version };
for (const [name, times] of [
  ['web SMART panel: analyzeGoalText per keystroke, p95 (baseline: 16 ms budget)', analysis],
  ['web SMART panel: rewrite assistant per keystroke, p95 (deferred; baseline: 16 ms budget)', rewrites],
] as const) {
  const p95 = percentile(times, 0.95);
  console.log(
    JSON.stringify({
      name,
      value: Math.round(p95 * 1000) / 1000,
      unit: 'ms',
      baseline: BUDGET_MS,
      ratio: Math.round((p95 / BUDGET_MS) * 1000) / 1000,
      medianMs: Math.round(percentile(times, 0.5) * 1000) / 1000,
      p99Ms: Math.round(percentile(times, 0.99) * 1000) / 1000,
      maxMs: Math.round((times.at(-1) ?? 0) * 1000) / 1000,
      overBudget: times.filter((t) => t > BUDGET_MS).length,
      keystrokes: times.length,
      statements: texts.length,
      machine,
    }),
  );
}
