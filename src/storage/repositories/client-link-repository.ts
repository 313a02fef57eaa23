import type { Kysely } from 'kysely';
import type { ClientConsent, ClientLink, ClientLinkPurpose, PlanEndorsementRecord } from '../../application/ports.js';
import type { Endorsement } from '../../domain/treatment-plans/goal.js';
import type { ClientConsentTable, ClientLinkTable, Database } from '../tables/database.js';

/**
 * Client links (issue 7): consents, links (by token hash only), answers saved per link and instrument, endorsements.
 *
 * @example
 * await insertClientLink(db, link);
 * (await findClientLinkByTokenHash(db, link.tokenHash))?.id // link.id
 */
function rowToConsent(r: ClientConsentTable): ClientConsent {
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind as ClientConsent['kind'],
    givenOn: r.given_on,
    givenBy: r.given_by as ClientConsent['givenBy'],
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    withdrawnAt: r.withdrawn_at,
    method: r.method as ClientConsent['method'],
    textVersion: r.text_version,
  };
}

export async function insertClientConsent(db: Kysely<Database>, c: ClientConsent): Promise<void> {
  await db
    .insertInto('client_consent')
    .values({
      id: c.id,
      client_id: c.clientId,
      kind: c.kind,
      given_on: c.givenOn,
      given_by: c.givenBy,
      recorded_by: c.recordedBy,
      recorded_at: c.recordedAt,
      withdrawn_at: c.withdrawnAt,
      method: c.method,
      text_version: c.textVersion,
    })
    .execute();
}

export async function listClientConsents(db: Kysely<Database>, clientId: string): Promise<readonly ClientConsent[]> {
  const rows = await db
    .selectFrom('client_consent')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(rowToConsent);
}

function rowToLink(r: ClientLinkTable): ClientLink {
  return {
    id: r.id,
    clientId: r.client_id,
    purpose: r.purpose as ClientLinkPurpose,
    instruments: JSON.parse(r.instruments) as string[],
    planId: r.plan_id,
    tokenHash: r.token_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    emailedAt: r.emailed_at,
    openedAt: r.opened_at,
    usedAt: r.used_at,
    revokedAt: r.revoked_at,
  };
}

export async function insertClientLink(db: Kysely<Database>, l: ClientLink): Promise<void> {
  await db
    .insertInto('client_link')
    .values({
      id: l.id,
      client_id: l.clientId,
      purpose: l.purpose,
      instruments: JSON.stringify(l.instruments),
      plan_id: l.planId,
      token_hash: l.tokenHash,
      created_by: l.createdBy,
      created_at: l.createdAt,
      expires_at: l.expiresAt,
      emailed_at: l.emailedAt,
      opened_at: l.openedAt,
      used_at: l.usedAt,
      revoked_at: l.revokedAt,
    })
    .execute();
}

export async function findClientLinkByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<ClientLink | null> {
  const row = await db.selectFrom('client_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? rowToLink(row) : null;
}

export async function listClientLinks(db: Kysely<Database>, clientId: string): Promise<readonly ClientLink[]> {
  const rows = await db
    .selectFrom('client_link')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(rowToLink);
}

export async function revokeClientLink(
  db: Kysely<Database>,
  clientId: string,
  linkId: string,
  revokedAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('client_link')
    .set({ revoked_at: revokedAt })
    .where('id', '=', linkId)
    .where('client_id', '=', clientId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function consumeClientLink(db: Kysely<Database>, linkId: string, usedAt: string): Promise<boolean> {
  const r = await db
    .updateTable('client_link')
    .set({ used_at: usedAt })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markClientLink(
  db: Kysely<Database>,
  linkId: string,
  marks: { readonly openedAt?: string; readonly emailedAt?: string },
): Promise<void> {
  if (marks.openedAt) {
    await db
      .updateTable('client_link')
      .set({ opened_at: marks.openedAt })
      .where('id', '=', linkId)
      .where('opened_at', 'is', null)
      .execute();
  }
  if (marks.emailedAt) {
    await db.updateTable('client_link').set({ emailed_at: marks.emailedAt }).where('id', '=', linkId).execute();
  }
}

export async function saveClientLinkAnswers(
  db: Kysely<Database>,
  linkId: string,
  instrumentId: string,
  answers: readonly (number | null)[],
  updatedAt: string,
): Promise<void> {
  const values = {
    link_id: linkId,
    instrument_id: instrumentId,
    answers: JSON.stringify(answers),
    updated_at: updatedAt,
  };
  await db
    .insertInto('client_link_answer')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['link_id', 'instrument_id']).doUpdateSet({ answers: values.answers, updated_at: updatedAt }),
    )
    .execute();
}

export async function listClientLinkAnswers(
  db: Kysely<Database>,
  linkId: string,
): Promise<Readonly<Record<string, readonly (number | null)[]>>> {
  const rows = await db.selectFrom('client_link_answer').selectAll().where('link_id', '=', linkId).execute();
  return Object.fromEntries(rows.map((r) => [r.instrument_id, JSON.parse(r.answers) as (number | null)[]]));
}

export async function setGoalEndorsements(
  db: Kysely<Database>,
  planId: string,
  contentHash: string,
  endorsements: readonly { readonly goalId: string; readonly endorsement: Endorsement }[],
): Promise<boolean> {
  const plan = await db
    .selectFrom('treatment_plan')
    .select(['status', 'content_hash'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan || plan.status === 'draft' || plan.content_hash !== contentHash) return false;
  for (const { goalId, endorsement } of endorsements) {
    const r = await db
      .updateTable('goal')
      .set({
        endorsed_on: endorsement.date,
        endorsement_method: endorsement.method,
        endorsement_words: endorsement.words,
      })
      .where('id', '=', goalId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
  }
  return true;
}

export async function insertPlanEndorsement(db: Kysely<Database>, r: PlanEndorsementRecord): Promise<void> {
  await db
    .insertInto('plan_endorsement')
    .values({
      id: r.id,
      plan_id: r.planId,
      client_id: r.clientId,
      link_id: r.linkId,
      content_hash: r.contentHash,
      endorsed_on: r.endorsedOn,
      typed_name: r.typedName,
      method: r.method,
      recorded_at: r.recordedAt,
    })
    .execute();
}

export async function listPlanEndorsements(
  db: Kysely<Database>,
  planId: string,
): Promise<readonly PlanEndorsementRecord[]> {
  const rows = await db
    .selectFrom('plan_endorsement')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    clientId: r.client_id,
    linkId: r.link_id,
    contentHash: r.content_hash,
    endorsedOn: r.endorsed_on,
    typedName: r.typed_name,
    method: 'link' as const,
    recordedAt: r.recorded_at,
  }));
}
