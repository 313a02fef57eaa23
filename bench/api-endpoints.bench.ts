// API endpoints under load (DESIGN 5, issue 5 Benchmark paragraph), on SQLite and PostgreSQL:
// - `GET /api/v1/caseload` for a clinician with a 500-client caseload: p99 at 32 connections (target < 100 ms), for
//   the default page (100 clients), the web app's page (50) and the largest page the API allows (limit=500: the
//   whole caseload at once);
// - `GET /api/v1/clients/{id}/progress` throughput as a ratio of `GET /healthz` (target ≥ 0.30).
// Run: node --import tsx bench/api-endpoints.bench.ts [--seconds N] [--connections N] [sqlite|postgres]
// The server is the real composition root (startServer, auditing on, log level warn) in its own process
// (bench/api-server.ts); autocannon drives it from this one. Baselines, measured against the same server in the same
// run: `/healthz` (a bare route: no auth, no database). Each endpoint is warmed for 2 s first. The machine has few
// cores shared with other work, so the load average is recorded beside every figure.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { benchPostgresUrl } from './m-data-set.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('--seconds', 10);
const CONNECTIONS = arg('--connections', 32);
const only = process.argv.slice(2).filter((a) => a === 'sqlite' || a === 'postgres');
const machine = { cpus: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const log = (line: string) => process.stderr.write(`${line}\n`);
const root = path.join(import.meta.dirname, '..');

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
  readonly clientId: string;
}

async function startBenchServer(kind: 'sqlite' | 'postgres'): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'api-server.ts'), kind], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: process.env,
  });
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    const info = JSON.parse(line) as { url: string; token: string; clientId: string };
    return { child, ...info };
  }
  throw new Error(`the ${kind} bench server exited before listening`);
}

interface Load {
  readonly requestsPerSec: number;
  /** Server CPU time (user + system, from /proc) per answered request: independent of how busy the machine is. */
  readonly serverCpuMsPerRequest: number | null;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly load1: number;
}

/** CPU time (ms) a process has used so far, from /proc/<pid>/stat (Linux), or null. */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second)
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

async function hammer(
  url: string,
  token: string | null,
  seconds: number,
  serverPid: number | undefined,
  connections = CONNECTIONS,
): Promise<Load> {
  const load1 = os.loadavg()[0] ?? 0;
  const cpuBefore = cpuMs(serverPid);
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const cpuAfter = cpuMs(serverPid);
  const answered = r.requests.total;
  return {
    requestsPerSec: r.requests.average,
    serverCpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && answered > 0
        ? Math.round(((cpuAfter - cpuBefore) / answered) * 100) / 100
        : null,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    load1: Math.round(((load1 + (os.loadavg()[0] ?? 0)) / 2) * 100) / 100,
  };
}

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

async function measured(url: string, token: string | null, serverPid: number | undefined): Promise<Load> {
  await hammer(url, token, 2, serverPid);
  return hammer(url, token, SECONDS, serverPid);
}

async function benchDialect(kind: 'sqlite' | 'postgres'): Promise<void> {
  const server = await startBenchServer(kind);
  try {
    const base = `${server.url}`;
    const healthz = await measured(`${base}/healthz`, null, server.child.pid);
    const caseload = await measured(`${base}/api/v1/caseload`, server.token, server.child.pid);
    const caseloadWeb = await measured(`${base}/api/v1/caseload?limit=50`, server.token, server.child.pid);
    const caseloadAll = await measured(`${base}/api/v1/caseload?limit=500`, server.token, server.child.pid);
    const progress = await measured(
      `${base}/api/v1/clients/${server.clientId}/progress`,
      server.token,
      server.child.pid,
    );
    const rss = rssMb(server.child.pid);
    const common = { connections: CONNECTIONS, seconds: SECONDS, rssMbAfterLoad: rss, machine };
    const line = (name: string, value: number, unit: string, baseline: number, extra: Record<string, unknown>) =>
      console.log(
        JSON.stringify({
          name,
          value: Math.round(value * 10) / 10,
          unit,
          baseline: Math.round(baseline * 10) / 10,
          ratio: Math.round((value / baseline) * 1000) / 1000,
          ...extra,
          ...common,
        }),
      );
    for (const [label, r] of [
      ['default page (100 of 500 clients)', caseload],
      ['limit=50 (the page size of the web app)', caseloadWeb],
      ['limit=500 (the whole caseload)', caseloadAll],
    ] as const) {
      line(
        `api: GET /caseload ${label} on ${kind}, p99 at ${CONNECTIONS} connections (target < 100 ms); baseline: /healthz p99, same server and run; load ${r.load1}`,
        r.p99,
        'ms',
        healthz.p99,
        {
          p50: r.p50,
          requestsPerSec: r.requestsPerSec,
          serverCpuMsPerRequest: r.serverCpuMsPerRequest,
          baselineServerCpuMsPerRequest: healthz.serverCpuMsPerRequest,
          errors: r.errors,
          non2xx: r.non2xx,
          load1: r.load1,
        },
      );
    }
    line(
      `api: GET /clients/{id}/progress on ${kind}, requests/s at ${CONNECTIONS} connections (target ≥ 0.30 of baseline); baseline: /healthz requests/s, same server and run; load ${progress.load1}`,
      progress.requestsPerSec,
      'req/s',
      healthz.requestsPerSec,
      {
        p50: progress.p50,
        p99: progress.p99,
        serverCpuMsPerRequest: progress.serverCpuMsPerRequest,
        baselineServerCpuMsPerRequest: healthz.serverCpuMsPerRequest,
        errors: progress.errors,
        non2xx: progress.non2xx,
        load1: progress.load1,
        baselineLoad1: healthz.load1,
      },
    );
  } finally {
    server.child.stdin?.end();
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

if (only.length === 0 || only.includes('sqlite')) await benchDialect('sqlite');
if (only.length === 0 || only.includes('postgres')) {
  if (benchPostgresUrl()) await benchDialect('postgres');
  else log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
}
