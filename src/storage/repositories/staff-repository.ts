import type { Kysely } from 'kysely';
import type { Role } from '../../application/actor.js';
import type { AuditEvent, Practice, Supervision, UserChanges } from '../../application/ports.js';
import type { Database } from '../tables/database.js';

/**
 * Staff administration: user changes and roles, revoking sessions, supervision, practice settings, and the audit
 * trail read newest first.
 *
 * @example
 * await setUserRoles(db, userId, ['clinician', 'supervisor']);
 * await deleteUserSessions(db, userId); // after a deactivation
 */
export async function updateUser(
  db: Kysely<Database>,
  userId: string,
  changes: UserChanges,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.credentials === undefined ? {} : { credentials: changes.credentials }),
      ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
      updated_at: updatedAt,
    })
    .where('id', '=', userId)
    .execute();
}

export async function setUserRoles(db: Kysely<Database>, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_role')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('auth_session').where('user_id', '=', userId).execute();
}

export async function listSupervision(db: Kysely<Database>, practiceId: string): Promise<Supervision[]> {
  const rows = await db
    .selectFrom('supervision')
    .innerJoin('app_user', 'app_user.id', 'supervision.supervisor_id')
    .select(['supervision.supervisor_id', 'supervision.clinician_id', 'supervision.created_at'])
    .where('app_user.practice_id', '=', practiceId)
    .orderBy('supervision.created_at', 'desc')
    .orderBy('supervision.supervisor_id')
    .orderBy('supervision.clinician_id')
    .execute();
  return rows.map((r) => ({ supervisorId: r.supervisor_id, clinicianId: r.clinician_id, createdAt: r.created_at }));
}

export async function removeSupervision(
  db: Kysely<Database>,
  supervisorId: string,
  clinicianId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('supervision')
    .where('supervisor_id', '=', supervisorId)
    .where('clinician_id', '=', clinicianId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function updatePractice(db: Kysely<Database>, practice: Practice): Promise<void> {
  await db
    .updateTable('practice')
    .set({ name: practice.name, time_zone: practice.timeZone, settings: JSON.stringify(practice.settings) })
    .where('id', '=', practice.id)
    .execute();
}

/** Audit events newest first: before `beforeSeq` (exclusive) when given, optionally only those naming a client. */
export async function listAuditNewestFirst(
  db: Kysely<Database>,
  options: { readonly beforeSeq?: number; readonly limit: number; readonly clientId?: string },
): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_event').selectAll();
  if (options.beforeSeq !== undefined) q = q.where('seq', '<', options.beforeSeq);
  // client_ids is a JSON array of UUIDs; matching the quoted id is exact (ids are fixed-length and unquoted inside).
  if (options.clientId !== undefined)
    q = q.where('client_ids', 'like', `%"${options.clientId.replace(/[%_"\\]/g, '')}"%`);
  const rows = await q.orderBy('seq', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    resource: r.resource,
    clientIds: JSON.parse(r.client_ids) as string[],
    outcome: r.outcome as AuditEvent['outcome'],
    origin: r.origin,
    breakGlassGrantId: r.break_glass_grant_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
