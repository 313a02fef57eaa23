import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPracticeSettings, updatePracticeSettings } from '../../../application/practice-settings.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { PracticeView, UpdateSettingsRequest } from '../../../contract/settings.js';
import { actorOf } from '../../route-helpers.js';

/**
 * Practice settings: `GET /settings` (every signed-in user), `PATCH /settings` (admin).
 *
 * @example
 * await api.register(settingsRoutes);
 */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings',
    {
      config: { audit: 'settings.read' },
      schema: {
        tags: ['settings'],
        summary: 'The practice and its settings',
        response: { 200: PracticeView, 401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404] },
      },
    },
    async (request) => getPracticeSettings(request.deps, actorOf(request)),
  );

  app.patch(
    '/settings',
    {
      config: { roles: ['admin'], audit: 'settings.update' },
      schema: {
        tags: ['settings'],
        summary: 'Change the practice name, time zone or settings',
        body: UpdateSettingsRequest,
        response: {
          200: PracticeView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request) => updatePracticeSettings(request.deps, actorOf(request), request.body),
  );
};
