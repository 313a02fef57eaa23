import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getClientSeries } from '../../../application/get-client-series.js';
import { listAdministrations } from '../../../application/list-administrations.js';
import { defineBehavior, listBehaviors } from '../../../application/manage-behaviors.js';
import type { Administration } from '../../../application/ports.js';
import { recordAdministration } from '../../../application/record-administration.js';
import { recordBehaviorLog } from '../../../application/record-behavior-log.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES, PageQuery, pageOf } from '../../../contract/common.js';
import {
  AdministrationView,
  AlertView,
  BehaviorLogView,
  BehaviorParams,
  BehaviorView,
  DefineBehaviorRequest,
  RecordAdministrationRequest,
  RecordAdministrationResponse,
  RecordBehaviorLogRequest,
  SeriesQuery,
  SeriesView,
} from '../../../contract/measures.js';
import { getMeasure } from '../../../measures/registry.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf, paginate } from '../../route-helpers.js';

const AdministrationsQuery = PageQuery.extend({ instrument: z.string().max(100).optional() });

const READ_ERRORS = { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] } as const;
const WRITE_ERRORS = { ...READ_ERRORS, 400: ERROR_RESPONSES[400], 409: ERROR_RESPONSES[409] } as const;

/** An administration as the contract shows it: the score as `cairn measures score --json` prints it. */
function presentAdministration(a: Administration): z.infer<typeof AdministrationView> {
  return {
    id: a.id,
    clientId: a.clientId,
    instrument: a.instrumentId,
    instrumentVersion: a.instrumentVersion,
    administeredAt: a.administeredAt,
    administeredOn: a.administeredOn,
    source: a.source,
    answers: [...a.answers],
    score: {
      instrument: a.instrumentId,
      version: a.instrumentVersion,
      // An instrument reported only by subscales (DASS-21) has no total.
      total: getMeasure(a.instrumentId)?.scoring.total === null ? null : a.total,
      severity: a.severity,
      prorated: a.prorated,
      subscales: { ...a.subscales },
      flags: a.flags.map((f) => ({ ...f })),
    },
    recordedBy: a.recordedBy,
  };
}

/** Domain objects are readonly; the contract's inferred types are not. The response schema checks the shape. */
function asContract<T extends z.ZodType>(_schema: T, value: unknown): z.infer<T> {
  return structuredClone(value) as z.infer<T>;
}

/**
 * Measures: `POST /clients/{clientId}/administrations` (scored on the server; critical items raise alerts),
 * `GET /clients/{clientId}/series`, behaviours (`GET`/`POST /clients/{clientId}/behaviors`) and their counts
 * (`POST /clients/{clientId}/behaviors/{behaviorId}/logs`).
 *
 * @example
 * await api.register(measureRoutes);
 */
export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/clients/:clientId/administrations',
    {
      config: { reach: clientInPath('write', 'administration.create'), audit: 'administration.create' },
      schema: {
        tags: ['measures'],
        summary: 'Record a completed questionnaire (scored here; answers kept)',
        params: ClientParams,
        body: RecordAdministrationRequest,
        response: { 201: RecordAdministrationResponse, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { instrument, ...rest } = request.body;
      const result = await recordAdministration(request.deps, actorOf(request), {
        ...rest,
        instrumentId: instrument,
        ...request.params,
      });
      return reply.status(201).send({
        ...presentAdministration(result.administration),
        alerts: asContract(z.array(AlertView), result.alerts),
      });
    },
  );

  app.get(
    '/clients/:clientId/administrations',
    {
      config: { reach: clientInPath('read', 'administration.list'), audit: 'administration.list' },
      schema: {
        tags: ['measures'],
        summary: 'Completed questionnaires with answers and scores, newest first',
        params: ClientParams,
        querystring: AdministrationsQuery,
        response: { 200: pageOf(AdministrationView), ...READ_ERRORS, 400: ERROR_RESPONSES[400] },
      },
    },
    async (request) => {
      const { instrument, limit, cursor } = request.query;
      const items = await listAdministrations(request.deps, actorOf(request), {
        ...request.params,
        ...(instrument ? { instrumentId: instrument } : {}),
      });
      return paginate(items.map(presentAdministration), limit, cursor);
    },
  );

  app.get(
    '/clients/:clientId/series',
    {
      config: { reach: clientInPath('read', 'series.read'), audit: 'series.read' },
      schema: {
        tags: ['measures'],
        summary: 'Scores per instrument and counts per behaviour over time (oldest first)',
        params: ClientParams,
        querystring: SeriesQuery,
        response: { 200: SeriesView, ...READ_ERRORS, 400: ERROR_RESPONSES[400] },
      },
    },
    async (request) => {
      const series = await getClientSeries(request.deps, actorOf(request), {
        ...request.params,
        ...(request.query.instrumentId ? { instrumentId: request.query.instrumentId } : {}),
      });
      return asContract(SeriesView, series);
    },
  );

  app.get(
    '/clients/:clientId/behaviors',
    {
      config: { reach: clientInPath('read', 'behavior.list'), audit: 'behavior.list' },
      schema: {
        tags: ['measures'],
        summary: 'The client’s counted behaviours',
        params: ClientParams,
        response: { 200: z.object({ items: z.array(BehaviorView) }), ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: (await listBehaviors(request.deps, actorOf(request), request.params)).map((b) => ({ ...b })),
    }),
  );

  app.post(
    '/clients/:clientId/behaviors',
    {
      config: { reach: clientInPath('write', 'behavior.create'), audit: 'behavior.create' },
      schema: {
        tags: ['measures'],
        summary: 'Define a behaviour to count',
        params: ClientParams,
        body: DefineBehaviorRequest,
        response: { 201: BehaviorView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const b = await defineBehavior(request.deps, actorOf(request), { ...request.body, ...request.params });
      return reply.status(201).send({ ...b });
    },
  );

  app.post(
    '/clients/:clientId/behaviors/:behaviorId/logs',
    {
      config: { reach: clientInPath('write', 'behavior-log.create'), audit: 'behavior-log.create' },
      schema: {
        tags: ['measures'],
        summary: 'Record how often the behaviour happened in one period',
        params: BehaviorParams,
        body: RecordBehaviorLogRequest,
        response: { 201: BehaviorLogView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const entry = await recordBehaviorLog(request.deps, actorOf(request), { ...request.body, ...request.params });
      return reply.status(201).send({ ...entry });
    },
  );
};
