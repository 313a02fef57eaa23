import type { Kysely } from 'kysely';
import type { ClientAccessFacts } from '../../application/ports.js';
import type { Database } from '../tables/database.js';

/**
 * The facts the client access rule needs (DESIGN 2.8), in one query: does the client exist, in which practice, is the
 * user assigned to it, does the user supervise a clinician assigned to it, and does the user hold a break-glass grant
 * on it that is active at `at` (unexpired, unrevoked). Null when there is no such client.
 *
 * @example
 * const facts = await findClientAccess(db, clientId, userId, new Date().toISOString());
 * // { clientId, practiceId, assigned: true, supervisesAssignee: false, breakGlassGrantId: null }
 */
export async function findClientAccess(
  db: Kysely<Database>,
  clientId: string,
  userId: string | null,
  at: string,
): Promise<ClientAccessFacts | null> {
  // An empty user id matches no row (ids are UUIDs), so the CLI's question costs the same single query.
  const user = userId ?? '';
  const row = await db
    .selectFrom('client as c')
    .select((eb) => [
      'c.id',
      'c.practice_id',
      eb
        .exists(
          eb
            .selectFrom('client_assignment as a')
            .select('a.client_id')
            .whereRef('a.client_id', '=', 'c.id')
            .where('a.user_id', '=', user),
        )
        .as('assigned'),
      eb
        .exists(
          eb
            .selectFrom('client_assignment as a')
            .innerJoin('supervision as s', 's.clinician_id', 'a.user_id')
            .select('a.client_id')
            .whereRef('a.client_id', '=', 'c.id')
            .where('s.supervisor_id', '=', user),
        )
        .as('supervises'),
      eb
        .selectFrom('break_glass_grant as g')
        .select('g.id')
        .whereRef('g.client_id', '=', 'c.id')
        .where('g.user_id', '=', user)
        .where('g.expires_at', '>', at)
        .where('g.revoked_at', 'is', null)
        .orderBy('g.expires_at', 'desc')
        .limit(1)
        .as('grant_id'),
    ])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    clientId: row.id,
    practiceId: row.practice_id,
    assigned: isTrue(row.assigned),
    supervisesAssignee: isTrue(row.supervises),
    breakGlassGrantId: row.grant_id ?? null,
  };
}

/** SQLite answers 0/1, PostgreSQL true/false. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
