// `npm run bench`: runs every bench/*.bench.ts in its own process (so one benchmark's heap and JIT state never
// colour another's), collects the JSON lines each prints, and writes bench/results/latest.json and
// docs/performance.md. Figures are ratios against a baseline measured in the same run, with the machine noted.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface BenchLine {
  readonly name: string;
  readonly value?: number;
  readonly unit?: string;
  readonly baseline?: number | string;
  readonly ratio?: number;
  readonly [key: string]: unknown;
}

const root = path.join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const results: BenchLine[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  for (const line of run.stdout.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      results.push({ file, ...(JSON.parse(t) as BenchLine) });
    } catch {
      // not a result line
    }
  }
  if (run.status !== 0) process.stderr.write(`bench: ${file} exited ${run.status}\n`);
}
const outDir = path.join(root, 'bench', 'results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);

const fmt = (v: unknown) =>
  typeof v === 'number'
    ? Math.abs(v) >= 100
      ? Math.round(v).toLocaleString('en')
      : v.toPrecision(3)
    : String(v ?? '');
const rows = results.map((r) => {
  const value = r.value ?? Object.entries(r).find(([k, v]) => typeof v === 'number' && k !== 'ratio')?.[1];
  const baseline = r.baseline ?? Object.entries(r).find(([k]) => k.toLowerCase().includes('baseline'))?.[1];
  return `| ${r.name} | ${fmt(value)} ${r.unit ?? ''} | ${fmt(baseline)} | ${fmt(r.ratio)} |`;
});
const md = `# Performance

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine.cpus} × ${machine.cpuModel},
${machine.memGb} GiB, Node ${machine.node}, ${machine.platform}. Each figure sits beside a baseline measured in the same
run (see each bench file for what the baseline is); raw results in \`bench/results/latest.json\` (not committed).

| benchmark | value | baseline | ratio |
|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(path.join(root, 'docs', 'performance.md'), md);
process.stdout.write(md);
