import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load-config.js';
import { createAuthDeps } from '../storage/create-auth-deps.js';
import { createOutcomesReader } from '../storage/create-outcomes-reader.js';
import { openStore } from '../storage/open-store.js';
import { buildApp } from './build-app.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** Stops accepting, drains requests in flight, closes the database. */
  readonly close: () => Promise<void>;
}

/**
 * The server's composition root: open the database (auto-migrating the embedded SQLite database, refusing a
 * PostgreSQL database with pending migrations), build the app, listen.
 *
 * @example
 * const server = await startServer(loadConfig(process.env), { warn: console.error });
 * await server.close();
 */
export async function startServer(
  config: Config,
  log: { readonly warn: (line: string) => void },
): Promise<RunningServer> {
  const opened = await openStore(config, config.databaseUrl ? 'refuse-pending' : 'apply');
  if (opened.keys.warning) log.warn(`warning: ${opened.keys.warning}`);
  for (const name of opened.applied) log.warn(`migrated: ${name}`);
  // The practice outcomes report runs off the request path (a worker thread with its own connection on SQLite).
  const outcomes = createOutcomesReader(opened.database, config.secretKey);
  let app: FastifyInstance;
  try {
    app = await buildApp({
      ...createAuthDeps(opened.deps, opened.keys.secretsKey),
      outcomes,
      checkDatabase: opened.checkDatabase,
      logLevel: config.logLevel,
      publicUrl: config.publicUrl,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await outcomes.close();
    await opened.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    app,
    url: `http://${host}:${port}`,
    close: async () => {
      await app.close();
      await outcomes.close();
      await opened.close();
    },
  };
}
