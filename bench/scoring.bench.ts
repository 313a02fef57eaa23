// Scoring throughput: scoreMeasure responses per second on one core, for the PHQ-9 (9 items, prorating, a critical
// item) and the PCL-5 (20 items, four subscales). Run: node --import tsx bench/scoring.bench.ts [--seconds N]
// The baseline, measured in the same run on the same answer arrays, is summing each array (null as 0): the least any
// scorer must do, so the ratio says what validation, missing-item rules, subscales, bands and flags cost on top.
// Passes of the two alternate so both see the same machine load; rates are per CPU-second of this single-threaded
// process (what one core does, even when other processes share the machine), with the wall-clock median beside it.
import os from 'node:os';
import { seededRandom } from '../src/application/demo/demo-builders.js';
import type { MeasureDefinition } from '../src/domain/scoring/measure-definition.js';
import { scoreMeasure } from '../src/domain/scoring/score-measure.js';
import { getMeasure } from '../src/measures/registry.js';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 2;
const RESPONSES = 5000;

interface Tally {
  items: number;
  cpuSeconds: number;
  readonly wallRates: number[];
}

/** Answer arrays like real responses: every allowed value, about one in twenty with one missing item. */
function responses(definition: MeasureDefinition, seed: number): (number | null)[][] {
  const rnd = seededRandom(seed);
  return Array.from({ length: RESPONSES }, () => {
    const answers: (number | null)[] = definition.items.map((item) => {
      const values = item.options.map((o) => o.value);
      return values[Math.floor(rnd() * values.length)] ?? 0;
    });
    if (rnd() < 0.05) answers[Math.floor(rnd() * answers.length)] = null;
    return answers;
  });
}

function sumAnswers(answers: readonly (number | null)[]): number {
  let total = 0;
  for (const a of answers) total += a ?? 0;
  return total;
}

let sink = 0;
function pass(
  arrays: readonly (readonly (number | null)[])[],
  work: (a: readonly (number | null)[]) => number,
  tally: Tally,
): void {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const a of arrays) sink += work(a);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  tally.items += arrays.length;
  tally.cpuSeconds += (used.user + used.system) / 1e6;
  tally.wallRates.push(arrays.length / wall);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const machine = { cpus: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };

for (const id of ['phq9', 'pcl5']) {
  const definition = getMeasure(id);
  if (!definition) throw new Error(`no instrument ${id}`);
  const arrays = responses(definition, 42);
  const score = (a: readonly (number | null)[]) => {
    const outcome = scoreMeasure(definition, a);
    return outcome.kind === 'scored' ? (outcome.result.total ?? 0) : -1;
  };
  const warm: Tally = { items: 0, cpuSeconds: 0, wallRates: [] };
  for (let round = 0; round < 5; round++) {
    pass(arrays, sumAnswers, warm);
    pass(arrays, score, warm);
  }
  const baseline: Tally = { items: 0, cpuSeconds: 0, wallRates: [] };
  const scoring: Tally = { items: 0, cpuSeconds: 0, wallRates: [] };
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    pass(arrays, sumAnswers, baseline);
    pass(arrays, score, scoring);
  }
  const value = scoring.items / scoring.cpuSeconds;
  const base = baseline.items / baseline.cpuSeconds;
  console.log(
    JSON.stringify({
      name: `scoring: scoreMeasure ${definition.shortName} responses per second (one core); baseline: summing the same answer arrays`,
      value: Math.round(value),
      unit: 'responses/s',
      baseline: Math.round(base),
      ratio: Math.round((value / base) * 10_000) / 10_000,
      wallClockMedian: Math.round(median(scoring.wallRates)),
      passes: scoring.wallRates.length,
      responses: RESPONSES,
      machine,
    }),
  );
}
if (sink === Number.MIN_SAFE_INTEGER) console.error(sink); // keeps the results alive
