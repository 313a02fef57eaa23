import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignInDeps } from '../../application/auth-policy.js';
import type { AuditEventInput, Store } from '../../application/ports.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import type { RequestAudit } from './request-context.js';

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event marked with the break-glass grant the request used for one of its clients, if any. */
function withBreakGlass(e: AuditEventInput, grants: ReadonlyMap<string, string>): AuditEventInput {
  if (e.breakGlassGrantId || grants.size === 0) return e;
  const grant = e.clientIds.map((id) => grants.get(id)).find((g) => g !== undefined);
  return grant ? { ...e, breakGlassGrantId: grant } : e;
}

function withOrigin(events: readonly AuditEventInput[], origin: string, audit: RequestAudit): AuditEventInput[] {
  return events.map((e) => withBreakGlass(e.origin === null ? { ...e, origin } : e, audit.breakGlass));
}

/**
 * A store whose audit writes are marked on the request once durable (committed), with the client's address and the
 * break-glass grant the request relied on.
 */
function trackingStore(store: Store, audit: RequestAudit, origin: string): Store {
  const inTransaction = (tx: Store, mark: () => void): Store => {
    const wrapped: Store = {
      ...tx,
      appendAudit: async (events, at) => {
        await tx.appendAudit(withOrigin(events, origin, audit), at);
        mark();
      },
      transaction: (work) => work(wrapped),
    };
    return wrapped;
  };
  return {
    ...store,
    appendAudit: async (events, at) => {
      await store.appendAudit(withOrigin(events, origin, audit), at);
      audit.recorded = true;
    },
    transaction: async (work) => {
      let wrote = false;
      const result = await store.transaction((tx) =>
        work(
          inTransaction(tx, () => {
            wrote = true;
          }),
        ),
      );
      if (wrote) audit.recorded = true;
      return result;
    },
  };
}

function outcomeOf(status: number): AuditEventInput['outcome'] {
  if (status < 400) return 'success';
  if (status === 401 || status === 403 || status === 404 || status === 429) return 'denied';
  return 'failure';
}

function fallbackEvent(request: FastifyRequest, reply: FastifyReply): AuditEventInput {
  const route = request.routeOptions.url ?? 'unknown';
  const action = request.routeOptions.config.audit;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const clientId = typeof params.clientId === 'string' && ID_PATTERN.test(params.clientId) ? params.clientId : null;
  const event: AuditEventInput = {
    actor: request.auth ? `user:${request.auth.user.id}` : 'anonymous',
    action: typeof action === 'string' ? action : `http.${request.method.toLowerCase()}`,
    resource: `route:${request.method} ${route}`,
    clientIds: clientId ? [clientId] : [],
    outcome: outcomeOf(reply.statusCode),
    origin: request.ip,
  };
  return withBreakGlass(event, request.audit.breakGlass);
}

/**
 * One audit event per API request, durable before the response leaves (DESIGN 2.8, hipaa.md row 5). Use cases write
 * their own events (inside their transaction for writes); this plugin hands each request deps whose store marks that
 * it happened and stamps the client's address, and in `onSend` writes the request's event itself when no use case
 * did — refusals (401/403/404/429), invalid input, conflicts. If that write fails the answer becomes 503.
 * Events naming a client the request reached through a break-glass grant carry the grant (`breakGlassGrantId`).
 * A use case's own audit write failing makes the use case fail (503) and roll back its write.
 *
 * @example
 * registerAudit(api, deps); // inside the /api/v1 context, before the authenticate plugin
 */
export function registerAudit(app: FastifyInstance, deps: SignInDeps): void {
  app.decorateRequest('audit', null as unknown as RequestAudit);
  app.decorateRequest('deps', null as unknown as SignInDeps);
  app.addHook('onRequest', async (request) => {
    const audit: RequestAudit = { recorded: false, failed: false, breakGlass: new Map() };
    request.audit = audit;
    request.deps = {
      ...deps,
      store: trackingStore(deps.store, audit, request.ip),
      accessNotes: { breakGlassUsed: (grantId, clientId) => audit.breakGlass.set(clientId, grantId) },
    };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.audit;
    if (!state || state.recorded || state.failed || request.routeOptions.config.audit === false) return payload;
    try {
      await deps.store.appendAudit([fallbackEvent(request, reply)], deps.clock.now().toISOString());
      state.recorded = true;
    } catch (error) {
      // Nothing leaves without its audit record: whatever was about to be sent becomes a 503 (the error handler may
      // already have run for this reply, so the answer is written here).
      state.failed = true;
      request.log.error({ err: { message: (error as Error).message } }, 'audit write failed');
      reply.status(503).header('Retry-After', '5').type('application/json; charset=utf-8');
      return JSON.stringify({
        error: { code: ErrorCode.databaseUnavailable, message: 'The database is unavailable.' },
      });
    }
    return payload;
  });
}
