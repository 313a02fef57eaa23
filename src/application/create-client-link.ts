import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { getMeasure } from '../measures/registry.js';
import { type Actor, actorLabel } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { findClientLinkConsent } from './manage-client-consents.js';
import { parseInput } from './parse-input.js';
import type { ClientLink, Deps, Mailer, Store, TokenGenerator } from './ports.js';

/** How long a client link works unless asked otherwise (issue 7: default 7 days). */
export const CLIENT_LINK_DAYS = 7;
/** Most instruments one link asks for. */
const MAX_INSTRUMENTS = 5;

/** Deps of the client-link use cases: the usual ones plus random tokens and, when SMTP is configured, a mailer. */
export interface ClientLinkDeps extends Deps {
  readonly tokens: TokenGenerator;
  readonly mailer?: Mailer | null;
}

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  purpose: z.enum(['measures', 'log', 'endorse']),
  instruments: z.array(z.string().trim().min(1).max(100)).max(MAX_INSTRUMENTS).optional(),
  expiresInDays: z.number().int().min(1).max(30).optional(),
  deliver: z.enum(['copy', 'email']).optional(),
});

export type CreateClientLinkInput = z.input<typeof inputSchema>;

/** A link as handed to the clinician: its id, the token (shown once, never stored) and when it stops working. */
export interface IssuedClientLink {
  readonly link: ClientLink;
  readonly token: string;
  readonly url: string;
  readonly emailed: boolean;
}

/**
 * The key of a client-link token in storage (a SHA-256; the token itself is never stored).
 *
 * @example
 * clientLinkTokenHash(deps, 'k3…') // '9f…' (64 hex characters)
 */
export function clientLinkTokenHash(deps: Pick<Deps, 'digest'>, token: string): string {
  return deps.digest.sha256(`cairn client link v1\n${token}`);
}

function invalid(message: string, path: string): AppError {
  return new AppError(ErrorCode.invalidInput, `${path}: ${message}`, {
    issues: [{ code: 'invalid-field', severity: 'error', message: `${path}: ${message}`, path: [path] }],
  });
}

async function signedPlanId(store: Store, clientId: string): Promise<string> {
  const signed = (await store.listPlanVersions(clientId)).find((v) => v.status === 'signed');
  if (!signed) throw new AppError(ErrorCode.conflict, 'The client has no signed plan to endorse.');
  return signed.id;
}

/**
 * The e-mail carrying a client link: the practice name and the link only. Nothing clinical (no purpose, instrument or
 * plan) and no client name, in the subject or the body.
 *
 * @example
 * clientLinkMessage('Riverside CBT', 'https://…/l#t=…', '2026-12-10T12:00:00.000Z').subject // 'A secure link from Riverside CBT'
 */
export function clientLinkMessage(
  practiceName: string,
  url: string,
  expiresAt: string,
): { readonly subject: string; readonly text: string } {
  return {
    subject: `A secure link from ${practiceName}`,
    text:
      `${practiceName} has sent you a secure link:\n\n${url}\n\n` +
      `It works once and until ${expiresAt.slice(0, 10)}. Please do not forward this message.\n` +
      'If you did not expect it, you can ignore it.\n',
  };
}

/**
 * Creates a single-purpose link for a client (issue 7): `measures` (instruments to complete, with item wording, so
 * only instruments whose text Cairn holds), `log` (today's counts of the client's behaviours) or `endorse` (the signed
 * plan version to read and endorse). The client must have consented to be contacted this way
 * (`consent-required`). The token is 256 random bits, stored only as a SHA-256; the link expires after
 * CLIENT_LINK_DAYS unless asked otherwise. With `deliver: 'email'` the link is sent to the client's e-mail address
 * when SMTP is configured (`email-unavailable` otherwise, before anything is stored).
 *
 * @example
 * const issued = await createClientLink(deps, clinician, { clientId, purpose: 'measures', instruments: ['phq9'] }, urlOf);
 * issued.url // 'https://cairn.example.org/l#t=…'
 */
