// DESIGN §6: a process killed with SIGKILL during a burst of writes restarts with every acknowledged write present
// and the database consistent. Real `cairn start` processes, real databases (SQLite file; PostgreSQL when
// TEST_DATABASE_URL is set), no mocks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordAdministrationRequest } from '../../src/contract/measures.js';
import { openSqlite } from '../../src/storage/open-database.js';
import { DIALECTS, sql } from '../dialects.js';
import {
  type ApiSession,
  type CairnServer,
  privateBuild,
  privateSchema,
  runCairn,
  SECRET,
  signIn,
  startCairn,
  stopCairn,
} from './cairn-process.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-crash-'));
const cleanups: (() => Promise<void>)[] = [];
const servers: CairnServer[] = [];
let main = '';

beforeAll(async () => {
  main = await privateBuild();
});
afterAll(async () => {
  for (const s of servers) s.child.kill('SIGKILL');
  for (const c of cleanups) await c();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Total requests in the burst, how many run at once, and after how many acknowledgements the process is killed. */
const BURST = 400;
const CONCURRENCY = 24;
const KILL_AFTER_ACKS = 40;

/** A PHQ-9 administration body, whatever the contract currently calls the instrument field. */
function phq9Body(n: number): Record<string, unknown> {
  const shape = RecordAdministrationRequest.shape as Record<string, unknown>;
  const field = 'instrument' in shape ? 'instrument' : 'instrumentId';
  // Item 9 stays 0 so no risk alert is raised; the other items vary with n.
  const answers = [0, 1, 2, 3, 0, 1, 2, 3].map((a) => (a + n) % 4).concat([0]);
  return { [field]: 'phq9', answers, source: 'session' };
}

interface BurstResult {
  readonly acknowledged: readonly string[];
  readonly attempted: number;
  readonly failed: number;
}

/**
 * Fires BURST administrations, CONCURRENCY at a time; once KILL_AFTER_ACKS are acknowledged (201 received), kills
 * the server with SIGKILL while the others are in flight. Each worker stops at its first failed request.
 */
async function burstAndKill(api: ApiSession, clientId: string, server: CairnServer): Promise<BurstResult> {
  const acknowledged: string[] = [];
  let next = 0;
  let failed = 0;
  let killed = false;
  const worker = async () => {
    while (next < BURST) {
      const n = next++;
      try {
        const res = await api.post(`/api/v1/clients/${clientId}/administrations`, phq9Body(n));
        if (res.status !== 201) throw new Error(`status ${res.status}: ${await res.text()}`);
        // The id of the administration, whichever response shape the contract has now (flat or nested).
        const body = (await res.json()) as { id?: string; administration?: { id: string } };
        const id = body.administration?.id ?? body.id;
        if (!id) throw new Error(`no administration id in ${JSON.stringify(body)}`);
        acknowledged.push(id);
      } catch (error) {
        if (!killed) throw error;
        failed += 1;
        return;
      }
      if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(killed).toBe(true);
  return { acknowledged, attempted: next, failed };
}

for (const dialect of DIALECTS) {
  describe(`SIGKILL during a burst of writes on ${dialect}`, () => {
    it('restarts with every acknowledged administration and its audit event, the database consistent and the audit chain verified', async () => {
      // First, a practice: the demo data in a fresh data directory or PostgreSQL schema.
      const env: Record<string, string> = { CAIRN_DATA_DIR: path.join(tmp, dialect), CAIRN_SECRET_KEY: SECRET };
      if (dialect === 'postgres') {
        const schema = await privateSchema();
        cleanups.push(schema.drop);
        env.CAIRN_DATABASE_URL = schema.url;
        const migrate = runCairn(main, ['db', 'migrate'], env);
        expect(migrate.status, migrate.stderr).toBe(0);
      }
      const demo = runCairn(main, ['demo'], env);
      expect(demo.status, demo.stderr).toBe(0);

      // The clinician signs in and picks a client from the caseload.
      const first = await startCairn(main, env);
      servers.push(first);
      const api = await signIn(first.url, 'clinician@cairn-demo.example', 'demo-clinician-pass');
      const caseload = (await (await api.get('/api/v1/caseload?limit=1')).json()) as {
        items: { client: { id: string } }[];
      };
      const clientId = caseload.items[0]?.client.id ?? '';
      expect(clientId).not.toBe('');
      const before = new Set((await readStored(env, clientId)).administrationIds);

      // Then a burst of PHQ-9 administrations, and the process is killed in the middle of it.
      const burst = await burstAndKill(api, clientId, first);
      expect(await first.exited).toBe('SIGKILL');
      expect(burst.acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(burst.attempted).toBeLessThan(BURST);

      // The server restarts on the same database.
      const second = await startCairn(main, env);
      servers.push(second);
      const again = await signIn(second.url, 'clinician@cairn-demo.example', 'demo-clinician-pass');
      expect((await again.get(`/api/v1/clients/${clientId}/series`)).status).toBe(200);
      expect(await stopCairn(second)).toBe(0);

      // Every acknowledged write is there, with its audit event (written in the same transaction), and nothing
      // half-written: every administration of the burst has its audit event and the other way round.
      const after = await readStored(env, clientId);
      const stored = new Set(after.administrationIds);
      const missing = burst.acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      const written = after.administrationIds.filter((id) => !before.has(id)).sort();
      expect(after.auditedIds.filter((id) => !before.has(id)).sort()).toEqual(written);
      // Writes in flight at the kill may or may not have committed; acknowledged ones are a subset of what is there.
      expect(written.length).toBeGreaterThanOrEqual(burst.acknowledged.length);
      console.info(
        `${dialect}: ${burst.acknowledged.length} acknowledged, ${written.length} stored, ${burst.failed} cut off by the kill`,
      );

      // The audit chain verifies.
      const verify = runCairn(main, ['audit', 'verify'], env);
      expect(verify.stderr.split('\n').filter((l) => l && !l.startsWith('warning:'))).toEqual([]);
      expect(verify.stdout).toMatch(/^audit chain ok: \d+ events/);
      expect(verify.status).toBe(0);
    });
  });
}

/** Administration ids of the client and the administrations named by its `administration.create` audit events. */
interface Stored {
  readonly administrationIds: readonly string[];
  readonly auditedIds: readonly string[];
}

/** Reads what is stored for the client; on SQLite also checks integrity and foreign keys. */
async function readStored(env: Record<string, string>, clientId: string): Promise<Stored> {
  if (env.CAIRN_DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.CAIRN_DATABASE_URL });
    await client.connect();
    try {
      const admins = await client.query<{ id: string }>('select id from administration where client_id = $1', [
        clientId,
      ]);
      const audits = await client.query<{ resource: string }>(
        "select resource from audit_event where action = 'administration.create' and client_ids like $1",
        [`%${clientId}%`],
      );
      return {
        administrationIds: admins.rows.map((r) => r.id),
        auditedIds: audits.rows.map((r) => r.resource.replace(/^administration:/, '')),
      };
    } finally {
      await client.end();
    }
  }
  const opened = openSqlite(path.join(env.CAIRN_DATA_DIR ?? '', 'cairn.db'), SECRET, { readonly: true });
  try {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(opened.db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    const foreignKeys = await sql`pragma foreign_key_check`.execute(opened.db);
    expect(foreignKeys.rows).toEqual([]);
    const admins = await sql<{ id: string }>`select id from administration where client_id = ${clientId}`.execute(
      opened.db,
    );
    const audits = await sql<{ resource: string }>`select resource from audit_event
      where action = 'administration.create' and client_ids like ${`%${clientId}%`}`.execute(opened.db);
    return {
      administrationIds: admins.rows.map((r) => r.id),
      auditedIds: audits.rows.map((r) => r.resource.replace(/^administration:/, '')),
    };
  } finally {
    await opened.close();
  }
}
