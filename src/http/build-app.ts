import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { SignInDeps } from '../application/auth-policy.js';
import type { Mailer, PracticeOutcomesReader } from '../application/ports.js';
import type { LogLevel } from '../config/load-config.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { registerAudit } from './plugins/audit.js';
import { registerAuthenticate, type SessionCookieOptions } from './plugins/authenticate.js';
import { registerClientReach } from './plugins/client-reach.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { alertRoutes } from './routes/alerts/index.js';
import { auditRoutes } from './routes/audit/index.js';
import { authRoutes } from './routes/auth/index.js';
import { breakGlassRoutes } from './routes/break-glass/index.js';
import { caseloadRoutes } from './routes/caseload/index.js';
import { clientLinkRoutes } from './routes/client-links/index.js';
import { clientRoutes } from './routes/clients/index.js';
import { exportRoutes } from './routes/exports/index.js';
import { goalRoutes } from './routes/goals/index.js';
import { type BackupStatusView, registerHealthRoutes } from './routes/health/index.js';
import { registerHomeRoute } from './routes/home/index.js';
import { registerLinkPage } from './routes/link-page/index.js';
import { measureRoutes } from './routes/measures/index.js';
import { outcomeRoutes } from './routes/outcomes/index.js';
import { planRoutes } from './routes/plans/index.js';
import { progressRoutes } from './routes/progress/index.js';
import { reviewRoutes } from './routes/reviews/index.js';
import { sessionRoutes } from './routes/sessions/index.js';
import { settingsRoutes } from './routes/settings/index.js';
import { setupRoutes } from './routes/setup/index.js';
import { supervisionRoutes } from './routes/supervision/index.js';
import { tokenRoutes } from './routes/tokens/index.js';
import { userRoutes } from './routes/users/index.js';
import { findWebAppDir, registerWebApp } from './routes/web-app/index.js';

export interface AppDeps extends SignInDeps {
  /** Checks the database answers (used by /readyz). */
  readonly checkDatabase: () => Promise<void>;
  /** The scheduled backups' state, shown by /readyz (absent when they are off). */
  readonly backupStatus?: () => BackupStatusView;
  readonly logLevel?: LogLevel;
  /** CAIRN_PUBLIC_URL: with https, cookies are Secure and HSTS is sent; its origin is the only one allowed to POST. */
  readonly publicUrl?: string | null;
  /** Fastify's trustProxy: true, or a comma list of proxy addresses/CIDRs (CAIRN_TRUST_PROXY). */
  readonly trustProxy?: boolean | string;
  /** Requests per address and window on the sign-in routes (default 20 per minute). */
  readonly attemptLimit?: { readonly max: number; readonly timeWindow: number };
  /** Runs the practice outcomes report off the request path (a worker thread on SQLite). */
  readonly outcomes: PracticeOutcomesReader;
  /** Where log lines go (default stdout); tests capture them to prove no client data is logged. */
  readonly logStream?: { readonly write: (line: string) => void };
  /** The built web app (default: dist/web when it holds index.html); null serves the placeholder page at / instead. */
  readonly webAppDir?: string | null;
  /** SMTP for e-mailing client links (issue 7); absent or null: links are copied only. */
  readonly mailer?: Mailer | null;
  /** Requests per address and window on the client page's API (default 60 per minute). */
  readonly linkLimit?: { readonly max: number; readonly timeWindow: number };
}

function cookieOptions(publicUrl: string | null | undefined): SessionCookieOptions {
  if (!publicUrl) return { secure: false, publicOrigin: null };
  const url = new URL(publicUrl);
  return { secure: url.protocol === 'https:', publicOrigin: url.origin };
}

/**
 * Builds the Fastify app without listening. Tests call it and use `app.inject()`.
 * JSON API under /api/v1 (zod schemas from src/contract, validated and serialized by fastify-type-provider-zod),
 * OpenAPI at /api/openapi.json, browsable at /api/docs; security headers (helmet; HSTS only behind https).
 *
 * @example
 * const app = await buildApp(deps);
 * const res = await app.inject({ method: 'GET', url: '/healthz' }); // 200 {"status":"ok"}
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const logging = deps.logLevel && deps.logLevel !== 'silent';
  const app = Fastify({
    logger: logging
      ? {
          level: deps.logLevel,
          ...(deps.logStream ? { stream: deps.logStream } : {}),
          // Log method and route pattern only: never the concrete path or query string, which for an unknown route
          // could hold whatever a caller typed.
          serializers: {
            req: (req) => ({ method: req.method, url: req.routeOptions?.url ?? '(no route)' }),
          },
        }
      : false,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    trustProxy: deps.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const cookie = cookieOptions(deps.publicUrl);
  await app.register(fastifyHelmet, {
    hsts: cookie.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Over plain http (the 127.0.0.1 default) upgrading sub-resources to https would break the page.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: cookie.secure ? [] : null } },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(ErrorCode.tooManyAttempts, 'Too many requests; try again later.', {
        details: { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn API',
        version: '1',
        description:
          'SMART treatment plans, outcome measures and progress. Sign in with POST /api/v1/auth/login; send the ' +
          'csrfToken as X-CSRF-Token on every unsafe request made with the session cookie. See docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cairn_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (cairn_…) from POST /api/v1/tokens.' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app, deps);
  const webAppDir = deps.webAppDir === undefined ? findWebAppDir() : deps.webAppDir;
  if (webAppDir) await registerWebApp(app, webAppDir);
  else registerHomeRoute(app);
  registerLinkPage(app, webAppDir);

  await app.register(
    async (api) => {
      registerAudit(api, deps);
      registerAuthenticate(api, cookie);
      registerClientReach(api);
      await api.register(setupRoutes);
      await api.register(authRoutes, { cookie, attemptLimit: deps.attemptLimit ?? { max: 20, timeWindow: 60_000 } });
      await api.register(userRoutes, { publicUrl: deps.publicUrl ?? null });
      await api.register(tokenRoutes);
      await api.register(supervisionRoutes);
      await api.register(settingsRoutes);
      await api.register(auditRoutes);
      await api.register(clientRoutes);
      await api.register(clientLinkRoutes, {
        publicUrl: deps.publicUrl ?? null,
        mailer: deps.mailer ?? null,
        linkLimit: deps.linkLimit ?? { max: 60, timeWindow: 60_000 },
      });
      await api.register(planRoutes);
      await api.register(reviewRoutes);
      await api.register(sessionRoutes);
      await api.register(caseloadRoutes);
      await api.register(goalRoutes);
      await api.register(measureRoutes);
      await api.register(progressRoutes);
      await api.register(exportRoutes);
      await api.register(alertRoutes);
      await api.register(breakGlassRoutes);
      await api.register(outcomeRoutes, { outcomes: deps.outcomes });
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  return app;
}