export async function createClientLink(
  deps: ClientLinkDeps,
  actor: Actor,
  input: CreateClientLinkInput,
  urlOf: (token: string) => string,
): Promise<IssuedClientLink> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'client-link.create');
  const v = parseInput(inputSchema, input);
  const instruments = [...new Set(v.instruments ?? [])];
  if (v.purpose === 'measures') {
    if (instruments.length === 0) throw invalid('must name at least one instrument', 'instruments');
    for (const id of instruments) {
      const definition = getMeasure(id);
      if (!definition) throw new AppError(ErrorCode.unknownInstrument, 'No such instrument.');
      if (definition.content !== 'full') {
        throw invalid('must be instruments whose item wording Cairn holds', 'instruments');
      }
    }
  } else if (instruments.length > 0) {
    throw invalid('only a measures link names instruments', 'instruments');
  }
  const client = await deps.store.findClientById(access.clientId);
  const practice = await deps.store.findPractice();
  if (!client || !practice) throw new Error('a client in reach was not found');
  if (!(await findClientLinkConsent(deps.store, access.clientId))) {
    throw new AppError(
      ErrorCode.consentRequired,
      'Record the client’s consent to be contacted through links (with its date) before sending one.',
    );
  }
  const email = v.deliver === 'email';
  if (email && !deps.mailer) throw new AppError(ErrorCode.emailUnavailable, 'E-mail (SMTP) is not configured.');
  if (email && !client.email) throw new AppError(ErrorCode.emailUnavailable, 'The client has no e-mail address.');
  if (v.purpose === 'log' && (await deps.store.listBehaviors(access.clientId)).length === 0) {
    throw new AppError(ErrorCode.conflict, 'Define a behaviour to count before sending a log link.');
  }
  const planId = v.purpose === 'endorse' ? await signedPlanId(deps.store, access.clientId) : null;

  const now = deps.clock.now();
  const token = deps.tokens.newToken(32);
  const link: ClientLink = {
    id: deps.ids.newId(),
    clientId: access.clientId,
    purpose: v.purpose,
    instruments: v.purpose === 'measures' ? instruments.map((id) => getMeasure(id)?.id ?? id) : [],
    planId,
    tokenHash: clientLinkTokenHash(deps, token),
    createdBy: actorLabel(actor),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (v.expiresInDays ?? CLIENT_LINK_DAYS) * 86_400_000).toISOString(),
    emailedAt: null,
    openedAt: null,
    usedAt: null,
    revokedAt: null,
  };
  const url = urlOf(token);
  await deps.store.transaction(async (tx) => {
    await tx.insertClientLink(link);
    await tx.appendAudit(
      [clientAuditEvent(actor, 'client-link.create', access.clientId, `client-link:${link.id}`)],
      link.createdAt,
    );
  });
  if (!email || !deps.mailer || !client.email) return { link, token, url, emailed: false };

  const message = clientLinkMessage(practice.name, url, link.expiresAt);
  try {
    await deps.mailer.send({ to: client.email, ...message });
  } catch (error) {
    // A link the client never received is of no use to anyone: revoke it so it cannot linger.
    const at = deps.clock.now().toISOString();
    await deps.store.transaction(async (tx) => {
      await tx.revokeClientLink(access.clientId, link.id, at);
      await tx.appendAudit(
        [clientAuditEvent(actor, 'client-link.email', access.clientId, `client-link:${link.id}`, 'failure')],
        at,
      );
    });
    throw new AppError(ErrorCode.emailUnavailable, 'The e-mail could not be sent; the link was revoked.', {
      cause: error,
    });
  }
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.markClientLink(link.id, { emailedAt: at });
    await tx.appendAudit([clientAuditEvent(actor, 'client-link.email', access.clientId, `client-link:${link.id}`)], at);
  });
  return { link: { ...link, emailedAt: at }, token, url, emailed: true };
}
