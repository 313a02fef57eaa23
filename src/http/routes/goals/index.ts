import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { checkGoalText } from '../../../application/check-goal-text.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { GoalCheckRequest, GoalCheckResponse } from '../../../contract/goals.js';
import { clientInBody } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

/**
 * `POST /goals/check`: SMART analysis of a goal text (analyzeGoalText), with the client's context when `clientId` is
 * given. A read: no CSRF-relevant state changes, but POST because the text goes in the body (never in a URL).
 *
 * @example
 * await api.register(goalRoutes);
 */
export const goalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/goals/check',
    {
      config: { reach: clientInBody('read', 'goal.check'), audit: 'goal.check' },
      schema: {
        tags: ['goals'],
        summary: 'SMART analysis of a goal or objective text',
        body: GoalCheckRequest,
        response: {
          200: GoalCheckResponse,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request) => {
      const analysis = await checkGoalText(request.deps, actorOf(request), request.body);
      // The domain's readonly analysis is the contract's shape; the response schema checks it on the way out.
      return structuredClone(analysis) as unknown as z.infer<typeof GoalCheckResponse>;
    },
  );
};
