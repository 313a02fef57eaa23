// Practice outcomes over the M data set (DESIGN 5: 5,000 clients, ~250,000 administrations; target < 2 s on SQLite).
// Run: node --import tsx bench/outcomes.bench.ts [--runs N]
// The data set is made once with the demo use case (bench/m-data-set.ts, about a minute on SQLite) and reused. On
// SQLite the report is timed on a read-only connection in this process and through the worker thread the server
// uses (cold: worker start included; warm: a second request); on PostgreSQL (BENCH_DATABASE_URL or
// TEST_DATABASE_URL) on the pool. The baseline, measured in the same run on the same database, is the raw driver's
// `select count(*) from administration`. Each figure is the median wall-clock time of N runs.
import os from 'node:os';
import SqliteDriver from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import pg from 'pg';
import { outcomeInstruments } from '../src/application/compute-practice-outcomes.js';
import type { PracticeOutcomesQuery } from '../src/application/ports.js';
import { createOutcomesReader } from '../src/storage/create-outcomes-reader.js';
import { openSqlite } from '../src/storage/open-database.js';
import { buildPracticeOutcomesQuery, queryPracticeOutcomes } from '../src/storage/repositories/outcomes-repository.js';
import { benchPostgresUrl, M_CLIENTS, openMDataSet } from './m-data-set.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const machine = { cpus: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const log = (line: string) => process.stderr.write(`${line}\n`);

const QUERY: PracticeOutcomesQuery = {
  from: '2000-01-01',
  to: '2099-12-31',
  period: 'quarter',
  instruments: outcomeInstruments(),
  clinicianId: null,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function medianMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeMs(work));
  return median(times);
}

function report(name: string, valueMs: number, baselineMs: number, extra: Record<string, unknown> = {}): void {
  console.log(
    JSON.stringify({
      name,
      value: Math.round(valueMs),
      unit: 'ms',
      baseline: Math.round(baselineMs * 10) / 10,
      ratio: Math.round((valueMs / baselineMs) * 10) / 10,
      ...extra,
      machine,
    }),
  );
}

async function benchSqlite(): Promise<void> {
  const m = await openMDataSet('sqlite', log);
  const file = m.file ?? '';
  await m.opened.close();

  const raw = new SqliteDriver(file, { readonly: true, fileMustExist: true });
  const count = raw.prepare('select count(*) as n from administration');
  const administrations = Number((count.get() as { n: number }).n);
  const baselineMs = await medianMs(() => count.get());

  const direct = openSqlite(file, m.secretKey, { readonly: true });
  const rows = await queryPracticeOutcomes(direct.db, QUERY); // warms the page cache
  const clients = rows.reduce((n, r) => n + r.clients, 0);
  const cpuBefore = process.cpuUsage();
  const inProcessMs = await medianMs(() => queryPracticeOutcomes(direct.db, QUERY));
  const cpu = process.cpuUsage(cpuBefore);
  const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(compiled(direct.db))}`.execute(direct.db);
  await direct.close();

  const reader = createOutcomesReader({ ...direct, location: file }, m.secretKey);
  const coldMs = await timeMs(() => reader.computePracticeOutcomes(QUERY));
  const warmMs = await medianMs(() => reader.computePracticeOutcomes(QUERY));
  await reader.close();
  raw.close();

  const extra = { administrations, clients: M_CLIENTS, episodes: clients, targetMs: 2000 };
  report(
    'outcomes: practice outcomes over M on SQLite (read-only connection, in process); baseline: raw count(*) of administration',
    inProcessMs,
    baselineMs,
    {
      ...extra,
      cpuMsPerRun: Math.round((cpu.user + cpu.system) / 1000 / RUNS),
      plan: [...new Set(plan.rows.map((r) => r.detail))],
    },
  );
  report(
    'outcomes: practice outcomes over M on SQLite through the worker thread, warm; baseline: raw count(*)',
    warmMs,
    baselineMs,
    extra,
  );
  report(
    'outcomes: practice outcomes over M on SQLite through the worker thread, cold (worker start included); baseline: raw count(*)',
    coldMs,
    baselineMs,
    extra,
  );
}

/** The statement with its parameters inlined, for EXPLAIN (dates, ids and numbers only; no client data). */
function compiled(db: Parameters<typeof queryPracticeOutcomes>[0]): string {
  const { sql: text, parameters } = buildPracticeOutcomesQuery(QUERY).compile(db);
  let i = 0;
  return text.replace(/\?|\$\d+/g, () => literal(parameters[i++]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

async function benchPostgres(): Promise<void> {
  const m = await openMDataSet('postgres', log);
  const url = m.url ?? '';
  // What autovacuum would have done by now on a live server: fresh statistics and the visibility map, so the
  // planner sees the real row counts and the first/last lookups are index-only.
  await sql`vacuum (analyze) administration`.execute(m.opened.database.db);
  await sql`analyze client_assignment`.execute(m.opened.database.db);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const administrations = Number((await client.query('select count(*) as n from administration')).rows[0]?.n);
  const baselineMs = await medianMs(() => client.query('select count(*) from administration'));

  const db = m.opened.database.db;
  const rows = await queryPracticeOutcomes(db, QUERY);
  const clients = rows.reduce((n, r) => n + r.clients, 0);
  const poolMs = await medianMs(() => queryPracticeOutcomes(db, QUERY));
  const explain = await client.query(`explain (analyze, format json) ${compiled(db)}`);
  const planJson = explain.rows[0]?.['QUERY PLAN'] as [{ 'Execution Time': number; Plan: PlanNode }] | undefined;
  await client.end();
  await m.opened.close();

  report(
    'outcomes: practice outcomes over M on PostgreSQL (pool); baseline: raw count(*) of administration',
    poolMs,
    baselineMs,
    {
      administrations,
      clients: M_CLIENTS,
      episodes: clients,
      serverExecutionMs: Math.round(planJson?.[0]['Execution Time'] ?? 0),
      plan: planJson ? nodeTypes(planJson[0].Plan) : [],
    },
  );
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodeTypes(node: PlanNode): string[] {
  const self = [node['Node Type'], node['Index Name'] ?? node['Relation Name'] ?? ''].filter(Boolean).join(' ');
  return [self, ...(node.Plans ?? []).flatMap(nodeTypes)];
}

await benchSqlite();
if (benchPostgresUrl()) await benchPostgres();
else log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
