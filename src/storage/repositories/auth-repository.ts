import { type Kysely, sql } from 'kysely';
import { isRole, type Role } from '../../application/actor.js';
import type { AuthSession, AuthThrottle, SessionStage, User, UserSecrets, UserTotp } from '../../application/ports.js';
import type { SqlDialect } from '../open-database.js';
import type { AuthSessionTable, Database } from '../tables/database.js';

/**
 * Sign-in state: users by id, their secrets (password hash, sealed TOTP seed), sessions (by token hash), recovery
 * codes (hashed) and failed-attempt counters.
 *
 * @example
 * await insertSession(db, session);
 * (await findSessionByTokenHash(db, session.tokenHash))?.userId // session.userId
 */
export async function findUserById(db: Kysely<Database>, userId: string): Promise<User | null> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) return null;
  const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).execute();
  return {
    id: row.id,
    practiceId: row.practice_id,
    email: row.email,
    name: row.name,
    credentials: row.credentials,
    roles: roles
      .map((r) => r.role)
      .filter(isRole)
      .sort() as Role[],
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function findUserSecrets(db: Kysely<Database>, userId: string): Promise<UserSecrets | null> {
  const row = await db
    .selectFrom('app_user')
    .select(['password_hash', 'totp_secret', 'totp_confirmed_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    passwordHash: row.password_hash,
    totp: {
      secret: row.totp_secret,
      confirmedAt: row.totp_confirmed_at,
      lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    },
  };
}

/** Counts users. On PostgreSQL, inside a transaction, it first takes the set-up advisory lock so two first-admin
 * set-ups cannot both see an empty installation (SQLite serialises write transactions anyway). */
export async function countUsersForSetup(db: Kysely<Database>, dialect: SqlDialect): Promise<number> {
  if (dialect === 'postgres' && db.isTransaction) await sql`select pg_advisory_xact_lock(727276)`.execute(db);
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function saveUserTotp(
  db: Kysely<Database>,
  userId: string,
  totp: UserTotp,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      totp_secret: totp.secret,
      totp_confirmed_at: totp.confirmedAt,
      totp_last_step: totp.lastStep,
      updated_at: updatedAt,
    })
    .where('id', '=', userId)
    .execute();
}

function sessionToRow(s: AuthSession): AuthSessionTable {
  return {
    id: s.id,
    token_hash: s.tokenHash,
    user_id: s.userId,
    stage: s.stage,
    pending_totp_secret: s.pendingTotpSecret,
    origin: s.origin,
    created_at: s.createdAt,
    last_seen_at: s.lastSeenAt,
    expires_at: s.expiresAt,
  };
}

function rowToSession(r: AuthSessionTable): AuthSession {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    userId: r.user_id,
    stage: r.stage as SessionStage,
    pendingTotpSecret: r.pending_totp_secret,
    origin: r.origin,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  };
}

export async function insertSession(db: Kysely<Database>, session: AuthSession): Promise<void> {
  await db.insertInto('auth_session').values(sessionToRow(session)).execute();
}

export async function findSessionByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<AuthSession | null> {
  const row = await db.selectFrom('auth_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? rowToSession(row) : null;
}

/** Writes every field of the session (by id); the token hash may change (rotation after the second factor). */
export async function updateSession(db: Kysely<Database>, session: AuthSession): Promise<void> {
  const { id, ...rest } = sessionToRow(session);
  await db.updateTable('auth_session').set(rest).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('auth_session').where('id', '=', sessionId).execute();
}

export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  userId: string,
  codeHashes: readonly string[],
  createdAt: string,
): Promise<void> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('recovery_code')
    .values(codeHashes.map((h) => ({ user_id: userId, code_hash: h, created_at: createdAt, used_at: null })))
    .execute();
}

export async function consumeRecoveryCode(
  db: Kysely<Database>,
  userId: string,
  codeHash: string,
  usedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_code')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findThrottle(db: Kysely<Database>, key: string): Promise<AuthThrottle | null> {
  const row = await db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return {
    key: row.key,
    failures: Number(row.failures),
    lastFailureAt: row.last_failure_at,
    lockedUntil: row.locked_until,
  };
}

export async function saveThrottle(db: Kysely<Database>, t: AuthThrottle): Promise<void> {
  await db
    .insertInto('auth_throttle')
    .values({ key: t.key, failures: t.failures, last_failure_at: t.lastFailureAt, locked_until: t.lockedUntil })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: t.failures, last_failure_at: t.lastFailureAt, locked_until: t.lockedUntil }),
    )
    .execute();
}

export async function deleteThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

/** Deletes sessions past their absolute lifetime or idle since before `idleBefore`; returns how many. */
export async function deleteStaleSessions(db: Kysely<Database>, now: string, idleBefore: string): Promise<number> {
  const r = await db
    .deleteFrom('auth_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
