import { createHmac } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditChainReport, AuditEvent, AuditEventInput } from '../../application/ports.js';
import type { SqlDialect } from '../open-database.js';
import type { AuditEventTable, Database } from '../tables/database.js';

/**
 * The append-only, hash-chained audit trail. Each event's hash is HMAC-SHA256(auditKey, previous hash ‖ event), and
 * the chain starts from a keyed anchor, so whoever rewrites the database without the key cannot forge a valid chain.
 *
 * @example
 * await appendAuditEvents(db, 'sqlite', key, [{ actor: 'cli:ana', action: 'user.create', resource: 'user:…',
 *   clientIds: [], outcome: 'success', origin: 'cli' }], new Date().toISOString());
 * (await verifyAuditChain(db, key)).ok // true
 */
export function auditAnchor(key: Buffer): string {
  return createHmac('sha256', key).update('cairn audit chain anchor v1').digest('hex');
}

/**
 * The hashed form of an event. The break-glass marker (DESIGN 2.8) is appended only when set, so events without it
 * (every event written before the marker existed) keep exactly their original form and hash; removing or adding a
 * marker afterwards breaks the chain.
 */
function canonicalEvent(e: Omit<AuditEvent, 'hash' | 'prevHash'>): string {
  const fields: unknown[] = [e.seq, e.at, e.actor, e.action, e.resource, [...e.clientIds], e.outcome, e.origin];
  if (e.breakGlassGrantId) fields.push({ breakGlassGrantId: e.breakGlassGrantId });
  return JSON.stringify(fields);
}

function chainHash(key: Buffer, prevHash: string, e: Omit<AuditEvent, 'hash' | 'prevHash'>): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalEvent(e)).digest('hex');
}

/** Appends events in order. Must run inside a transaction; on PostgreSQL it takes an advisory lock for the chain. */
export async function appendAuditEvents(
  db: Kysely<Database>,
  dialect: SqlDialect,
  key: Buffer,
  events: readonly AuditEventInput[],
  at: string,
): Promise<void> {
  if (events.length === 0) return;
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(db);
  const last = await db
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? auditAnchor(key);
  const rows: AuditEventTable[] = [];
  for (const e of events) {
    seq += 1;
    const base = { ...e, seq, at };
    const hash = chainHash(key, prevHash, base);
    rows.push({
      seq,
      at,
      actor: e.actor,
      action: e.action,
      resource: e.resource,
      client_ids: JSON.stringify(e.clientIds),
      outcome: e.outcome,
      origin: e.origin,
      prev_hash: prevHash,
      hash,
      break_glass_grant_id: e.breakGlassGrantId ?? null,
    });
    prevHash = hash;
  }
  await db.insertInto('audit_event').values(rows).execute();
}

function auditRowToEvent(r: AuditEventTable): AuditEvent {
  return {
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
  };
}

export async function listAuditEvents(
  db: Kysely<Database>,
  options: { readonly afterSeq?: number; readonly limit?: number } = {},
): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('seq', '>', options.afterSeq ?? 0)
    .orderBy('seq')
    .limit(options.limit ?? 1000)
    .execute();
  return rows.map(auditRowToEvent);
}

/** Recomputes the whole chain in pages; reports the first event that does not verify. */
export async function verifyAuditChain(db: Kysely<Database>, key: Buffer): Promise<AuditChainReport> {
  let prevHash = auditAnchor(key);
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await listAuditEvents(db, { afterSeq: expectedSeq - 1, limit: 5000 });
    if (page.length === 0) break;
    for (const e of page) {
      const ok = e.seq === expectedSeq && e.prevHash === prevHash && chainHash(key, prevHash, e) === e.hash;
      if (!ok) return { ok: false, events: count, brokenAt: e.seq };
      prevHash = e.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
  return { ok: true, events: count, brokenAt: null };
}
