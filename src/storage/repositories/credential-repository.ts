import type { Kysely } from 'kysely';
import type { ApiToken, PasswordLink } from '../../application/ports.js';
import type { ApiTokenTable, Database, PasswordLinkTable } from '../tables/database.js';

/**
 * Staff lifecycle storage (DESIGN 2.8): password hashes, one-time set-password links and API tokens (both by the
 * SHA-256 of their token; the tokens themselves are never stored), and moving a clinician's primary assignments.
 *
 * @example
 * await replacePasswordLink(db, link); // older links of link.userId are deleted
 * (await findPasswordLinkByTokenHash(db, link.tokenHash))?.userId // link.userId
 */
export async function setUserPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, updated_at: updatedAt })
    .where('id', '=', userId)
    .execute();
}

function rowToLink(r: PasswordLinkTable): PasswordLink {
  return {
    id: r.id,
    userId: r.user_id,
    tokenHash: r.token_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
  };
}

export async function replacePasswordLink(db: Kysely<Database>, link: PasswordLink): Promise<void> {
  await db.deleteFrom('password_link').where('user_id', '=', link.userId).execute();
  await db
    .insertInto('password_link')
    .values({
      id: link.id,
      user_id: link.userId,
      token_hash: link.tokenHash,
      created_by: link.createdBy,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
      used_at: link.usedAt,
    })
    .execute();
}

export async function findPasswordLinkByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<PasswordLink | null> {
  const row = await db.selectFrom('password_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? rowToLink(row) : null;
}

export async function consumePasswordLink(db: Kysely<Database>, linkId: string, usedAt: string): Promise<boolean> {
  const r = await db
    .updateTable('password_link')
    .set({ used_at: usedAt })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function rowToToken(r: ApiTokenTable): ApiToken {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    tokenHash: r.token_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function insertApiToken(db: Kysely<Database>, t: ApiToken): Promise<void> {
  await db
    .insertInto('api_token')
    .values({
      id: t.id,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
      last_used_at: t.lastUsedAt,
      revoked_at: t.revokedAt,
    })
    .execute();
}

export async function findApiTokenByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<ApiToken | null> {
  const row = await db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? rowToToken(row) : null;
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_token')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(rowToToken);
}

export async function revokeApiToken(
  db: Kysely<Database>,
  userId: string,
  tokenId: string,
  revokedAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('api_token')
    .set({ revoked_at: revokedAt })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeUserApiTokens(db: Kysely<Database>, userId: string, revokedAt: string): Promise<number> {
  const r = await db
    .updateTable('api_token')
    .set({ revoked_at: revokedAt })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchApiToken(db: Kysely<Database>, tokenId: string, usedAt: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: usedAt }).where('id', '=', tokenId).execute();
}

/**
 * Moves every primary assignment of one user to another. Where the new clinician is already assigned to the client
 * (as an additional clinician) that row becomes the primary one; the old user's row goes either way.
 */
export async function reassignPrimaryAssignments(
  db: Kysely<Database>,
  fromUserId: string,
  toUserId: string,
  at: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('client_assignment')
    .select('client_id')
    .where('user_id', '=', fromUserId)
    .where('role', '=', 'primary')
    .orderBy('client_id')
    .execute();
  const clientIds = rows.map((r) => r.client_id);
  if (clientIds.length === 0) return [];
  const already = await db
    .selectFrom('client_assignment')
    .select('client_id')
    .where('user_id', '=', toUserId)
    .where('client_id', 'in', clientIds)
    .execute();
  const alreadyIds = already.map((r) => r.client_id);
  if (alreadyIds.length > 0) {
    // Delete first: a client has at most one primary clinician (a unique index).
    await db
      .deleteFrom('client_assignment')
      .where('user_id', '=', fromUserId)
      .where('client_id', 'in', alreadyIds)
      .execute();
    await db
      .updateTable('client_assignment')
      .set({ role: 'primary' })
      .where('user_id', '=', toUserId)
      .where('client_id', 'in', alreadyIds)
      .execute();
  }
  const moving = clientIds.filter((id) => !alreadyIds.includes(id));
  if (moving.length > 0) {
    await db
      .updateTable('client_assignment')
      .set({ user_id: toUserId, created_at: at })
      .where('user_id', '=', fromUserId)
      .where('role', '=', 'primary')
      .where('client_id', 'in', moving)
      .execute();
  }
  return clientIds;
}
