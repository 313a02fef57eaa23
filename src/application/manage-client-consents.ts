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
  kind: z.literal('client-links'),
  givenOn: z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)'),
  givenBy: z.enum(['client', 'guardian']),
});

export type RecordClientConsentInput = z.input<typeof recordSchema>;

/**
 * Records a client's consent to be contacted through client links and their e-mail (issue 7), with the date it was
 * given and who gave it (the client, or for a minor the guardian). The date may not be in the future.
 *
 * @example
 * await recordClientConsent(deps, clinician, { clientId, kind: 'client-links', givenOn: '2026-11-20', givenBy: 'client' });
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
  if (v.givenOn > todayInTimeZone(now, practice.timeZone)) {
    throw new AppError(ErrorCode.invalidInput, 'givenOn: must not be in the future', {
      issues: [issue('invalid-field', 'error', 'givenOn: must not be in the future', { path: ['givenOn'] })],
    });
  }
  const consent: ClientConsent = {
    id: deps.ids.newId(),
    clientId: access.clientId,
    kind: v.kind,
    givenOn: v.givenOn,
    givenBy: v.givenBy,
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
 * const consents = await listClientConsents(deps, clinician, { clientId }); // [{ kind: 'client-links', givenOn: … }]
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
 * The client's current consent to client links (the newest not withdrawn), or null.
 *
 * @example
 * const consent = await findClientLinkConsent(deps.store, clientId); // null: no link may be sent
 */
export async function findClientLinkConsent(store: Store, clientId: string): Promise<ClientConsent | null> {
  const consents = await store.listClientConsents(clientId);
  return consents.find((c) => c.kind === 'client-links' && c.withdrawnAt === null) ?? null;
}
