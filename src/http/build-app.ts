import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from '../application/ports.js';
import type { LogLevel } from '../config/load-config.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerHealthRoutes } from './routes/health/index.js';
import { registerHomeRoute } from './routes/home/index.js';

export interface AppDeps extends Deps {
  /** Checks the database answers (used by /readyz). */
  readonly checkDatabase: () => Promise<void>;
  readonly logLevel?: LogLevel;
}

/**
 * Builds the Fastify app without listening. Tests call it and use `app.inject()`.
 *
 * @example
 * const app = await buildApp(deps);
 * const res = await app.inject({ method: 'GET', url: '/healthz' }); // 200 {"status":"ok"}
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logLevel && deps.logLevel !== 'silent'
        ? {
            level: deps.logLevel,
            // Log method and route pattern only: ids in URLs are opaque, but query strings are never logged.
            serializers: {
              req: (req) => ({ method: req.method, url: req.routeOptions?.url ?? req.url.split('?')[0] }),
            },
          }
        : false,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    disableRequestLogging: false,
  });
  registerErrorHandler(app);
  registerHealthRoutes(app, deps);
  registerHomeRoute(app);
  await app.ready();
  return app;
}
