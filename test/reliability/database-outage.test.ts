// Faults: the database goes away under a running server → the API answers 503 with Retry-After (never another 5xx)
// and recovers by itself when the database comes back. PostgreSQL only (TEST_DATABASE_URL): the server reaches it
// through a TCP proxy owned by the test, and "down" closes the proxy and cuts every connection, which is what the
// server sees when the database host or its network goes away; the shared PostgreSQL server is never touched. On
// SQLite the database is a file inside the process, with no natural way to take it away.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordAdministrationRequest } from '../../src/contract/measures.js';
import { TEST_DATABASE_URL } from '../dialects.js';
import {
  type CairnServer,
  privateBuild,
  privateSchema,
  runCairn,
  SECRET,
  signIn,
  startCairn,
  stopCairn,
  waitFor,
} from './cairn-process.js';

/** A TCP proxy to PostgreSQL that can be taken down (refusing and cutting connections) and brought back. */
function startProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  return {
    listen,
    get port() {
      return port;
    },
    down: async () => {
      const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
      await closing;
      server = null;
    },
  };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-outage-'));
let main = '';
const cleanups: (() => Promise<void>)[] = [];
let server: CairnServer | null = null;

beforeAll(async () => {
  if (TEST_DATABASE_URL) main = await privateBuild();
});
afterAll(async () => {
  server?.child.kill('SIGKILL');
  for (const c of cleanups) await c();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL goes away under a running server', () => {
  it('answers 503 with Retry-After while it is away, never another 5xx, and recovers without a restart', async () => {
    const schema = await privateSchema();
    cleanups.push(schema.drop);
    const direct = { CAIRN_DATA_DIR: tmp, CAIRN_SECRET_KEY: SECRET, CAIRN_DATABASE_URL: schema.url };
    expect(runCairn(main, ['db', 'migrate'], direct).status).toBe(0);
    expect(runCairn(main, ['demo'], direct).status).toBe(0);

    const target = new URL(schema.url);
    const proxy = startProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.listen();
    cleanups.push(proxy.down);
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startCairn(main, { ...direct, CAIRN_DATABASE_URL: viaProxy.toString() });

    // First, the clinician works normally.
    const api = await signIn(server.url, 'clinician@cairn-demo.example', 'demo-clinician-pass');
    const caseload = (await (await api.get('/api/v1/caseload?limit=1')).json()) as {
      items: { client: { id: string } }[];
    };
    const clientId = caseload.items[0]?.client.id ?? '';
    const shape = RecordAdministrationRequest.shape as Record<string, unknown>;
    const body = {
      ['instrument' in shape ? 'instrument' : 'instrumentId']: 'phq9',
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
    };
    const write = () => api.post(`/api/v1/clients/${clientId}/administrations`, body);
    expect((await write()).status).toBe(201);

    // Then the database goes away while requests are in flight: each one completes or answers 503.
    const inFlight: { status: number; retryAfter: string | null }[] = [];
    let cut = false;
    const worker = async (n: number) => {
      let unavailable = 0;
      while (unavailable < 3) {
        const res = await (n % 2 === 0 ? write() : api.get('/api/v1/caseload?limit=5')).catch((error: unknown) => {
          throw new Error(`a request failed (${String(error)}); server stderr: ${server?.stderr()}`);
        });
        await res.arrayBuffer();
        inFlight.push({ status: res.status, retryAfter: res.headers.get('retry-after') });
        if (cut && res.status === 503) unavailable += 1;
        if (!cut && inFlight.length >= 16) {
          cut = true;
          await proxy.down();
        }
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(worker));
    expect(inFlight.filter((a) => ![200, 201, 503].includes(a.status))).toEqual([]);
    expect(inFlight.filter((a) => a.status === 503 && a.retryAfter !== '5')).toEqual([]);

    // While it is away, reads, writes and the readiness probe answer 503 with Retry-After.
    const answers: { route: string; status: number; retryAfter: string | null; code: string | null }[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [route, call] of [
        ['POST administrations', write],
        ['GET caseload', () => api.get('/api/v1/caseload?limit=5')],
        ['GET series', () => api.get(`/api/v1/clients/${clientId}/series`)],
        ['GET /readyz', () => fetch(`${server?.url}/readyz`)],
      ] as const) {
        const res = await call().catch((error: unknown) => {
          throw new Error(`${route} failed (${String(error)}); server stderr: ${server?.stderr()}`);
        });
        const json = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        answers.push({
          route,
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          code: json?.error?.code ?? null,
        });
      }
    }
    expect(
      answers.filter((a) => a.status !== 503 || a.retryAfter !== '5' || a.code !== 'database-unavailable'),
    ).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // When it comes back, the same server (and the same session) works again.
    await proxy.listen();
    await waitFor('/readyz to answer 200 again', async () => (await fetch(`${server?.url}/readyz`)).status === 200);
    expect((await write()).status).toBe(201);
    expect((await api.get('/api/v1/caseload?limit=5')).status).toBe(200);
    expect(await stopCairn(server)).toBe(0);
    expect(server.stderr()).not.toMatch(/"level":50.*unhandled error/);
  });
});
