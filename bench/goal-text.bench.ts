// Goal-text analysis throughput on one core (DESIGN 5: ≥ 2,000 statements/s; < 16 ms per keystroke in the browser).
// Run: node --import tsx bench/goal-text.bench.ts [--seconds N]
// The corpus is every statement of the development set and the labelled set (varied: instruments, counts, tasks,
// vague goals, dates, two-target goals). The baseline, measured in the same run on the same lines, is the tokenizer
// alone: the ratio says how much the grammar costs on top of reading the characters. Passes of the two alternate
// so both see the same machine load. Rates are per CPU-second of this single-threaded process (what one core
// does, even when other processes share the machine); the wall-clock median is shown beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeGoalText } from '../src/domain/goal-text/analyze-goal-text.js';
import { measureToGoalTextInstrument } from '../src/domain/goal-text/measure-to-goal-text-instrument.js';
import { tokenize } from '../src/domain/goal-text/tokenize.js';
import { listMeasures } from '../src/measures/registry.js';

const root = path.join(import.meta.dirname, '..');
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 2;

function corpus(): string[] {
  const files = [
    'test/fixtures/goal-statements/development-set.jsonl',
    'test/fixtures/goal-statements/goal-statements.jsonl',
  ];
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
}

interface Tally {
  items: number;
  cpuSeconds: number;
  readonly wallRates: number[];
}

/**
 * One pass of `work` over the corpus, added to `tally`: items, the CPU time this process spent (user + system, so
 * time spent waiting for a core on a busy machine is not counted) and the wall-clock rate of the pass.
 */
function pass(texts: readonly string[], work: (text: string) => unknown, tally: Tally): void {
  let sink = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const text of texts) sink += work(text) === null ? 0 : 1;
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  if (sink < 0) console.error(sink); // keep the results alive
  tally.items += texts.length;
  tally.cpuSeconds += (used.user + used.system) / 1e6;
  tally.wallRates.push(texts.length / wall);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const texts = corpus();
const instruments = listMeasures().map(measureToGoalTextInstrument);
const today = '2026-09-01';
const analyze = (text: string) => analyzeGoalText(text, { today, instruments });

// Warm up the JIT, then alternate passes of the two so both see the same machine load.
const warm: Tally = { items: 0, cpuSeconds: 0, wallRates: [] };
for (let round = 0; round < 20; round++) {
  pass(texts, tokenize, warm);
  pass(texts, analyze, warm);
}
const baseline: Tally = { items: 0, cpuSeconds: 0, wallRates: [] };
const analysis: Tally = { items: 0, cpuSeconds: 0, wallRates: [] };
const end = Date.now() + seconds * 1000;
while (Date.now() < end) {
  pass(texts, tokenize, baseline);
  pass(texts, analyze, analysis);
}
const statementsPerSecond = analysis.items / analysis.cpuSeconds;
const baselineOpsPerSecond = baseline.items / baseline.cpuSeconds;

// The slowest single statement, for the browser's per-keystroke budget.
let slowestMs = 0;
for (const text of texts) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < 20; k++) analyzeGoalText(text, { today, instruments });
  slowestMs = Math.max(slowestMs, Number(process.hrtime.bigint() - start) / 1e6 / 20);
}

const cpu = os.cpus()[0];
console.log(
  JSON.stringify({
    name: 'goal-text: analyzeGoalText statements per second (one core); baseline: tokenize only, same lines',
    statementsPerSecond: Math.round(statementsPerSecond),
    baselineOpsPerSecond: Math.round(baselineOpsPerSecond),
    ratio: Math.round((statementsPerSecond / baselineOpsPerSecond) * 1000) / 1000,
    wallClockMedianStatementsPerSecond: Math.round(median(analysis.wallRates)),
    passes: analysis.wallRates.length,
    corpusSize: texts.length,
    slowestStatementMs: Math.round(slowestMs * 1000) / 1000,
    target: { statementsPerSecond: 2000, perStatementMs: 16 },
    machine: {
      cpu: cpu?.model ?? 'unknown',
      cores: os.cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
  }),
);
