import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findBreakGlassClient } from '../../../application/find-break-glass-client.js';
import { listBreakGlassGrants } from '../../../application/list-break-glass-grants.js';
import type { BreakGlassGrantEntry } from '../../../application/ports.js';
import { checkBreakGlassTarget, requestBreakGlass } from '../../../application/request-break-glass.js';
import { reviewBreakGlassGrant } from '../../../application/review-break-glass-grant.js';
import {
  BreakGlassGrantCreated,
  BreakGlassGrantView,
  BreakGlassListQuery,
  BreakGlassLookupRequest,
  BreakGlassLookupView,
  BreakGlassRequest,
  BreakGlassReviewRequest,
} from '../../../contract/break-glass.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES, IdParams } from '../../../contract/common.js';
import { actorOf } from '../../route-helpers.js';

function presentGrant(grant: BreakGlassGrantEntry, now: Date) {
  return {
    id: grant.id,
    userId: grant.userId,
    userName: grant.userName,
    clientId: grant.clientId,
    reason: grant.reason,
    createdAt: grant.createdAt,
    expiresAt: grant.expiresAt,
    active: grant.revokedAt === null && grant.expiresAt > now.toISOString(),
    review: grant.review ? { ...grant.review } : null,
  };
}

/**
 * Break-glass emergency access (DESIGN 2.8, reference/hipaa.md row 2):
 * `POST /clients/{clientId}/break-glass {reason}` (clinician, supervisor) → 201 `{id, clientId, createdAt, expiresAt}`;
 * `POST /break-glass/lookup {recordNumber}` (clinician, supervisor) → the id and initials of the exact match;
 * `GET /break-glass[?unreviewed=true]` (admin, auditor) → `{items}` newest first;
 * `POST /break-glass/{id}/review {note}` (admin).
 * The break-glass POST is not a `clientInPath` route (the client is out of reach by definition); its own reach hook
 * answers 404 for an unknown client before the body is judged (DESIGN 3.3 order).
 *
 * @example
 * await api.register(breakGlassRoutes);
 */
export const breakGlassRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/clients/:clientId/break-glass',
    {
      config: {
        roles: ['clinician', 'supervisor'],
        audit: 'break-glass.grant',
        reach: async (request) => {
          const clientId = (request.params as Record<string, unknown> | undefined)?.clientId;
          await checkBreakGlassTarget(request.deps, actorOf(request), typeof clientId === 'string' ? clientId : '');
        },
      },
      schema: {
        tags: ['break-glass'],
        summary: 'Emergency access to a client outside your reach, for a limited time, with a reason',
        params: ClientParams,
        body: BreakGlassRequest,
        response: {
          201: BreakGlassGrantCreated,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request, reply) => {
      const grant = await requestBreakGlass(request.deps, actorOf(request), {
        clientId: request.params.clientId,
        reason: request.body.reason,
      });
      return reply.status(201).send({
        id: grant.id,
        clientId: grant.clientId,
        createdAt: grant.createdAt,
        expiresAt: grant.expiresAt,
      });
    },
  );

  app.post(
    '/break-glass/lookup',
    {
      config: { roles: ['clinician', 'supervisor'], audit: 'break-glass.lookup' },
      schema: {
        tags: ['break-glass'],
        summary: 'Find a client by exact record number before breaking the glass (id and initials only)',
        body: BreakGlassLookupRequest,
        response: {
          200: BreakGlassLookupView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request) => ({ ...(await findBreakGlassClient(request.deps, actorOf(request), request.body)) }),
  );

  app.get(
    '/break-glass',
    {
      config: { roles: ['admin', 'auditor'], audit: 'break-glass.list' },
      schema: {
        tags: ['break-glass'],
        summary: 'Emergency access grants for review, newest first',
        querystring: BreakGlassListQuery,
        response: {
          200: z.object({ items: z.array(BreakGlassGrantView) }),
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
        },
      },
    },
    async (request) => {
      const grants = await listBreakGlassGrants(request.deps, actorOf(request), {
        ...(request.query.unreviewed === undefined ? {} : { unreviewed: request.query.unreviewed }),
      });
      const now = request.deps.clock.now();
      return { items: grants.map((g) => presentGrant(g, now)) };
    },
  );

  app.post(
    '/break-glass/:id/review',
    {
      config: { roles: ['admin'], audit: 'break-glass.review' },
      schema: {
        tags: ['break-glass'],
        summary: 'Record an administrator’s review of an emergency access grant',
        params: IdParams,
        body: BreakGlassReviewRequest,
        response: {
          200: BreakGlassGrantView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request) => {
      const grant = await reviewBreakGlassGrant(request.deps, actorOf(request), {
        grantId: request.params.id,
        note: request.body.note,
      });
      return presentGrant(grant, request.deps.clock.now());
    },
  );
};
