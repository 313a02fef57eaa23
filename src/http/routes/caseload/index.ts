import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listCaseload } from '../../../application/list-caseload.js';
import { CaseloadQuery, CaseloadRowView } from '../../../contract/clients.js';
import { ERROR_RESPONSES, pageOf } from '../../../contract/common.js';
import { AppError } from '../../../domain/shared/app-error.js';
import { ErrorCode } from '../../../domain/shared/error-codes.js';
import { presentCaseloadRow } from '../../presenters.js';
import { actorOf } from '../../route-helpers.js';

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return { createdAt: v[0], id: v[1] };
  } catch {
    // fall through
  }
  throw new AppError(ErrorCode.invalidInput, 'cursor: is not a cursor this API gave');
}

/**
 * `GET /caseload`: the clients in the caller's reach, newest first, with the primary clinician and latest scores.
 *
 * @example
 * await api.register(caseloadRoutes);
 */
export const caseloadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/caseload',
    {
      config: { audit: 'caseload.read' },
      schema: {
        tags: ['clients'],
        summary: 'The caseload: clients in reach, newest first',
        querystring: CaseloadQuery,
        response: { 200: pageOf(CaseloadRowView), 400: ERROR_RESPONSES[400], 401: ERROR_RESPONSES[401] },
      },
    },
    async (request) => {
      const { limit, cursor, status } = request.query;
      const entries = await listCaseload(request.deps, actorOf(request), {
        limit,
        after: decodeCursor(cursor),
        ...(status ? { status } : {}),
      });
      const last = entries[entries.length - 1];
      return {
        items: entries.map(presentCaseloadRow),
        nextCursor:
          entries.length === limit && last
            ? Buffer.from(JSON.stringify([last.createdAt, last.client.id])).toString('base64url')
            : null,
      };
    },
  );
};
