import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { issue } from '../domain/shared/issue.js';
import { type Actor, actorLabel } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { ClientConsent, Deps, Store } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const recordSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  kind: z.enum(['treatment', 'contact']),
  method: z.enum(['verbal', 'written', 'electronic']),
  /** Default: today in the practice time zone. */
  givenOn: z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)').optional(),
  /** Default: the client. */
  givenBy: z.enum(['client', 'guardian']).optional(),
  textVersion: z.string().trim().min(1).max(100).optional(),
});

export type RecordClientConsentInput = z.input<typeof recordSchema>;

/**
 * Records a client's consent (issue 12 contract: `POST /clients/{id}/consents {kind, method}`): to treatment, or to
 * be contacted — client links and their e-mail (issue 7) need a `contact` consent. With how it was given, the date
 * (default today; never in the future), who gave it (the client, or for a minor the guardian) and the version of
 * the consent text when there is one.
 *
 * @example
 * await recordClientConsent(deps, clinician, { clientId, kind: 'contact', method: 'verbal' });
 */
export async function recordClientConsent(
  deps: Deps,
  actor: Actor,
  input: RecordClientConsentInput,
): Promise<ClientConsent> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'consent.create');
  const v = parseInput(recordSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('a client exists without a practice');
  const now = deps.clock.now();
  const today = todayInTimeZone(now, practice.timeZone);
  const givenOn = v.givenOn ?? today;
  if (givenOn > today) {
    throw new AppError(ErrorCode.invalidInput, 'givenOn: must not be in the future', {
      issues: [issue('invalid-field', 'error', 'givenOn: must not be in the future', { path: ['givenOn'] })],
    });
  }
  const consent: ClientConsent = {
    id: deps.ids.newId(),
    clientId: access.clientId,
    kind: v.kind,
    method: v.method,
    textVersion: v.textVersion ?? null,
    givenOn,
    givenBy: v.givenBy ?? 'client',
    recordedBy: actorLabel(actor),
    recordedAt: now.toISOString(),
    withdrawnAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.insertClientConsent(consent);
    await tx.appendAudit(
      [clientAuditEvent(actor, 'consent.create', access.clientId, `consent:${consent.id}`)],
      consent.recordedAt,
    );
  });
  return consent;
}

/**
 * The client's recorded consents, newest first.
 *
 * @example
 * const consents = await listClientConsents(deps, clinician, { clientId }); // [{ kind: 'contact', givenOn: … }]
 */
export async function listClientConsents(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<readonly ClientConsent[]> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'consent.list');
  const consents = await deps.store.listClientConsents(access.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'consent.list', access.clientId, `client:${access.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return consents;
}

/**
 * The client's current consent to be contacted (the newest `contact` consent not withdrawn), or null: without it no
 * link is created or e-mailed.
 *
 * @example
 * const consent = await findClientLinkConsent(deps.store, clientId); // null: no link may be sent
 */
export async function findClientLinkConsent(store: Store, clientId: string): Promise<ClientConsent | null> {
  const consents = await store.listClientConsents(clientId);
  return consents.find((c) => c.kind === 'contact' && c.withdrawnAt === null) ?? null;
}
