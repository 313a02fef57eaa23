import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteUser } from '../../../application/invite-user.js';
import type { IssuedPasswordLink } from '../../../application/issue-password-link.js';
import { listUsers } from '../../../application/list-users.js';
import { reassignCaseload } from '../../../application/reassign-caseload.js';
import { resetPassword } from '../../../application/reset-password.js';
import { revokeUserSessions } from '../../../application/revoke-user-sessions.js';
import { updateUser } from '../../../application/update-user.js';
import { ERROR_RESPONSES, IdParams, NoContent, PageQuery, pageOf } from '../../../contract/common.js';
import {
  CreatedUserView,
  CreateUserRequest,
  PasswordLinkView,
  ReassignCaseloadRequest,
  ReassignCaseloadResponse,
  RoleView,
  UpdateUserRequest,
  UserView,
} from '../../../contract/users.js';
import { presentUser } from '../../presenters.js';
import { publicBaseUrl, setPasswordUrl } from '../../public-base-url.js';
import { actorOf, paginate } from '../../route-helpers.js';

const ROLE_DESCRIPTIONS: readonly z.infer<typeof RoleView>[] = [
  { name: 'admin', description: 'Users, settings, retention, backups and the audit trail; no client data by itself.' },
  { name: 'clinician', description: 'Reads and writes the clients assigned to them.' },
  { name: 'supervisor', description: 'Reaches the clients of the clinicians they supervise; co-signs plans.' },
  { name: 'auditor', description: 'Reads signed plans, reviews, scores and the audit trail; never writes.' },
];

export interface UserRoutesOptions {
  /** CAIRN_PUBLIC_URL (null: the listen address): the base of set-password links. */
  readonly publicUrl: string | null;
}

/**
 * Staff accounts and roles (a contract other programs use — keep the paths and fields): `GET /users` (admin,
 * auditor), `POST /users {email,name,roles}` (admin) → 201 with a one-time set-password link, `PATCH /users/{id}`
 * (admin; deactivation and role change end sessions), `POST /users/{id}/reset-password` (admin) → a new link,
 * `POST /users/{id}/reassign-caseload {toUserId}` (admin) → `{moved}`, `DELETE /users/{id}/sessions` (admin) → 204,
 * `GET /roles`.
 *
 * @example
 * await api.register(userRoutes, { publicUrl: 'https://cairn.example.org' });
 */
export const userRoutes: FastifyPluginAsyncZod<UserRoutesOptions> = async (app, options) => {
  const presentLink = (link: IssuedPasswordLink): z.infer<typeof PasswordLinkView> => ({
    setPasswordUrl: setPasswordUrl(publicBaseUrl(app, options.publicUrl), link.token),
    setPasswordExpiresAt: link.expiresAt,
  });

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
        summary: 'Create a staff account, with a one-time set-password link (72 h) for its user',
        body: CreateUserRequest,
        response: {
          201: CreatedUserView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request, reply) => {
      const { user, link } = await inviteUser(request.deps, actorOf(request), request.body);
      reply.header('Cache-Control', 'no-store');
      return reply.status(201).send({ ...presentUser(user), ...presentLink(link) });
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

  app.post(
    '/users/:id/reset-password',
    {
      config: { roles: ['admin'], audit: 'user.password.reset' },
      schema: {
        tags: ['users'],
        summary: 'Reset a password: clears it, ends the sessions, revokes API tokens, answers a new one-time link',
        params: IdParams,
        response: {
          200: PasswordLinkView,
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request, reply) => {
      const { link } = await resetPassword(request.deps, actorOf(request), { userId: request.params.id });
      reply.header('Cache-Control', 'no-store');
      return reply.send(presentLink(link));
    },
  );

  app.post(
    '/users/:id/reassign-caseload',
    {
      config: { roles: ['admin'], audit: 'user.caseload.reassign' },
      schema: {
        tags: ['users'],
        summary: 'Move every primary assignment of a (departing) clinician to another active clinician',
        params: IdParams,
        body: ReassignCaseloadRequest,
        response: {
          200: ReassignCaseloadResponse,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          404: ERROR_RESPONSES[404],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request) =>
      reassignCaseload(request.deps, actorOf(request), {
        fromUserId: request.params.id,
        toUserId: request.body.toUserId,
      }),
  );

  app.delete(
    '/users/:id/sessions',
    {
      config: { roles: ['admin'], audit: 'user.sessions.revoke' },
      schema: {
        tags: ['users'],
        summary: 'Sign a staff account out everywhere: end every session and revoke every API token',
        params: IdParams,
        response: { 204: NoContent, 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] },
      },
    },
    async (request, reply) => {
      await revokeUserSessions(request.deps, actorOf(request), { userId: request.params.id });
      return reply.status(204).send(null);
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
