import type { Kysely } from 'kysely';
import type {
  AssignmentRole,
  CaseloadEntry,
  CaseloadQuery,
  Client,
  ClientAssignment,
  LatestScore,
} from '../../application/ports.js';
import type { Diagnosis } from '../../domain/treatment-plans/treatment-plan.js';
import type { Database } from '../tables/database.js';
import { clientRowToClient } from './client-repository.js';

/**
 * Client reads for the caseload and the client pages: one client, its assignments and diagnoses, and the caseload
 * (clients in a user's reach, newest first, keyset-paginated, with each client's latest score per instrument).
 *
 * @example
 * const page = await listCaseload(db, { practiceId, userId, scope: 'assigned', limit: 50, after: null });
 */
export async function findClientById(db: Kysely<Database>, clientId: string): Promise<Client | null> {
  const row = await db.selectFrom('client').selectAll().where('id', '=', clientId).executeTakeFirst();
  return row ? clientRowToClient(row) : null;
}

export async function listClientAssignments(db: Kysely<Database>, clientId: string): Promise<ClientAssignment[]> {
  const rows = await db
    .selectFrom('client_assignment')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    userId: r.user_id,
    role: r.role as AssignmentRole,
    createdAt: r.created_at,
  }));
}

export async function removeClientAssignment(db: Kysely<Database>, clientId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('client_assignment')
    .where('client_id', '=', clientId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listDiagnoses(db: Kysely<Database>, clientId: string): Promise<Diagnosis[]> {
  const rows = await db
    .selectFrom('diagnosis')
    .select(['id', 'code', 'description', 'is_primary'])
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, description: r.description, primary: r.is_primary === 1 }));
}

export async function listCaseload(db: Kysely<Database>, query: CaseloadQuery): Promise<CaseloadEntry[]> {
  let q = db
    .selectFrom('client')
    .leftJoin('client_assignment as primary_assignment', (j) =>
      j.onRef('primary_assignment.client_id', '=', 'client.id').on('primary_assignment.role', '=', 'primary'),
    )
    .selectAll('client')
    .select('primary_assignment.user_id as primary_clinician_id')
    .where('client.practice_id', '=', query.practiceId);
  if (query.scope !== 'practice') {
    const userId = query.userId;
    const supervised = query.scope === 'assigned-or-supervised';
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('client_assignment as a')
          .select('a.client_id')
          .whereRef('a.client_id', '=', 'client.id')
          .where((inner) =>
            supervised
              ? inner.or([
                  inner('a.user_id', '=', userId),
                  inner(
                    'a.user_id',
                    'in',
                    inner.selectFrom('supervision').select('clinician_id').where('supervisor_id', '=', userId),
                  ),
                ])
              : inner('a.user_id', '=', userId),
          ),
      ),
    );
  }
  if (query.status) q = q.where('client.status', '=', query.status);
  const after = query.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('client.created_at', '<', after.createdAt),
        eb.and([eb('client.created_at', '=', after.createdAt), eb('client.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q.orderBy('client.created_at', 'desc').orderBy('client.id', 'desc').limit(query.limit).execute();
  if (rows.length === 0) return [];

  // The latest score per client and instrument, kept by the administration insert (client_latest_score): one
  // primary-key seek per client, whatever the length of its history.
  const latest = await db
    .selectFrom('client_latest_score')
    .select(['client_id', 'instrument_id', 'total', 'severity', 'administered_on'])
    .where(
      'client_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('instrument_id')
    .execute();
  const scores = new Map<string, LatestScore[]>();
  for (const s of latest) {
    const list = scores.get(s.client_id) ?? [];
    list.push({
      instrumentId: s.instrument_id,
      total: Number(s.total),
      severity: s.severity,
      administeredOn: s.administered_on,
    });
    scores.set(s.client_id, list);
  }
  return rows.map((r) => ({
    client: clientRowToClient(r),
    createdAt: r.created_at,
    primaryClinicianId: r.primary_clinician_id ?? null,
    latestScores: scores.get(r.id) ?? [],
  }));
}
