// The server of bench/api-endpoints.bench.ts, in its own process so the load generator never shares its event loop:
// `node --import tsx bench/api-server.ts sqlite|postgres`. Opens (loading when needed) the API data set, mints a
// bearer token for the clinician holding the 500-client caseload, starts the real server (startServer: the
// composition root `cairn start` uses, auditing on) on a free port, and prints one JSON line
// {url, token, clientId, caseloadSize}. Stops when its stdin closes.
import { randomBytes, randomUUID } from 'node:crypto';
import { API_TOKEN_PREFIX, apiTokenHash } from '../src/application/api-token-hash.js';
import { loadConfig } from '../src/config/load-config.js';
import { startServer } from '../src/http/server.js';
import { API_CLIENTS, openApiDataSet } from './api-data-set.js';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const log = (line: string) => process.stderr.write(`${line}\n`);
const set = await openApiDataSet(kind, log);
const { store, deps } = set.opened;
const user = await store.findUserByEmail(set.clinicianEmail);
if (!user) throw new Error(`no ${set.clinicianEmail} in the data set`);
const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
const now = new Date();
await store.insertApiToken({
  id: randomUUID(),
  userId: user.id,
  name: 'bench',
  tokenHash: apiTokenHash(deps, token),
  createdAt: now.toISOString(),
  expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
  lastUsedAt: null,
  revokedAt: null,
});
const page = await store.listCaseload({
  practiceId: user.practiceId,
  userId: user.id,
  scope: 'assigned',
  limit: 1,
  after: null,
});
const clientId = page[0]?.client.id;
if (!clientId) throw new Error('the bench clinician has no client');
await set.opened.close();

const config = loadConfig(
  {
    CAIRN_DATA_DIR: set.settings.dataDir,
    CAIRN_DATABASE_URL: set.settings.databaseUrl ?? undefined,
    CAIRN_LOG_LEVEL: 'warn',
  },
  { port: 0, host: '127.0.0.1' },
);
const server = await startServer(config, { warn: log });
process.stdout.write(`${JSON.stringify({ url: server.url, token, clientId, caseloadSize: API_CLIENTS })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
