import { type Kysely, sql } from 'kysely';
import type { Database } from '../tables/database.js';

/** A table of the current PostgreSQL schema, as backup and restore see it. */
export interface PostgresTable {
  readonly name: string;
  /** It has a foreign key to itself: its rows go in with one statement (the check runs at the statement's end). */
  readonly selfReferencing: boolean;
}

/** Kysely's lock table holds no data; a restore's migrator creates its own. */
const SKIPPED = new Set(['kysely_migration_lock']);

/**
 * The base tables of the current schema, parents before children (a topological order of the foreign keys), so rows
 * can be inserted in this order with every constraint checked as usual.
 *
 * @example
 * (await listPostgresTables(db)).map((t) => t.name) // ['kysely_migration', 'practice', 'app_user', …]
 */
export async function listPostgresTables(db: Kysely<Database>): Promise<PostgresTable[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    select ch.relname as child, pa.relname as parent
    from pg_constraint c
    join pg_class ch on ch.oid = c.conrelid
    join pg_class pa on pa.oid = c.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((n) => !SKIPPED.has(n));
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const e of edges.rows) {
    if (e.child === e.parent) selfReferencing.add(e.child);
    else parents.get(e.child)?.add(e.parent);
  }
  const ordered: PostgresTable[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const parent of parents.get(name) ?? []) if (parents.has(parent)) visit(parent, path);
    path.delete(name);
    done.add(name);
    ordered.push({ name, selfReferencing: selfReferencing.has(name) });
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}
