import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertClientAccess, type ClientAccessMode } from '../../application/assert-client-access.js';
import { actorOf } from '../route-helpers.js';

/**
 * Runs a route's `config.reach` check after authentication and before validation, so a client outside the caller's
 * reach is 404 whatever the body holds (DESIGN 3.3 order: 401 → 403 → 404 → 400 → 409). The use case checks again
 * on its first line; this hook only moves the answer ahead of body validation.
 *
 * @example
 * registerClientReach(api);
 * app.post('/clients/:clientId/diagnoses', { config: { reach: clientInPath('write', 'diagnosis.create') } }, handler);
 */
export function registerClientReach(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const reach = request.routeOptions.config.reach;
    if (reach) await reach(request);
  });
}

/** The reach check for routes naming the client in the path (`:clientId`). */
export function clientInPath(mode: ClientAccessMode, action: string): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const clientId = (request.params as Record<string, unknown> | undefined)?.clientId;
    await assertClientAccess(
      request.deps,
      actorOf(request),
      typeof clientId === 'string' ? clientId : '',
      mode,
      action,
    );
  };
}

/** The reach check for routes naming the client in the body (`clientId`, optional). */
export function clientInBody(mode: ClientAccessMode, action: string): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    const clientId = body && typeof body === 'object' ? body.clientId : undefined;
    if (clientId === undefined) return;
    await assertClientAccess(
      request.deps,
      actorOf(request),
      typeof clientId === 'string' ? clientId : '',
      mode,
      action,
    );
  };
}
