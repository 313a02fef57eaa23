import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { computePracticeOutcomes } from '../../../application/compute-practice-outcomes.js';
import type { PracticeOutcomesReader } from '../../../application/ports.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import { OutcomesQuery, OutcomesView } from '../../../contract/measures.js';
import { actorOf } from '../../route-helpers.js';

export interface OutcomeRoutesOptions {
  /** Runs the report off the request path (a worker thread on SQLite). */
  readonly outcomes: PracticeOutcomesReader;
}

/**
 * `GET /practice/outcomes?from&to&period&clinicianId`: rates of reliable improvement, deterioration and recovery by
 * clinician, instrument and period (clinicians see their own clients only; admins without a clinical role 403).
 *
 * @example
 * await api.register(outcomeRoutes, { outcomes });
 */
export const outcomeRoutes: FastifyPluginAsyncZod<OutcomeRoutesOptions> = async (app, options) => {
  app.get(
    '/practice/outcomes',
    {
      config: { roles: ['clinician', 'supervisor', 'auditor'], audit: 'outcomes.read' },
      schema: {
        tags: ['progress'],
        summary: 'Practice outcomes (aggregate counts and rates, no client records)',
        querystring: OutcomesQuery,
        response: {
          200: OutcomesView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
        },
      },
    },
    async (request) => {
      const { from, to, period, clinicianId } = request.query;
      const report = await computePracticeOutcomes({ ...request.deps, outcomes: options.outcomes }, actorOf(request), {
        from,
        to,
        ...(period ? { period } : {}),
        ...(clinicianId ? { clinicianId } : {}),
      });
      return structuredClone(report) as unknown as z.infer<typeof OutcomesView>;
    },
  );
};
