import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { comparePlanVersions, getPlanVersion, listPlanVersions } from '../../../application/plan-versions.js';
import { discardPlanDraft, savePlanDraft } from '../../../application/save-plan-draft.js';
import { cosignPlan, signPlan } from '../../../application/sign-plan.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES, NoContent } from '../../../contract/common.js';
import {
  ComparePlansQuery,
  CosignPlanRequest,
  DiscardDraftQuery,
  PlanComparisonView,
  PlanParams,
  PlanVersionSummaryView,
  PlanView,
  SavePlanDraftRequest,
  SignPlanRequest,
} from '../../../contract/plans.js';
import type { TreatmentPlan } from '../../../domain/treatment-plans/treatment-plan.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

const READ_ERRORS = { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] } as const;
const WRITE_ERRORS = { ...READ_ERRORS, 400: ERROR_RESPONSES[400], 409: ERROR_RESPONSES[409] } as const;

function present(plan: TreatmentPlan): z.infer<typeof PlanView> {
  return structuredClone(plan) as z.infer<typeof PlanView>;
}

/**
 * Writing treatment plans (DESIGN 2.2): save the draft with the revision it was based on (`PUT /plan/draft`), discard
 * it, sign it (`POST /plan/sign`), co-sign a signed version, list the versions and compare two. The current plan
 * itself is `GET /clients/{clientId}/plan` (client routes). A stale revision is 409 and changes nothing.
 *
 * @example
 * await api.register(planRoutes);
 */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/clients/:clientId/plan/draft',
    {
      config: { reach: clientInPath('write', 'plan.draft.save'), audit: 'plan.draft.save' },
      schema: {
        tags: ['plans'],
        summary: 'Save the draft plan (opens a draft of the next version when revision is 0)',
        params: ClientParams,
        body: SavePlanDraftRequest,
        response: { 200: PlanView, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      present(await savePlanDraft(request.deps, actorOf(request), { ...request.body, ...request.params })),
  );

  app.delete(
    '/clients/:clientId/plan/draft',
    {
      config: { reach: clientInPath('write', 'plan.draft.discard'), audit: 'plan.draft.discard' },
      schema: {
        tags: ['plans'],
        summary: 'Discard the draft plan (signed versions stay)',
        params: ClientParams,
        querystring: DiscardDraftQuery,
        response: { 204: NoContent, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      await discardPlanDraft(request.deps, actorOf(request), { ...request.params, revision: request.query.revision });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/clients/:clientId/plan/sign',
    {
      config: { roles: ['clinician'], reach: clientInPath('write', 'plan.sign'), audit: 'plan.sign' },
      schema: {
        tags: ['plans'],
        summary: 'Sign the draft plan (409 plan-incomplete lists what is missing)',
        params: ClientParams,
        body: SignPlanRequest,
        response: { 200: PlanView, ...WRITE_ERRORS },
      },
    },
    async (request) => present(await signPlan(request.deps, actorOf(request), { ...request.body, ...request.params })),
  );

  app.post(
    '/clients/:clientId/plans/:planId/cosign',
    {
      config: { roles: ['supervisor'], reach: clientInPath('write', 'plan.cosign'), audit: 'plan.cosign' },
      schema: {
        tags: ['plans'],
        summary: 'Co-sign a signed plan version (a supervisor of the signing clinician)',
        params: PlanParams,
        body: CosignPlanRequest,
        response: { 200: PlanView, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      present(await cosignPlan(request.deps, actorOf(request), { ...request.body, ...request.params })),
  );

  app.get(
    '/clients/:clientId/plans',
    {
      config: { reach: clientInPath('read', 'plan.versions.list'), audit: 'plan.versions.list' },
      schema: {
        tags: ['plans'],
        summary: 'Every version of the plan, newest first',
        params: ClientParams,
        response: { 200: z.object({ items: z.array(PlanVersionSummaryView) }), ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: (await listPlanVersions(request.deps, actorOf(request), request.params)).map((v) => structuredClone(v)),
    }),
  );

  app.get(
    '/clients/:clientId/plans/compare',
    {
      config: { reach: clientInPath('read', 'plan.compare'), audit: 'plan.compare' },
      schema: {
        tags: ['plans'],
        summary: 'Compare two versions of the plan',
        params: ClientParams,
        querystring: ComparePlansQuery,
        response: { 200: PlanComparisonView, 400: ERROR_RESPONSES[400], ...READ_ERRORS },
      },
    },
    async (request) =>
      structuredClone(
        await comparePlanVersions(request.deps, actorOf(request), { ...request.query, ...request.params }),
      ) as z.infer<typeof PlanComparisonView>,
  );

  app.get(
    '/clients/:clientId/plans/:planId',
    {
      config: { reach: clientInPath('read', 'plan.read'), audit: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'One version of the plan',
        params: PlanParams,
        response: { 200: PlanView, ...READ_ERRORS },
      },
    },
    async (request) => present(await getPlanVersion(request.deps, actorOf(request), request.params)),
  );
};
