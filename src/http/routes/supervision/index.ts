import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addSupervision, listSupervision, removeSupervision } from '../../../application/manage-supervision.js';
import { ERROR_RESPONSES, Id, NoContent, PageQuery, pageOf } from '../../../contract/common.js';
import { SupervisionRequest, SupervisionView } from '../../../contract/supervision.js';
import { actorOf, paginate } from '../../route-helpers.js';

/**
 * Supervision links: `GET /supervision` (admin, auditor), `POST /supervision` (admin, 201),
 * `DELETE /supervision/{supervisorId}/{clinicianId}` (admin, 204).
 *
 * @example
 * await api.register(supervisionRoutes);
 */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/supervision',
    {
      config: { roles: ['admin', 'auditor'], audit: 'supervision.list' },
      schema: {
        tags: ['users'],
        summary: 'Supervision links, newest first',
        querystring: PageQuery,
        response: { 200: pageOf(SupervisionView), 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] },
      },
    },
    async (request) => {
      const links = await listSupervision(request.deps, actorOf(request));
      return paginate(links, request.query.limit, request.query.cursor);
    },
  );

  app.post(
    '/supervision',
    {
      config: { roles: ['admin'], audit: 'supervision.create' },
      schema: {
        tags: ['users'],
        summary: 'Let a supervisor supervise a clinician',
        body: SupervisionRequest,
        response: {
          201: SupervisionView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request, reply) => {
      const link = await addSupervision(request.deps, actorOf(request), request.body);
      return reply.status(201).send(link);
    },
  );

  app.delete(
    '/supervision/:supervisorId/:clinicianId',
    {
      config: { roles: ['admin'], audit: 'supervision.delete' },
      schema: {
        tags: ['users'],
        summary: 'End a supervision link',
        params: z.strictObject({ supervisorId: Id, clinicianId: Id }),
        response: { 204: NoContent, 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] },
      },
    },
    async (request, reply) => {
      await removeSupervision(request.deps, actorOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
};
