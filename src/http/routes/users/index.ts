import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser } from '../../../application/add-user.js';
import { listUsers } from '../../../application/list-users.js';
import { updateUser } from '../../../application/update-user.js';
import { ERROR_RESPONSES, IdParams, PageQuery, pageOf } from '../../../contract/common.js';
import { CreateUserRequest, RoleView, UpdateUserRequest, UserView } from '../../../contract/users.js';
import { presentUser } from '../../presenters.js';
import { actorOf, paginate } from '../../route-helpers.js';

const ROLE_DESCRIPTIONS: readonly z.infer<typeof RoleView>[] = [
  { name: 'admin', description: 'Users, settings, retention, backups and the audit trail; no client data by itself.' },
  { name: 'clinician', description: 'Reads and writes the clients assigned to them.' },
  { name: 'supervisor', description: 'Reaches the clients of the clinicians they supervise; co-signs plans.' },
  { name: 'auditor', description: 'Reads signed plans, reviews, scores and the audit trail; never writes.' },
];

/**
 * Staff accounts and roles: `GET /users` (admin, auditor), `POST /users` (admin, 201), `PATCH /users/{id}` (admin),
 * `GET /roles`.
 *
 * @example
 * await api.register(userRoutes);
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { roles: ['admin', 'auditor'], audit: 'user.list' },
      schema: {
        tags: ['users'],
        summary: 'Staff accounts, newest first',
        querystring: PageQuery,
        response: { 200: pageOf(UserView), 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] },
      },
    },
    async (request) => {
      const users = await listUsers(request.deps, actorOf(request));
      return paginate(users.map(presentUser), request.query.limit, request.query.cursor);
    },
  );

  app.post(
    '/users',
    {
      config: { roles: ['admin'], audit: 'user.create' },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account',
        body: CreateUserRequest,
        response: {
          201: UserView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request, reply) => {
      const user = await addUser(request.deps, actorOf(request), request.body);
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { roles: ['admin'], audit: 'user.update' },
      schema: {
        tags: ['users'],
        summary: 'Change a staff account (a deactivation or role change ends its sessions)',
        params: IdParams,
        body: UpdateUserRequest,
        response: {
          200: UserView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request) => {
      const user = await updateUser(request.deps, actorOf(request), { ...request.body, userId: request.params.id });
      return presentUser(user);
    },
  );

  app.get(
    '/roles',
    {
      config: { audit: 'role.list' },
      schema: {
        tags: ['users'],
        summary: 'The roles a user may hold',
        response: { 200: z.object({ items: z.array(RoleView) }), 401: ERROR_RESPONSES[401] },
      },
    },
    async () => ({ items: [...ROLE_DESCRIPTIONS] }),
  );
};
