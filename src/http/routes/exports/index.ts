import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportClientRecord } from '../../../application/export-client-record.js';
import { importFhirBundle, MAX_IMPORT_BYTES } from '../../../application/import-fhir-bundle.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { ExportQuery, ImportBody, ImportResultView } from '../../../contract/exports.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

/**
 * `GET /clients/{clientId}/exports?format=pdf|fhir|csv&document=…&from=&to=&purpose=&recipient=`: one client's
 * record as a file (the same use case as `cairn export`). A GET, not a POST: it changes nothing but the audit trail,
 * and a plain link can download it. The answer is the file with its content type, `Content-Disposition: attachment`
 * with an opaque file name (never the client's name or record number), `Cache-Control: no-store` and
 * `X-Content-Type-Options: nosniff`. `POST /clients/{clientId}/imports` takes a FHIR Bundle (`application/json` or
 * `application/fhir+json`, at most 2 MiB) and answers what was imported, skipped and ignored. Purpose and recipient are short free text for the audit trail: keep clinical
 * details out of them, as URLs reach proxy logs.
 *
 * @example
 * await api.register(exportRoutes);
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  // FHIR's own media type, parsed as JSON (this plugin's scope only).
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
    app.getDefaultJsonParser('error', 'error'),
  );
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
        ...(q.reviewId !== undefined ? { reviewId: q.reviewId } : {}),
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

  app.post(
    '/clients/:clientId/imports',
    {
      // Strict: the import is parsed whole in memory; a year of weekly measures is ~0.5 MB.
      bodyLimit: MAX_IMPORT_BYTES,
      config: { reach: clientInPath('write', 'import.fhir'), audit: 'import.fhir' },
      schema: {
        tags: ['exports'],
        summary: 'Import a FHIR R4 Bundle of QuestionnaireResponses (scored by Cairn; duplicates skipped)',
        params: ClientParams,
        body: ImportBody,
        response: {
          200: ImportResultView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request) => {
      const result = await importFhirBundle(request.deps, actorOf(request), {
        clientId: request.params.clientId,
        bundle: request.body,
      });
      return { ...result, administrationIds: [...result.administrationIds], ignored: [...result.ignored] };
    },
  );
};
