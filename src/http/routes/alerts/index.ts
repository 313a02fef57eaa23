import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acknowledgeAlert } from '../../../application/acknowledge-alert.js';
import { listClientAlerts } from '../../../application/list-client-alerts.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { AcknowledgeAlertRequest, AlertsQuery, ClosedAlertView, StoredAlertView } from '../../../contract/measures.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

/**
 * Kept alerts: `GET /clients/{clientId}/alerts[?open=true]` (newest first) and
 * `POST /clients/{clientId}/alerts/acknowledge {alertKey, action, note}` — the only way a critical-item alert closes.
 *
 * @example
 * await api.register(alertRoutes);
 */
export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clients/:clientId/alerts',
    {
      config: { reach: clientInPath('read', 'alert.list'), audit: 'alert.list' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts that only a recorded action closes, newest first',
        params: ClientParams,
        querystring: AlertsQuery,
        response: {
          200: z.object({ items: z.array(StoredAlertView) }),
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
        },
      },
    },
    async (request) => {
      const alerts = await listClientAlerts(request.deps, actorOf(request), {
        ...request.params,
        ...(request.query.open === undefined ? {} : { open: request.query.open }),
      });
      return { items: structuredClone(alerts) as unknown as z.infer<typeof StoredAlertView>[] };
    },
  );

  app.post(
    '/clients/:clientId/alerts/acknowledge',
    {
      config: { reach: clientInPath('write', 'alert.acknowledge'), audit: 'alert.acknowledge' },
      schema: {
        tags: ['alerts'],
        summary: 'Record what was done about an open alert and close it',
        params: ClientParams,
        body: AcknowledgeAlertRequest,
        response: {
          200: ClosedAlertView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request) => {
      const closed = await acknowledgeAlert(request.deps, actorOf(request), { ...request.body, ...request.params });
      return structuredClone(closed) as unknown as z.infer<typeof ClosedAlertView>;
    },
  );
};
