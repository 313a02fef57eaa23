import { type Kysely, sql } from 'kysely';
import { totpSealContext } from '../../application/enrol-totp.js';
import type { AuditEvent, AuditEventInput } from '../../application/ports.js';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import { createAesGcmSecretBox } from '../aes-gcm-secret-box.js';
import { migrateToLatest } from '../migrate.js';
import { openSqlite, type SqlDialect } from '../open-database.js';
import { appendAuditEvents, listAuditEvents, verifyAuditChain } from '../repositories/audit-repository.js';
import type { Database } from '../tables/database.js';

/** The two keys stretched from the secret that protect data inside the database (load-keys.ts). */
export interface SealingKeys {
  readonly secretsKey: Buffer;
  readonly auditKey: Buffer;
}

/** What re-sealing changed. */
export interface ResealReport {
  /** TOTP seeds (enrolled and pending) re-sealed under the new secrets key. */
  readonly secrets: number;
  /** Audit events re-chained under the new audit key (not counting the event that records the rotation). */
  readonly auditEvents: number;
}

/** Events re-chained per round trip. */
const PAGE = 1000;

/** Same lock as appendAuditEvents takes, so no event can be appended on PostgreSQL while the chain is re-keyed. */
async function lockAuditChain(db: Kysely<Database>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(db);
}

async function resealSecrets(db: Kysely<Database>, from: Buffer, to: Buffer): Promise<number> {
  const oldBox = createAesGcmSecretBox(from);
  const newBox = createAesGcmSecretBox(to);
  const reseal = (sealed: string, userId: string): string => {
    const context = totpSealContext(userId);
    let plain: string;
    try {
      plain = oldBox.open(sealed, context);
    } catch {
      throw new AppError(
        ErrorCode.conflict,
        `a sealed TOTP secret (user ${userId}) does not open under the current key; nothing was changed`,
      );
    }
    return newBox.seal(plain, context);
  };
  let count = 0;
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .execute();
  for (const u of users) {
    if (!u.totp_secret) continue;
    await db
      .updateTable('app_user')
      .set({ totp_secret: reseal(u.totp_secret, u.id) })
      .where('id', '=', u.id)
      .execute();
    count += 1;
  }
  const sessions = await db
    .selectFrom('auth_session')
    .select(['id', 'user_id', 'pending_totp_secret'])
    .where('pending_totp_secret', 'is not', null)
    .execute();
  for (const s of sessions) {
    if (!s.pending_totp_secret) continue;
    await db
      .updateTable('auth_session')
      .set({ pending_totp_secret: reseal(s.pending_totp_secret, s.user_id) })
      .where('id', '=', s.id)
      .execute();
    count += 1;
  }
  return count;
}

function toInput(e: AuditEvent): AuditEventInput {
  const { seq: _seq, at: _at, prevHash: _prevHash, hash: _hash, ...input } = e;
  return input;
}

/**
 * Recomputes prev_hash and hash of every event under `to`, page by page. The hashes are computed by the audit
 * repository's own appendAuditEvents, run on a scratch in-memory copy of each page, so the chain format is defined in
 * one place only; only the two hash columns of the real rows change.
 */
async function rechainAudit(db: Kysely<Database>, dialect: SqlDialect, to: Buffer): Promise<number> {
  const scratch = openSqlite(':memory:', null);
  try {
    await migrateToLatest(scratch.db);
    let afterSeq = 0;
    let count = 0;
    for (;;) {
      const page = await listAuditEvents(db, { afterSeq, limit: PAGE });
      if (page.length === 0) break;
      // The scratch table holds only the last re-chained event, so appendAuditEvents continues the new chain from it.
      let group: AuditEvent[] = [];
      const flush = async () => {
        const first = group[0];
        if (first) await appendAuditEvents(scratch.db, 'sqlite', to, group.map(toInput), first.at);
        group = [];
      };
      for (const e of page) {
        if (group.length > 0 && group[0]?.at !== e.at) await flush();
        group.push(e);
      }
      await flush();
      const rechained = await scratch.db
        .selectFrom('audit_event')
        .select(['seq', 'prev_hash', 'hash'])
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .execute();
      if (rechained.length !== page.length || rechained.some((r, i) => Number(r.seq) !== page[i]?.seq)) {
        throw new Error('re-chaining the audit trail went out of step');
      }
      await writeHashes(db, dialect, rechained);
      const last = page[page.length - 1];
      if (!last) break;
      await scratch.db.deleteFrom('audit_event').where('seq', '<', last.seq).execute();
      afterSeq = last.seq;
      count += page.length;
    }
    return count;
  } finally {
    await scratch.close();
  }
}

async function writeHashes(
  db: Kysely<Database>,
  dialect: SqlDialect,
  rows: readonly { seq: number | string; prev_hash: string; hash: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'postgres') {
    const values = sql.join(rows.map((r) => sql`(${Number(r.seq)}::bigint, ${r.prev_hash}, ${r.hash})`));
    await sql`update audit_event as a set prev_hash = v.prev_hash, hash = v.hash
      from (values ${values}) as v(seq, prev_hash, hash) where a.seq = v.seq`.execute(db);
    return;
  }
  for (const r of rows) {
    await db
      .updateTable('audit_event')
      .set({ prev_hash: r.prev_hash, hash: r.hash })
      .where('seq', '=', Number(r.seq))
      .execute();
  }
}

/**
 * Moves everything sealed with keys stretched from the secret key from the `from` keys to the `to` keys: TOTP seeds
 * are opened and sealed again; the audit chain is first verified under the old key (a broken chain is refused, so a
 * rotation can never launder a tampered trail), then re-chained under the new key, and a `action` event (`db.encrypt`
 * or `db.rekey`) by `actor` is appended under the new key. Run it inside one transaction (docs/decisions/0003).
 *
 * @example
 * await db.transaction().execute((trx) =>
 *   resealKeyedData(trx, 'sqlite', oldKeys, newKeys, { actor: 'cli:ana', action: 'db.rekey', at: new Date().toISOString() }));
 */
export async function resealKeyedData(
  db: Kysely<Database>,
  dialect: SqlDialect,
  from: SealingKeys,
  to: SealingKeys,
  event: { readonly actor: string; readonly action: string; readonly at: string },
): Promise<ResealReport> {
  await lockAuditChain(db, dialect);
  const before = await verifyAuditChain(db, from.auditKey);
  if (!before.ok) {
    throw new AppError(
      ErrorCode.conflict,
      `the audit chain does not verify under the current key (first bad event: ${before.brokenAt}); run \`cairn audit verify\`; nothing was changed`,
    );
  }
  const secrets = await resealSecrets(db, from.secretsKey, to.secretsKey);
  const auditEvents = await rechainAudit(db, dialect, to.auditKey);
  await appendAuditEvents(
    db,
    dialect,
    to.auditKey,
    [{ actor: event.actor, action: event.action, resource: null, clientIds: [], outcome: 'success', origin: 'cli' }],
    event.at,
  );
  const after = await verifyAuditChain(db, to.auditKey);
  if (!after.ok || after.events !== auditEvents + 1) throw new Error('the re-chained audit trail does not verify');
  return { secrets, auditEvents };
}
