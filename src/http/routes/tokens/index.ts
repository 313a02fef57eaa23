import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../../application/create-api-token.js';
import { listApiTokens } from '../../../application/list-api-tokens.js';
import type { ApiToken } from '../../../application/ports.js';
import { revokeApiToken } from '../../../application/revoke-api-token.js';
import { ERROR_RESPONSES, IdParams, NoContent } from '../../../contract/common.js';
import { CreatedTokenView, CreateTokenRequest, TokenView } from '../../../contract/tokens.js';
import { AppError } from '../../../domain/shared/app-error.js';
import { ErrorCode } from '../../../domain/shared/error-codes.js';
import { authOf } from '../../route-helpers.js';

function presentToken(t: ApiToken): z.infer<typeof TokenView> {
  return { id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt };
}

/**
 * API tokens for scripts (a contract other programs use — keep the paths and fields): `POST /tokens {name,
 * expiresInDays?}` → 201 with the secret (shown once; only from a browser session that passed the second factor,
 * never from another token), `GET /tokens` → the caller's own tokens without secrets, `DELETE /tokens/{id}` → 204.
 *
 * @example
 * await api.register(tokenRoutes);
 */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/tokens',
    {
      config: { audit: 'token.create' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (Authorization: Bearer) acting as yourself; the secret is shown once',
        body: CreateTokenRequest,
        response: {
          201: CreatedTokenView,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      if (auth.kind !== 'session') {
        throw new AppError(ErrorCode.forbidden, 'An API token cannot create tokens; sign in to create one.');
      }
      const { token, apiToken } = await createApiToken(request.deps, auth, request.body);
      reply.header('Cache-Control', 'no-store');
      return reply.status(201).send({
        id: apiToken.id,
        name: apiToken.name,
        token,
        createdAt: apiToken.createdAt,
        expiresAt: apiToken.expiresAt,
      });
    },
  );

  app.get(
    '/tokens',
    {
      config: { audit: 'token.list' },
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens that are not revoked, newest first (no secrets)',
        response: { 200: z.object({ items: z.array(TokenView) }), 401: ERROR_RESPONSES[401] },
      },
    },
    async (request) => {
      const tokens = await listApiTokens(request.deps, authOf(request).actor);
      return { items: tokens.map(presentToken) };
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { audit: 'token.revoke' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of your API tokens (refused from the next request on)',
        params: IdParams,
        response: { 204: NoContent, 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] },
      },
    },
    async (request, reply) => {
      await revokeApiToken(request.deps, authOf(request).actor, { tokenId: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
