import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAuditEvents, verifyAuditTrail } from '../../../application/list-audit-events.js';
import { AuditEventView, AuditQuery, AuditVerifyView } from '../../../contract/audit.js';
import { ERROR_RESPONSES, pageOf } from '../../../contract/common.js';
import { actorOf } from '../../route-helpers.js';

/**
 * The audit trail (read only): `GET /audit` newest first (admin, auditor), `GET /audit/verify`.
 *
 * @example
 * await api.register(auditRoutes);
 */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { roles: ['admin', 'auditor'], audit: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first (ids only, never client data)',
        querystring: AuditQuery,
        response: {
          200: pageOf(AuditEventView),
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
        },
      },
    },
    async (request) => {
      const { limit, cursor, clientId } = request.query;
      const events = await listAuditEvents(request.deps, actorOf(request), {
        limit: limit + 1,
        ...(cursor ? { beforeSeq: Number(cursor) } : {}),
        ...(clientId ? { clientId } : {}),
      });
      const items = events.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(({ prevHash: _prev, ...e }) => ({ ...e, clientIds: [...e.clientIds] })),
        nextCursor: events.length > limit && last ? String(last.seq) : null,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { roles: ['admin', 'auditor'], audit: 'audit.verify' },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the audit hash chain',
        response: { 200: AuditVerifyView, 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] },
      },
    },
    async (request) => verifyAuditTrail(request.deps, actorOf(request)),
  );
};
