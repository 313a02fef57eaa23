import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createClient } from '../../../application/create-client.js';
import { getClient } from '../../../application/get-client.js';
import { getCurrentPlan } from '../../../application/get-current-plan.js';
import {
  assertMayAssign,
  assignClinician,
  listAssignments,
  unassignClinician,
} from '../../../application/manage-assignments.js';
import { addDiagnosis, listDiagnoses } from '../../../application/manage-diagnoses.js';
import { getFormulation, saveFormulation } from '../../../application/manage-formulation.js';
import {
  AddDiagnosisRequest,
  AssignmentView,
  AssignRequest,
  ClientParams,
  ClientRecordView,
  ClientView,
  CreateClientRequest,
  DiagnosisView,
} from '../../../contract/clients.js';
import { ERROR_RESPONSES, Id, NoContent } from '../../../contract/common.js';
import { FormulationView, SaveFormulationRequest } from '../../../contract/formulation.js';
import { PlanView } from '../../../contract/plans.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { presentAssignment, presentClient } from '../../presenters.js';
import { actorOf } from '../../route-helpers.js';

const READ_ERRORS = { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] } as const;
const WRITE_ERRORS = { ...READ_ERRORS, 400: ERROR_RESPONSES[400], 409: ERROR_RESPONSES[409] } as const;

/**
 * Clients and what hangs off them: `POST /clients` (201), `GET /clients/{clientId}`, assignments, diagnoses,
 * formulation and the current plan. A client outside the caller's reach is 404 on every route, before the body is
 * validated. Client data travels in bodies only; paths carry opaque ids.
 *
 * @example
 * await api.register(clientRoutes);
 */
export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/clients',
    {
      config: { roles: ['clinician', 'supervisor', 'admin'], audit: 'client.create' },
      schema: {
        tags: ['clients'],
        summary: 'Register a client (the caller, or a supervisee, becomes the primary clinician)',
        body: CreateClientRequest,
        response: { 201: ClientView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { firstName, lastName, ...rest } = request.body;
      const client = await createClient(request.deps, actorOf(request), {
        ...rest,
        givenName: firstName,
        familyName: lastName,
      });
      return reply.status(201).send(presentClient(client));
    },
  );

  app.get(
    '/clients/:clientId',
    {
      config: { reach: clientInPath('read', 'client.read'), audit: 'client.read' },
      schema: {
        tags: ['clients'],
        summary: 'A client with its assignments and diagnoses',
        params: ClientParams,
        response: { 200: ClientRecordView, ...READ_ERRORS },
      },
    },
    async (request) => {
      const r = await getClient(request.deps, actorOf(request), request.params);
      return {
        client: presentClient(r.client),
        assignments: r.assignments.map(presentAssignment),
        diagnoses: r.diagnoses.map((d) => ({ ...d })),
      };
    },
  );

  app.get(
    '/clients/:clientId/assignments',
    {
      config: { reach: clientInPath('read', 'assignment.list'), audit: 'assignment.list' },
      schema: {
        tags: ['clients'],
        summary: 'Who is assigned to the client, newest first',
        params: ClientParams,
        response: { 200: z.object({ items: z.array(AssignmentView) }), ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: (await listAssignments(request.deps, actorOf(request), request.params)).map(presentAssignment),
    }),
  );

  app.post(
    '/clients/:clientId/assignments',
    {
      config: {
        reach: async (request) => {
          const { clientId } = request.params as { clientId?: string };
          await assertMayAssign(request.deps, actorOf(request), clientId ?? '', 'assignment.create');
        },
        audit: 'assignment.create',
      },
      schema: {
        tags: ['clients'],
        summary: 'Assign a clinician (primary moves the primary role; the previous one stays as additional)',
        params: ClientParams,
        body: AssignRequest,
        response: { 201: AssignmentView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const a = await assignClinician(request.deps, actorOf(request), { ...request.body, ...request.params });
      return reply.status(201).send(presentAssignment(a));
    },
  );

  app.delete(
    '/clients/:clientId/assignments/:userId',
    {
      config: {
        reach: async (request) => {
          const { clientId } = request.params as { clientId?: string };
          await assertMayAssign(request.deps, actorOf(request), clientId ?? '', 'assignment.delete');
        },
        audit: 'assignment.delete',
      },
      schema: {
        tags: ['clients'],
        summary: 'Remove an additional clinician',
        params: z.strictObject({ clientId: Id, userId: Id }),
        response: { 204: NoContent, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      await unassignClinician(request.deps, actorOf(request), request.params);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/clients/:clientId/diagnoses',
    {
      config: { reach: clientInPath('read', 'diagnosis.list'), audit: 'diagnosis.list' },
      schema: {
        tags: ['clients'],
        summary: 'Diagnoses (ICD-10-CM), newest first',
        params: ClientParams,
        response: { 200: z.object({ items: z.array(DiagnosisView) }), ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: (await listDiagnoses(request.deps, actorOf(request), request.params)).map((d) => ({ ...d })),
    }),
  );

  app.post(
    '/clients/:clientId/diagnoses',
    {
      config: { reach: clientInPath('write', 'diagnosis.create'), audit: 'diagnosis.create' },
      schema: {
        tags: ['clients'],
        summary: 'Record a diagnosis',
        params: ClientParams,
        body: AddDiagnosisRequest,
        response: { 201: DiagnosisView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const d = await addDiagnosis(request.deps, actorOf(request), { ...request.body, ...request.params });
      return reply.status(201).send({ ...d });
    },
  );

  app.get(
    '/clients/:clientId/formulation',
    {
      config: { reach: clientInPath('read', 'formulation.read'), audit: 'formulation.read' },
      schema: {
        tags: ['formulation'],
        summary: 'The structured formulation',
        params: ClientParams,
        response: { 200: FormulationView, ...READ_ERRORS },
      },
    },
    async (request) => {
      const f = await getFormulation(request.deps, actorOf(request), request.params);
      return { ...f, problemAreas: [...f.problemAreas], elements: f.elements.map((e) => ({ ...e })) };
    },
  );

  app.put(
    '/clients/:clientId/formulation',
    {
      config: { reach: clientInPath('write', 'formulation.update'), audit: 'formulation.update' },
      schema: {
        tags: ['formulation'],
        summary: 'Replace the formulation (elements keep the ids sent)',
        params: ClientParams,
        body: SaveFormulationRequest,
        response: { 200: FormulationView, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const f = await saveFormulation(request.deps, actorOf(request), { ...request.body, ...request.params });
      return { ...f, problemAreas: [...f.problemAreas], elements: f.elements.map((e) => ({ ...e })) };
    },
  );

  app.get(
    '/clients/:clientId/plan',
    {
      config: { reach: clientInPath('read', 'plan.read'), audit: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'The current treatment plan version',
        params: ClientParams,
        response: { 200: PlanView, ...READ_ERRORS },
      },
    },
    async (request) => {
      const plan = await getCurrentPlan(request.deps, actorOf(request), request.params);
      return structuredClone(plan) as z.infer<typeof PlanView>;
    },
  );
};
