import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { getPlanProgress } from '../../../application/get-plan-progress.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { ProgressView } from '../../../contract/measures.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

/**
 * `GET /clients/{clientId}/progress`: the current plan's progress, per target the status and the rule that decided
 * it, with the series each was judged on.
 *
 * @example
 * await api.register(progressRoutes);
 */
export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clients/:clientId/progress',
    {
      config: { reach: clientInPath('read', 'progress.read'), audit: 'progress.read' },
      schema: {
        tags: ['progress'],
        summary: 'Progress of the current plan (status per target with the deciding rule)',
        params: ClientParams,
        response: {
          200: ProgressView,
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request) => {
      const view = await getPlanProgress(request.deps, actorOf(request), request.params);
      return structuredClone(view) as unknown as z.infer<typeof ProgressView>;
    },
  );
};
