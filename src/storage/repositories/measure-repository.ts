import type { Kysely } from 'kysely';
import type { Administration, BehaviorLogEntry } from '../../application/ports.js';
import type { AdministrationTable, BehaviorLogTable, Database } from '../tables/database.js';

/**
 * Instrument administrations (with item answers) and behaviour log entries.
 *
 * @example
 * await insertAdministrations(db, [administration], now);
 * const series = await listAdministrations(db, clientId, 'phq9');
 */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertAdministrations(
  db: Kysely<Database>,
  items: readonly Administration[],
  createdAt: string,
): Promise<void> {
  for (const part of chunks(items, CHUNK)) {
    await db
      .insertInto('administration')
      .values(
        part.map((a) => ({
          id: a.id,
          client_id: a.clientId,
          instrument_id: a.instrumentId,
          instrument_version: a.instrumentVersion,
          administered_at: a.administeredAt,
          administered_on: a.administeredOn,
          source: a.source,
          answers: JSON.stringify(a.answers),
          total: a.total,
          severity: a.severity,
          prorated: a.prorated ? 1 : 0,
          subscales: JSON.stringify(a.subscales),
          flags: JSON.stringify(a.flags),
          recorded_by: a.recordedBy,
          created_at: createdAt,
        })),
      )
      .execute();
    await upsertLatestScores(db, part);
  }
}

/** True when administration `a` is newer than `b` (later instant; equal instants: the larger id). */
function isNewer(a: Administration, b: Administration): boolean {
  return a.administeredAt > b.administeredAt || (a.administeredAt === b.administeredAt && a.id > b.id);
}

/**
 * Keeps client_latest_score (the caseload's latest score per client and instrument) in step with the insert, in the
 * caller's transaction: the newest of the batch per pair replaces the stored row only when it is newer.
 */
async function upsertLatestScores(db: Kysely<Database>, items: readonly Administration[]): Promise<void> {
  const newest = new Map<string, Administration>();
  for (const a of items) {
    const key = `${a.clientId}\u0000${a.instrumentId}`;
    const seen = newest.get(key);
    if (!seen || isNewer(a, seen)) newest.set(key, a);
  }
  if (newest.size === 0) return;
  await db
    .insertInto('client_latest_score')
    .values(
      [...newest.values()].map((a) => ({
        client_id: a.clientId,
        instrument_id: a.instrumentId,
        administration_id: a.id,
        administered_at: a.administeredAt,
        administered_on: a.administeredOn,
        total: a.total,
        severity: a.severity,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['client_id', 'instrument_id'])
        .doUpdateSet((eb) => ({
          administration_id: eb.ref('excluded.administration_id'),
          administered_at: eb.ref('excluded.administered_at'),
          administered_on: eb.ref('excluded.administered_on'),
          total: eb.ref('excluded.total'),
          severity: eb.ref('excluded.severity'),
        }))
        .where((eb) =>
          eb.or([
            eb('excluded.administered_at', '>', eb.ref('client_latest_score.administered_at')),
            eb.and([
              eb('excluded.administered_at', '=', eb.ref('client_latest_score.administered_at')),
              eb('excluded.administration_id', '>', eb.ref('client_latest_score.administration_id')),
            ]),
          ]),
        ),
    )
    .execute();
}

function administrationRowToAdministration(row: AdministrationTable): Administration {
  return {
    id: row.id,
    clientId: row.client_id,
    instrumentId: row.instrument_id,
    instrumentVersion: row.instrument_version,
    administeredAt: row.administered_at,
    administeredOn: row.administered_on,
    source: row.source as Administration['source'],
    answers: JSON.parse(row.answers) as (number | null)[],
    total: row.total,
    severity: row.severity,
    prorated: row.prorated === 1,
    subscales: JSON.parse(row.subscales) as Record<string, number>,
    flags: JSON.parse(row.flags) as Administration['flags'],
    recordedBy: row.recorded_by,
  };
}

/** A client's administrations, oldest first, optionally for one instrument; item answers included. */
export async function listAdministrations(
  db: Kysely<Database>,
  clientId: string,
  instrumentId?: string,
): Promise<Administration[]> {
  let q = db.selectFrom('administration').selectAll().where('client_id', '=', clientId);
  if (instrumentId) q = q.where('instrument_id', '=', instrumentId);
  const rows = await q.orderBy('administered_at').orderBy('id').execute();
  return rows.map(administrationRowToAdministration);
}

export async function insertBehaviorLogs(
  db: Kysely<Database>,
  items: readonly BehaviorLogEntry[],
  createdAt: string,
): Promise<void> {
  for (const part of chunks(items, CHUNK)) {
    await db
      .insertInto('behavior_log')
      .values(
        part.map((e) => ({
          id: e.id,
          behavior_id: e.behaviorId,
          client_id: e.clientId,
          period_start: e.periodStart,
          count: e.count,
          source: e.source,
          recorded_by: e.recordedBy,
          created_at: createdAt,
        })),
      )
      .execute();
  }
}

/** A behaviour's log entries, oldest period first. */
export async function listBehaviorLogs(db: Kysely<Database>, behaviorId: string): Promise<BehaviorLogEntry[]> {
  const rows = await db
    .selectFrom('behavior_log')
    .selectAll()
    .where('behavior_id', '=', behaviorId)
    .orderBy('period_start')
    .orderBy('created_at')
    .execute();
  return rows.map(behaviorLogRowToEntry);
}

/** Several behaviours' log entries in one query (no query per behaviour): by behaviour, then oldest period first. */
export async function listBehaviorLogsOf(
  db: Kysely<Database>,
  behaviorIds: readonly string[],
): Promise<BehaviorLogEntry[]> {
  if (behaviorIds.length === 0) return [];
  const rows = await db
    .selectFrom('behavior_log')
    .selectAll()
    .where('behavior_id', 'in', [...behaviorIds])
    .orderBy('behavior_id')
    .orderBy('period_start')
    .orderBy('created_at')
    .execute();
  return rows.map(behaviorLogRowToEntry);
}

function behaviorLogRowToEntry(r: BehaviorLogTable): BehaviorLogEntry {
  return {
    id: r.id,
    behaviorId: r.behavior_id,
    clientId: r.client_id,
    periodStart: r.period_start,
    count: r.count,
    source: r.source as BehaviorLogEntry['source'],
    recordedBy: r.recorded_by,
  };
}
