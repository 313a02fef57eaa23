import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupFirstAdmin } from '../../../application/setup-first-admin.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { SetupRequest } from '../../../contract/setup.js';
import { UserView } from '../../../contract/users.js';
import { presentUser } from '../../presenters.js';

/**
 * `POST /api/v1/setup {email,name,password}` → 201 with the first administrator (roles admin and clinician) while the
 * installation has no user; 409 afterwards.
 *
 * @example
 * await api.register(setupRoutes);
 */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/setup',
    {
      config: { access: 'public', audit: 'setup.first-admin', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Create the first administrator (first run only)',
        body: SetupRequest,
        response: { 201: UserView, 400: ERROR_RESPONSES[400], 403: ERROR_RESPONSES[403], 409: ERROR_RESPONSES[409] },
      },
    },
    async (request, reply) => {
      const user = await setupFirstAdmin(request.deps, { kind: 'anonymous', origin: request.ip }, request.body);
      return reply.status(201).send(presentUser(user));
    },
  );
};
