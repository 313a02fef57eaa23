import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../application/actor.js';
import type { NewUser, Practice, PracticeSettings, User } from '../../application/ports.js';
import type { AppUserTable, Database, PracticeTable } from '../tables/database.js';

/**
 * Practice and user rows ↔ application types.
 *
 * @example
 * const practice = await findPractice(db);
 */
export function practiceRowToPractice(row: PracticeTable): Practice {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    settings: JSON.parse(row.settings) as PracticeSettings,
    createdAt: row.created_at,
  };
}

/** The practice (a Cairn installation serves one practice). */
export async function findPractice(db: Kysely<Database>): Promise<Practice | null> {
  const row = await db.selectFrom('practice').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
  return row ? practiceRowToPractice(row) : null;
}

export async function insertPractice(db: Kysely<Database>, practice: Practice): Promise<void> {
  await db
    .insertInto('practice')
    .values({
      id: practice.id,
      name: practice.name,
      time_zone: practice.timeZone,
      settings: JSON.stringify(practice.settings),
      created_at: practice.createdAt,
    })
    .execute();
}

function userRowToUser(row: AppUserTable, roles: readonly string[]): User {
  return {
    id: row.id,
    practiceId: row.practice_id,
    email: row.email,
    name: row.name,
    credentials: row.credentials,
    roles: roles.filter(isRole).sort() as Role[],
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

async function rolesByUser(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_role').selectAll().where('user_id', 'in', userIds).execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role]);
  return map;
}

/** Finds a user by e-mail address (compared in lower case). */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | null> {
  const row = await db.selectFrom('app_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!row) return null;
  return userRowToUser(row, (await rolesByUser(db, [row.id])).get(row.id) ?? []);
}

export async function listUsers(db: Kysely<Database>, practiceId: string): Promise<User[]> {
  const rows = await db
    .selectFrom('app_user')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('email')
    .execute();
  const roles = await rolesByUser(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => userRowToUser(r, roles.get(r.id) ?? []));
}

export async function insertUser(db: Kysely<Database>, user: NewUser, createdAt: string): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: user.id,
      practice_id: user.practiceId,
      email: user.email.toLowerCase(),
      name: user.name,
      credentials: user.credentials,
      password_hash: user.passwordHash,
      totp_secret: null,
      active: 1,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  if (user.roles.length > 0) {
    await db
      .insertInto('user_role')
      .values(user.roles.map((role) => ({ user_id: user.id, role })))
      .execute();
  }
}

export async function addSupervision(
  db: Kysely<Database>,
  supervisorId: string,
  clinicianId: string,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('supervision')
    .values({ supervisor_id: supervisorId, clinician_id: clinicianId, created_at: createdAt })
    .execute();
}
