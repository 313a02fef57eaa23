import type { Kysely } from 'kysely';
import type { BreakGlassGrant, BreakGlassGrantEntry, BreakGlassReview } from '../../application/ports.js';
import type { BreakGlassGrantTable, Database } from '../tables/database.js';

/**
 * Break-glass grants (DESIGN 2.8): written when a clinician opens a client outside their reach, read by the access
 * check (see access-repository.ts) and listed for an admin's review.
 *
 * @example
 * await insertBreakGlassGrant(db, grant);
 * const unreviewed = await listBreakGlassGrants(db, practiceId, { unreviewed: true });
 * await recordBreakGlassReview(db, grant.id, { reviewedAt: now, reviewedBy: adminId, note: 'Crisis call; fine.' }); // true
 */
export async function insertBreakGlassGrant(db: Kysely<Database>, grant: BreakGlassGrant): Promise<void> {
  await db
    .insertInto('break_glass_grant')
    .values({
      id: grant.id,
      practice_id: grant.practiceId,
      user_id: grant.userId,
      client_id: grant.clientId,
      reason: grant.reason,
      created_at: grant.createdAt,
      expires_at: grant.expiresAt,
      revoked_at: grant.revokedAt,
      reviewed_at: grant.review?.reviewedAt ?? null,
      reviewed_by: grant.review?.reviewedBy ?? null,
      review_note: grant.review?.note ?? null,
    })
    .execute();
}

function grantRowToGrant(r: BreakGlassGrantTable): BreakGlassGrant {
  return {
    id: r.id,
    practiceId: r.practice_id,
    userId: r.user_id,
    clientId: r.client_id,
    reason: r.reason,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    review:
      r.reviewed_at !== null && r.reviewed_by !== null && r.review_note !== null
        ? { reviewedAt: r.reviewed_at, reviewedBy: r.reviewed_by, note: r.review_note }
        : null,
  };
}

/** One grant, or null. */
export async function findBreakGlassGrant(db: Kysely<Database>, grantId: string): Promise<BreakGlassGrant | null> {
  const row = await db.selectFrom('break_glass_grant').selectAll().where('id', '=', grantId).executeTakeFirst();
  return row ? grantRowToGrant(row) : null;
}

/** The practice's grants, newest first, with the requesting user's name; `unreviewed` keeps only those. */
export async function listBreakGlassGrants(
  db: Kysely<Database>,
  practiceId: string,
  options: { readonly unreviewed?: boolean; readonly limit?: number } = {},
): Promise<BreakGlassGrantEntry[]> {
  let query = db
    .selectFrom('break_glass_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .selectAll('g')
    .select('u.name as user_name')
    .where('g.practice_id', '=', practiceId);
  if (options.unreviewed) query = query.where('g.reviewed_at', 'is', null);
  const rows = await query
    .orderBy('g.created_at', 'desc')
    .orderBy('g.id', 'desc')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map(({ user_name, ...row }) => ({ ...grantRowToGrant(row), userName: user_name }));
}

/** Records the review of an unreviewed grant; false when already reviewed or unknown. */
export async function recordBreakGlassReview(
  db: Kysely<Database>,
  grantId: string,
  review: BreakGlassReview,
): Promise<boolean> {
  const result = await db
    .updateTable('break_glass_grant')
    .set({ reviewed_at: review.reviewedAt, reviewed_by: review.reviewedBy, review_note: review.note })
    .where('id', '=', grantId)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
