// Plan PDF render time (DESIGN 5: plan PDF < 300 ms). Run: node --import tsx bench/pdf.bench.ts [--runs N]
// Renders the demo depression plan (3 pages, Roboto embedded) from its layout model, and, as the baseline in the same
// run, a one-line document through the same renderer (fonts, policies, PDF writer: the fixed cost of any document).
// Building the layout model alone is reported too. Runs alternate so both see the same machine load; the first
// (cold) render is reported separately from the median and p95 of the warm ones.
import os from 'node:os';
import { renderPdf } from '../src/exports/pdf/render-pdf.js';
import { buildTreatmentPlanDocument, type DocumentModel } from '../src/exports/pdf/treatment-plan-document.js';
import { demoClientRecords } from '../test/demo-client-records.js';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const record = demoClientRecords().depression;
const oneLine: DocumentModel = {
  title: 'Treatment plan',
  subtitle: 'baseline',
  footer: 'one line',
  blocks: [{ kind: 'paragraph', text: 'One line of text with ≤ in it.' }],
};

/** CPU milliseconds of this (single-threaded) process per render: less coloured by other load than wall time. */
const cpu: Record<'plan' | 'baseline', number[]> = { plan: [], baseline: [] };

async function time(work: () => Promise<unknown> | unknown, kind?: 'plan' | 'baseline'): Promise<number> {
  const used = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const { user, system } = process.cpuUsage(used);
  if (kind) cpu[kind].push((user + system) / 1000);
  return wall;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round = (n: number) => Math.round(n * 10) / 10;
const coldPlan = await time(() => renderPdf(buildTreatmentPlanDocument(record)));
const plan: number[] = [];
const baseline: number[] = [];
const model: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  baseline.push(await time(() => renderPdf(oneLine), 'baseline'));
  plan.push(
    await time(async () => {
      bytes = (await renderPdf(buildTreatmentPlanDocument(record))).length;
    }, 'plan'),
  );
  model.push(await time(() => buildTreatmentPlanDocument(record)));
}
const machine = { cpus: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const median = quantile(plan, 0.5);
const base = quantile(baseline, 0.5);
console.log(
  JSON.stringify({
    name: 'pdf: demo depression plan rendered (median of warm runs); baseline: a one-line document through the same renderer',
    value: round(median),
    unit: 'ms',
    baseline: round(base),
    ratio: Math.round((median / base) * 100) / 100,
    p95: round(quantile(plan, 0.95)),
    cpuMsMedian: round(quantile(cpu.plan, 0.5)),
    baselineCpuMsMedian: round(quantile(cpu.baseline, 0.5)),
    loadAverage: os.loadavg()[0],
    firstRender: round(coldPlan),
    layoutModelOnly: Math.round(quantile(model, 0.5) * 1000) / 1000,
    target: '< 300 ms',
    bytes,
    runs,
    machine,
  }),
);
