// Progress report PDF render time (issue 8: documents with charts). Run: node --import tsx bench/progress-pdf.bench.ts [--runs N]
// Renders the demo depression client's progress report (charts drawn as PDF vector paths) and the same client with a
// year of weekly PHQ-9 scores (52 points per chart, a longer value table), and, as the baseline in the same run, a
// one-line document through the same renderer. Runs alternate so all see the same machine load; the first (cold)
// render is reported separately from the median and p95 of the warm ones.
import os from 'node:os';
import type { ClientRecord } from '../src/exports/client-record.js';
import type { DocumentModel } from '../src/exports/pdf/document-model.js';
import { buildProgressReportDocument } from '../src/exports/pdf/progress-report-document.js';
import { renderPdf } from '../src/exports/pdf/render-pdf.js';
import { demoClientRecords } from '../test/demo-client-records.js';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const record = demoClientRecords().depression;
const to = '2026-11-26';

/** The demo client with 52 weekly PHQ-9 administrations ending on `to` (scores drifting from 20 down to 8). */
function yearOfWeeklyScores(base: ClientRecord): ClientRecord {
  const template = base.administrations.find((a) => a.instrumentId === 'phq9');
  if (!template) throw new Error('the depression demo has PHQ-9 scores');
  const end = Date.parse(`${to}T12:00:00Z`);
  const administrations = Array.from({ length: 52 }, (_, i) => {
    const at = new Date(end - (51 - i) * 7 * 86_400_000);
    return {
      ...template,
      id: `bench-${i}`,
      administeredAt: at.toISOString(),
      administeredOn: at.toISOString().slice(0, 10),
      total: Math.round(20 - (12 * i) / 51 + ((i * 7) % 3) - 1),
    };
  });
  const others = base.administrations.filter((a) => a.instrumentId !== 'phq9');
  return { ...base, administrations: [...others, ...administrations] };
}

const year = yearOfWeeklyScores(record);
const yearFrom = year.administrations.map((a) => a.administeredOn).sort()[0] ?? null;
const oneLine: DocumentModel = {
  title: 'Progress report',
  subtitle: 'baseline',
  footer: 'one line',
  blocks: [{ kind: 'paragraph', text: 'One line of text with ≤ in it.' }],
};

async function time(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const used = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const { user, system } = process.cpuUsage(used);
  return { wall, cpu: (user + system) / 1000 };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
const round = (n: number) => Math.round(n * 10) / 10;

let demoBytes = 0;
let yearBytes = 0;
const renderDemo = async () => {
  demoBytes = (await renderPdf(buildProgressReportDocument({ record, from: null, to }))).length;
};
const renderYear = async () => {
  yearBytes = (await renderPdf(buildProgressReportDocument({ record: year, from: yearFrom, to }))).length;
};
const cold = await time(renderDemo);
const demo: { wall: number; cpu: number }[] = [];
const long: { wall: number; cpu: number }[] = [];
const baseline: { wall: number; cpu: number }[] = [];
for (let i = 0; i < runs; i++) {
  baseline.push(await time(() => renderPdf(oneLine)));
  demo.push(await time(renderDemo));
  long.push(await time(renderYear));
}
const machine = { cpus: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const base = quantile(
  baseline.map((r) => r.wall),
  0.5,
);
for (const [name, rows, bytes] of [
  ['progress-pdf: demo depression progress report (6 charts), median of warm runs', demo, demoBytes],
  ['progress-pdf: a year of weekly PHQ-9 (52-point chart), median of warm runs', long, yearBytes],
] as const) {
  const median = quantile(
    rows.map((r) => r.wall),
    0.5,
  );
  console.log(
    JSON.stringify({
      name,
      value: round(median),
      unit: 'ms',
      baseline: round(base),
      ratio: Math.round((median / base) * 100) / 100,
      p95: round(
        quantile(
          rows.map((r) => r.wall),
          0.95,
        ),
      ),
      cpuMsMedian: round(
        quantile(
          rows.map((r) => r.cpu),
          0.5,
        ),
      ),
      loadAverage: os.loadavg()[0],
      firstRender: round(cold.wall),
      bytes,
      runs,
      machine,
    }),
  );
}
