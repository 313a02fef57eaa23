import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createClientLink } from '../../../application/create-client-link.js';
import { listClientConsents, recordClientConsent } from '../../../application/manage-client-consents.js';
import { clientLinkState, listClientLinks, revokeClientLink } from '../../../application/manage-client-links.js';
import { openClientLink, saveClientLinkAnswers } from '../../../application/open-client-link.js';
import type { ClientLink, Mailer } from '../../../application/ports.js';
import { submitClientLink } from '../../../application/submit-client-link.js';
import {
  ClientLinkCreated,
  ClientLinkParams,
  ClientLinkView,
  ConsentView,
  CreateClientLinkRequest,
  LINK_TOKEN_HEADER,
  LinkContextView,
  RecordConsentRequest,
  SaveLinkAnswersRequest,
  SaveLinkAnswersResponse,
  SubmitLinkRequest,
  SubmitLinkResponse,
} from '../../../contract/client-links.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES, NoContent } from '../../../contract/common.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { publicBaseUrl } from '../../public-base-url.js';
import { actorOf } from '../../route-helpers.js';

const READ_ERRORS = { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] } as const;
const WRITE_ERRORS = { ...READ_ERRORS, 400: ERROR_RESPONSES[400], 409: ERROR_RESPONSES[409] } as const;
const LINK_ERRORS = { 400: ERROR_RESPONSES[400], 404: ERROR_RESPONSES[404], 429: ERROR_RESPONSES[429] } as const;

export interface ClientLinkRoutesOptions {
  /** CAIRN_PUBLIC_URL (null: the listen address): the base of client links. */
  readonly publicUrl: string | null;
  /** SMTP when configured; null: links are copied, never e-mailed. */
  readonly mailer: Mailer | null;
  /** Requests per address and window on the client page's routes (default 60 per minute). */
  readonly linkLimit: { readonly max: number; readonly timeWindow: number };
}

/**
 * The client page's URL for a token: `/l`, with the token in the fragment, which browsers never send, so it reaches no
 * server or proxy log (the page sends it in the X-Cairn-Link header).
 *
 * @example
 * clientLinkUrl('https://cairn.example.org', 'k3…') // 'https://cairn.example.org/l#t=k3…'
 */
export function clientLinkUrl(base: string, token: string): string {
  return `${base}/l#t=${encodeURIComponent(token)}`;
}

function presentLink(link: ClientLink, now: Date): ClientLinkView {
  return {
    id: link.id,
    purpose: link.purpose,
    instruments: [...link.instruments],
    state: clientLinkState(link, now),
    createdBy: link.createdBy,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    emailedAt: link.emailedAt,
    openedAt: link.openedAt,
    usedAt: link.usedAt,
    revokedAt: link.revokedAt,
  };
}

function tokenOf(request: FastifyRequest): string {
  const sent = request.headers[LINK_TOKEN_HEADER];
  return typeof sent === 'string' ? sent.trim() : '';
}

/**
 * Client links (issue 7). The clinician's side: `POST /clients/{clientId}/consents` (consent to be contacted through
 * links, with its date), `GET …/consents`, `POST /clients/{clientId}/links {purpose, instruments?}` → 201
 * `{url, expiresAt}` (the URL absolute, from CAIRN_PUBLIC_URL, never the Host header), `GET …/links` (no secrets),
 * `DELETE …/links/{linkId}`. The client page's side, public and rate limited, with the token in `X-Cairn-Link`:
 * `GET /link`, `PUT /link/answers`, `POST /link/submit`; an unknown, expired, used or revoked link is
 * `link-unavailable` (404) whatever the reason.
 *
 * @example
 * await api.register(clientLinkRoutes, { publicUrl, mailer: null, linkLimit: { max: 60, timeWindow: 60_000 } });
 */
