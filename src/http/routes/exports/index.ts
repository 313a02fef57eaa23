import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportClientRecord } from '../../../application/export-client-record.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { ExportQuery } from '../../../contract/exports.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

/**
 * `GET /clients/{clientId}/exports?format=pdf|fhir|csv&document=…&from=&to=&purpose=&recipient=`: one client's
 * record as a file (the same use case as `cairn export`). A GET, not a POST: it changes nothing but the audit trail,
 * and a plain link can download it. The answer is the file with its content type, `Content-Disposition: attachment`
 * with an opaque file name (never the client's name or record number), `Cache-Control: no-store` and
 * `X-Content-Type-Options: nosniff`. Purpose and recipient are short free text for the audit trail: keep clinical
 * details out of them, as URLs reach proxy logs.
 *
 * @example
 * await api.register(exportRoutes);
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clients/:clientId/exports',
    {
      config: { reach: clientInPath('read', 'export'), audit: 'export' },
      schema: {
        tags: ['exports'],
        summary: 'Export the client record: plan, progress report or audit packet PDF, FHIR R4 Bundle, CSV',
        params: ClientParams,
        querystring: ExportQuery,
        produces: ['application/pdf', 'application/fhir+json', 'text/csv'],
        response: {
          200: z.any().describe('The file: PDF, FHIR JSON or CSV, as an attachment'),
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const file = await exportClientRecord(request.deps, actorOf(request), {
        clientId: request.params.clientId,
        format: q.format,
        ...(q.document !== undefined ? { document: q.document } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.purpose !== undefined ? { purpose: q.purpose } : {}),
        ...(q.recipient !== undefined ? { recipient: q.recipient } : {}),
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.body));
    },
  );
};
