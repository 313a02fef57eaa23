import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../test/test-app.js';

/**
 * Fuzzed bodies for every route that takes one (issue 5 item 9; DESIGN 6 "bad input never reaches storage"): the
 * routes are read from the OpenAPI document, so a new route is fuzzed without anyone listing it. Each body is built
 * from the route's request schema — its own field names holding values of the right type, of a wrong type, or
 * hostile (huge, control characters, markup, deep nesting) — or is not even an object. Every answer must be below
 * 500, and a refused request (4xx) must leave every table as it was, apart from the audit trail and the sign-in
 * counters that record the refusal.
 */

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly $ref?: string;
}

/** Routes whose success ends the caller's session or account; fuzzing them would sign the fuzzer out. */
const SKIPPED = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-everywhere',
  'DELETE /api/v1/users/{id}/sessions',
]);

/** Tables a refused request may still write: the audit trail, sign-in throttling and sessions touched. */
const MAY_CHANGE_ON_REFUSAL = new Set(['audit_event', 'auth_throttle', 'auth_session', 'kysely_migration']);

const hostileString = fc.constantFrom(
  '',
  ' ',
  'x'.repeat(20_000),
  '\u0000\u0001\u001f',
  '<script>alert(1)</script>',
  "'; DROP TABLE client; --",
  '../../etc/passwd',
  '2026-02-30',
  '9999-99-99',
  '00000000-0000-4000-8000-000000000000',
  'NaN',
  '🙂'.repeat(300),
);
const hostileNumber = fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, -0.000001);
const anyJson = fc.jsonValue({ maxDepth: 3 });

function valueFor(
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
  depth: number,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyJson;
  if (schema.$ref) return valueFor(defs[schema.$ref.split('/').pop() ?? ''], defs, depth + 1);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((v) => valueFor(v, defs, depth + 1)));
  const wrong = fc.oneof(anyJson, hostileString, hostileNumber);
  if (schema.enum && schema.enum.length > 0) {
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: wrong });
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let right: fc.Arbitrary<unknown>;
  switch (type) {
    case 'string':
      right = fc.oneof(fc.string({ maxLength: 40 }), hostileString);
      break;
    case 'number':
    case 'integer':
      right = fc.oneof(fc.integer({ min: -5, max: 200 }), hostileNumber);
      break;
    case 'boolean':
      right = fc.boolean();
      break;
    case 'array':
      right = fc.array(valueFor(schema.items, defs, depth + 1), { maxLength: 4 });
      break;
    case 'object':
      right = objectFor(schema, defs, depth + 1);
      break;
    default:
      right = anyJson;
  }
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

function objectFor(schema: JsonSchema, defs: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  const entries = Object.entries(schema.properties ?? {});
  const fields = Object.fromEntries(entries.map(([k, v]) => [k, valueFor(v, defs, depth)]));
  return fc.record(fields, { requiredKeys: [] });
}

function bodyFor(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: schema ? objectFor(schema, defs, 0) : anyJson },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant({ unexpected: true }) },
  );
}

/** The tables of the test database's own schema (PostgreSQL test schemas of other files come and go). */
async function ownTables(t: TestDatabase): Promise<string[]> {
  const tables = await t.db.introspection.getTables();
  const schema =
    t.dialect === 'postgres'
      ? ((await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s ?? null)
      : null;
  return tables
    .filter((table) => schema === null || table.schema === schema)
    .map((table) => table.name)
    .filter((name) => !MAY_CHANGE_ON_REFUSAL.has(name) && !name.startsWith('kysely_'))
    .sort();
}

/** Row counts of `tables`, in one query. */
async function tableCounts(t: TestDatabase, tables: readonly string[]): Promise<Record<string, number>> {
  const columns = tables.map((name) => sql`(select count(*) from ${sql.table(name)}) as ${sql.ref(name)}`);
  const row = (await sql<Record<string, number | string>>`select ${sql.join(columns)}`.execute(t.db)).rows[0] ?? {};
  return Object.fromEntries(tables.map((name) => [name, Number(row[name] ?? 0)]));
}

for (const dialect of DIALECTS) {
  describe(`fuzzed request bodies on every route on ${dialect}: no 5xx, and a refusal stores nothing`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let browsers: Record<'clinician' | 'admin' | 'supervisor', TestBrowser>;
    let ids: Record<string, string>;
    let tables: string[];
    let doc: {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
      components?: { schemas?: Record<string, JsonSchema> };
    };

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      browsers = {
        clinician: await sessionFor(ctx, demo.users.clinician),
        admin: await sessionFor(ctx, demo.users.admin),
        supervisor: await sessionFor(ctx, demo.users.supervisor),
      };
      const clientId = demo.clients.depression;
      const plan = (await browsers.clinician.get(`/api/v1/clients/${clientId}/plan`)).json();
      const behaviors = (await browsers.clinician.get(`/api/v1/clients/${clientId}/behaviors`)).json().items;
      ids = {
        clientId,
        planId: plan.id,
        behaviorId: behaviors[0]?.id ?? clientId,
        // A user the fuzzer may change freely: an extra clinician, never the fuzzing accounts themselves.
        id: demo.users.otherClinician.id,
        userId: demo.users.otherClinician.id,
      };
      doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      tables = await ownTables(t);
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('answers every fuzzed body below 500 and writes nothing when it refuses', async () => {
      const defs = doc.components?.schemas ?? {};
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.requestBody)
          .map(([method, op]) => ({
            method: method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE',
            path,
            schema: op.requestBody?.content?.['application/json']?.schema,
          })),
      );
      expect(routes.length).toBeGreaterThan(20);
      expect(tables).toEqual(expect.arrayContaining(['client', 'administration', 'treatment_plan', 'goal']));
      const runs = dialect === 'sqlite' ? 12 : 5;
      const failures: string[] = [];
      let requests = 0;
      let accepted = 0;
      for (const route of routes) {
        if (SKIPPED.has(`${route.method} ${route.path}`)) continue;
        const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? ids.clientId ?? '');
        const browser =
          route.path.startsWith('/api/v1/users') || route.path.startsWith('/api/v1/settings')
            ? browsers.admin
            : browsers.clinician;
        const samples = fc.sample(bodyFor(route.schema, defs), { numRuns: runs, seed: 42 });
        for (const body of samples) {
          const before = await tableCounts(t, tables);
          const res = await browser.request(route.method, url, body === undefined ? null : body);
          requests += 1;
          if (res.statusCode < 300) accepted += 1;
          const label = `${route.method} ${route.path} ${JSON.stringify(body).slice(0, 200)}`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${label} → ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400) {
            const after = await tableCounts(t, tables);
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length > 0)
              failures.push(`refused (${res.statusCode}) but changed ${changed.join(', ')}: ${label}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(100);
      // Some bodies get through validation, so the fuzzer reaches the use cases too, not only the schemas.
      expect(accepted).toBeGreaterThan(0);
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true });
    }, 300_000);
  });
}