export const clientLinkRoutes: FastifyPluginAsyncZod<ClientLinkRoutesOptions> = async (app, options) => {
  app.post(
    '/clients/:clientId/consents',
    {
      config: { reach: clientInPath('write', 'consent.create'), audit: 'consent.create' },
      schema: {
        tags: ['client links'],
        summary: 'Record the client’s consent to be contacted through links and e-mail (with its date)',
        params: ClientParams,
        body: RecordConsentRequest,
        response: { 201: ConsentView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const c = await recordClientConsent(request.deps, actorOf(request), { ...request.body, ...request.params });
      return reply.status(201).send({ ...c });
    },
  );

  app.get(
    '/clients/:clientId/consents',
    {
      config: { reach: clientInPath('read', 'consent.list'), audit: 'consent.list' },
      schema: {
        tags: ['client links'],
        summary: 'The client’s recorded consents, newest first',
        params: ClientParams,
        response: { 200: z.object({ items: z.array(ConsentView) }), ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: (await listClientConsents(request.deps, actorOf(request), request.params)).map((c) => ({ ...c })),
    }),
  );

  app.post(
    '/clients/:clientId/links',
    {
      config: {
        reach: clientInPath('write', 'client-link.create'),
        audit: 'client-link.create',
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['client links'],
        summary: 'Create a single-purpose link for the client (measures, log or endorse), optionally e-mailed',
        params: ClientParams,
        body: CreateClientLinkRequest,
        response: { 201: ClientLinkCreated, ...WRITE_ERRORS, 429: ERROR_RESPONSES[429] },
      },
    },
    async (request, reply) => {
      const base = publicBaseUrl(app, options.publicUrl);
      const issued = await createClientLink(
        { ...request.deps, mailer: options.mailer },
        actorOf(request),
        { ...request.body, ...request.params },
        (token) => clientLinkUrl(base, token),
      );
      return reply.status(201).send({ url: issued.url, expiresAt: issued.link.expiresAt });
    },
  );

  app.get(
    '/clients/:clientId/links',
    {
      config: { reach: clientInPath('read', 'client-link.list'), audit: 'client-link.list' },
      schema: {
        tags: ['client links'],
        summary: 'The client’s links, newest first (never their tokens)',
        params: ClientParams,
        response: { 200: z.object({ items: z.array(ClientLinkView) }), ...READ_ERRORS },
      },
    },
    async (request) => {
      const links = await listClientLinks(request.deps, actorOf(request), request.params);
      const now = request.deps.clock.now();
      return { items: links.map((l) => presentLink(l, now)) };
    },
  );

  app.delete(
    '/clients/:clientId/links/:linkId',
    {
      config: { reach: clientInPath('write', 'client-link.revoke'), audit: 'client-link.revoke' },
      schema: {
        tags: ['client links'],
        summary: 'Revoke an unused link: it stops working at once',
        params: ClientLinkParams,
        response: { 204: NoContent, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      await revokeClientLink(request.deps, actorOf(request), request.params);
      return reply.status(204).send(null);
    },
  );

  const linkConfig = (audit: string) => ({
    access: 'public' as const,
    audit,
    rateLimit: { max: options.linkLimit.max, timeWindow: options.linkLimit.timeWindow },
  });
  const tokenHeader = z.looseObject({ [LINK_TOKEN_HEADER]: z.string().max(200).optional() });

  app.get(
    '/link',
    {
      config: linkConfig('client-link.open'),
      schema: {
        tags: ['client page'],
        summary: 'What a client link is for, with the minimum around it (token in X-Cairn-Link)',
        headers: tokenHeader,
        response: { 200: LinkContextView, ...LINK_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const c = await openClientLink(request.deps, tokenOf(request));
      return structuredClone(c) as z.infer<typeof LinkContextView>;
    },
  );

  app.put(
    '/link/answers',
    {
      config: linkConfig('client-link.answers.save'),
      schema: {
        tags: ['client page'],
        summary: 'Save the answers so far for one instrument of a measures link',
        headers: tokenHeader,
        body: SaveLinkAnswersRequest,
        response: { 200: SaveLinkAnswersResponse, ...LINK_ERRORS },
      },
    },
    async (request) => saveClientLinkAnswers(request.deps, tokenOf(request), request.body),
  );

  app.post(
    '/link/submit',
    {
      config: linkConfig('client-link.submit'),
      schema: {
        tags: ['client page'],
        summary: 'Complete the link, once: scores the answers, records the counts or the endorsement',
        headers: tokenHeader,
        body: SubmitLinkRequest,
        response: { 200: SubmitLinkResponse, ...LINK_ERRORS },
      },
    },
    async (request) => {
      const result = await submitClientLink(request.deps, tokenOf(request), request.body);
      const practice = result.critical ? await request.deps.store.findPractice() : null;
      return { ...result, crisisText: practice ? practice.settings.crisisText : null };
    },
  );
};
