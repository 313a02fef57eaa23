import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { draftRequestOf } from '../../../contract/plans.js';

type Mode = 'read' | 'write';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Person = 'clinician' | 'otherClinician' | 'supervisor' | 'otherSupervisor' | 'auditor' | 'admin';

interface Fixture {
  readonly behaviorId: string;
  readonly formulation: unknown;
  readonly planId: string;
  readonly planDraft: unknown;
}

interface RouteCase {
  readonly name: string;
  readonly mode: Mode;
  /** Statuses that mean "done" when the client is in reach. */
  readonly ok: readonly number[];
  /** The roles the route is for (403 for anyone else, before reach); default every clinical role. */
  readonly roles?: readonly ('clinician' | 'supervisor')[];
  /** An administrator passes the reach check too (staff lifecycle: managing a departing clinician's caseload). */
  readonly admin?: boolean;
  readonly request: (clientId: string, f: Fixture, n: number) => [Method, string, unknown?];
}

/** A link id that is no link (revoking it in reach is 404). */
const NO_LINK_ID = '00000000-0000-4000-8000-00000000000a';

/** Every route that touches one client's data. */
const ROUTES: readonly RouteCase[] = [
  { name: 'client', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}`] },
  { name: 'assignments', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/assignments`] },
  { name: 'diagnoses', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/diagnoses`] },
  { name: 'formulation', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/formulation`] },
  { name: 'plan', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/plan`] },
  { name: 'series', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/series`] },
  { name: 'behaviors', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/behaviors`] },
  { name: 'progress', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/progress`] },
  { name: 'export', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/exports?format=csv`] },
  {
    name: 'import',
    mode: 'write',
    ok: [200],
    request: (c) => ['POST', `/api/v1/clients/${c}/imports`, { resourceType: 'Bundle', type: 'collection', entry: [] }],
  },
  { name: 'alerts', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/alerts`] },
  {
    name: 'goal check',
    mode: 'read',
    ok: [200],
    request: (c) => [
      'POST',
      '/api/v1/goals/check',
      { text: 'Reduce PHQ-9 to 9 or less within 12 weeks.', clientId: c },
    ],
  },
  {
    name: 'add diagnosis',
    mode: 'write',
    ok: [201],
    request: (c) => ['POST', `/api/v1/clients/${c}/diagnoses`, { code: 'Z63.0', description: 'Relationship distress' }],
  },
  {
    name: 'save formulation',
    mode: 'write',
    ok: [200],
    request: (c, f) => ['PUT', `/api/v1/clients/${c}/formulation`, f.formulation],
  },
  {
    name: 'record administration',
    mode: 'write',
    ok: [201],
    request: (c) => [
      'POST',
      `/api/v1/clients/${c}/administrations`,
      { instrument: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] },
    ],
  },
  {
    name: 'define behaviour',
    mode: 'write',
    ok: [201],
    request: (c, _f, n) => [
      'POST',
      `/api/v1/clients/${c}/behaviors`,
      { name: `Checking ${n}`, period: 'day', direction: 'decrease' },
    ],
  },
  {
    name: 'log behaviour',
    mode: 'write',
    ok: [201],
    request: (c, f) => [
      'POST',
      `/api/v1/clients/${c}/behaviors/${f.behaviorId}/logs`,
      { periodStart: '2026-11-20', count: 2 },
    ],
  },
  { name: 'administrations', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/administrations`] },
  { name: 'plan versions', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/plans`] },
  {
    name: 'plan version',
    mode: 'read',
    ok: [200],
    request: (c, f) => ['GET', `/api/v1/clients/${c}/plans/${f.planId}`],
  },
  {
    // Invalid ids: in reach the query is judged (400); out of reach 404 first.
    name: 'compare plan versions (invalid query)',
    mode: 'read',
    ok: [400],
    request: (c) => ['GET', `/api/v1/clients/${c}/plans/compare?from=x&to=y`],
  },
  {
    // The first save opens a draft (200); a later one from the same fixture is based on a stale revision (409).
    name: 'save plan draft',
    mode: 'write',
    ok: [200, 409],
    request: (c, f) => ['PUT', `/api/v1/clients/${c}/plan/draft`, f.planDraft],
  },
  {
    name: 'discard plan draft (invalid revision)',
    mode: 'write',
    ok: [400],
    request: (c) => ['DELETE', `/api/v1/clients/${c}/plan/draft?revision=0`],
  },
  {
    name: 'sign plan (invalid revision)',
    mode: 'write',
    roles: ['clinician'],
    ok: [400],
    request: (c) => ['POST', `/api/v1/clients/${c}/plan/sign`, { revision: 0 }],
  },
  {
    name: 'co-sign plan (invalid hash)',
    mode: 'write',
    roles: ['supervisor'],
    ok: [400],
    request: (c, f) => ['POST', `/api/v1/clients/${c}/plans/${f.planId}/cosign`, { contentHash: 'x' }],
  },
  { name: 'reviews', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/reviews`] },
  {
    // The first start opens a draft review (201); later ones find it open (409).
    name: 'start review',
    mode: 'write',
    ok: [201, 409],
    request: (c) => ['POST', `/api/v1/clients/${c}/reviews`],
  },
  {
    // Invalid ids: in reach the params are judged (400); out of reach 404 first.
    name: 'review (invalid id)',
    mode: 'read',
    ok: [400],
    request: (c) => ['GET', `/api/v1/clients/${c}/reviews/not-a-review`],
  },
  {
    name: 'save review (invalid id)',
    mode: 'write',
    ok: [400],
    request: (c) => ['PUT', `/api/v1/clients/${c}/reviews/not-a-review`, { revision: 1 }],
  },
  {
    name: 'sign review (invalid id)',
    mode: 'write',
    roles: ['clinician'],
    ok: [400],
    request: (c) => ['POST', `/api/v1/clients/${c}/reviews/not-a-review/sign`, { revision: 1 }],
  },
  {
    name: 'assign clinician (invalid body)',
    mode: 'write',
    admin: true,
    ok: [400],
    request: (c) => ['POST', `/api/v1/clients/${c}/assignments`, { userId: 'not-an-id', role: 'primary' }],
  },
  {
    name: 'unassign clinician (invalid user id)',
    mode: 'write',
    admin: true,
    ok: [400],
    request: (c) => ['DELETE', `/api/v1/clients/${c}/assignments/not-an-id`],
  },
  { name: 'consents', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/consents`] },
  {
    name: 'record consent',
    mode: 'write',
    ok: [201],
    request: (c) => [
      'POST',
      `/api/v1/clients/${c}/consents`,
      { kind: 'contact', method: 'verbal', givenOn: '2026-11-20', givenBy: 'client' },
    ],
  },
  { name: 'client links', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/links`] },
  {
    // 201 once consent is recorded (the route above may have run first), 409 consent-required before.
    name: 'create client link',
    mode: 'write',
    ok: [201, 409],
    request: (c) => ['POST', `/api/v1/clients/${c}/links`, { purpose: 'measures', instruments: ['phq9'] }],
  },
  {
    // No such link: in reach the answer is 404 from the use case; out of reach 404 before it.
    name: 'revoke client link',
    mode: 'write',
    ok: [404],
    request: (c) => ['DELETE', `/api/v1/clients/${c}/links/${NO_LINK_ID}`],
  },
  {
    // An invalid action: in reach the body is judged (400); out of reach the answer is 404 before any validation.
    name: 'acknowledge alert (invalid body)',
    mode: 'write',
    ok: [400],
    request: (c) => [
      'POST',
      `/api/v1/clients/${c}/alerts/acknowledge`,
      { alertKey: 'critical-item-answered:x:9', action: 'shrugged', note: '' },
    ],
  },
  // Sessions and progress notes (issue 11). Session ids that are no ids: in reach 400, out of reach 404 first.
  { name: 'sessions', mode: 'read', ok: [200], request: (c) => ['GET', `/api/v1/clients/${c}/sessions`] },
  {
    name: 'record session',
    mode: 'write',
    ok: [201],
    request: (c) => [
      'POST',
      `/api/v1/clients/${c}/sessions`,
      {
        date: '2026-11-20',
        startTime: '14:00',
        endTime: '14:50',
        serviceType: 'individual',
        modality: 'video',
        attendance: 'attended',
      },
    ],
  },
  {
    name: 'session (invalid id)',
    mode: 'read',
    ok: [400],
    request: (c) => ['GET', `/api/v1/clients/${c}/sessions/not-a-session`],
  },
  {
    name: 'update session (invalid id)',
    mode: 'write',
    ok: [400],
    request: (c) => ['PUT', `/api/v1/clients/${c}/sessions/not-a-session`, { revision: 1 }],
  },
  {
    name: 'save note (invalid id)',
    mode: 'write',
    ok: [400],
    request: (c) => ['PUT', `/api/v1/clients/${c}/sessions/not-a-session/note`, { revision: 0 }],
  },
  {
    name: 'sign note (invalid id)',
    mode: 'write',
    roles: ['clinician'],
    ok: [400],
    request: (c) => ['POST', `/api/v1/clients/${c}/sessions/not-a-session/note/sign`, { revision: 1 }],
  },
  {
    name: 'note addendum (invalid id)',
    mode: 'write',
    ok: [400],
    request: (c) => ['POST', `/api/v1/clients/${c}/sessions/not-a-session/note/addenda`, { text: 'x' }],
  },
  {
    name: 'note draft (invalid id)',
    mode: 'read',
    ok: [400],
    request: (c) => ['GET', `/api/v1/clients/${c}/sessions/not-a-session/note/draft`],
  },
];

type ClientName = 'mine' | 'theirs';

/**
 * Who reaches what (DESIGN 2.8): `mine` is assigned to the clinician, whom the supervisor supervises; `theirs` to the
 * other clinician only. Auditors read everything and write nothing; an admin without a clinical role reaches nothing.
 */
const ROLE_OF: Record<Person, 'clinician' | 'supervisor' | 'auditor' | 'admin'> = {
  clinician: 'clinician',
  otherClinician: 'clinician',
  supervisor: 'supervisor',
  otherSupervisor: 'supervisor',
  auditor: 'auditor',
  admin: 'admin',
};

function expected(person: Person, client: ClientName, route: RouteCase): 'ok' | 403 | 404 {
  const mode = route.mode;
  const role = ROLE_OF[person];
  if (route.roles && !(route.roles as readonly string[]).includes(role)) return 403;
  if (route.admin && person === 'admin') return 'ok';
  if (person === 'auditor') return mode === 'read' ? 'ok' : 403;
  const reaches: Record<Person, readonly ClientName[]> = {
    clinician: ['mine'],
    supervisor: ['mine'],
    otherClinician: ['theirs'],
    otherSupervisor: [],
    auditor: ['mine', 'theirs'],
    admin: [],
  };
  return reaches[person].includes(client) ? 'ok' : 404;
}

for (const dialect of DIALECTS) {
  describe(`authorization matrix (role × route × reach) on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    const browsers = {} as Record<Person, TestBrowser>;
    const clients = {} as Record<ClientName, string>;
    const fixtures = {} as Record<ClientName, Fixture>;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      for (const person of Object.keys(demo.users) as Person[])
        browsers[person] = await sessionFor(ctx, demo.users[person]);
      // The panic case moves to the other clinician: the admin reassigns it, then removes the first clinician.
      clients.mine = demo.clients.depression;
      clients.theirs = demo.clients.panic;
      const reassign = await browsers.admin.post(`/api/v1/clients/${clients.theirs}/assignments`, {
        userId: demo.users.otherClinician.id,
        role: 'primary',
      });
      expect(reassign.statusCode).toBe(201);
      const removed = await browsers.admin.request(
        'DELETE',
        `/api/v1/clients/${clients.theirs}/assignments/${demo.users.clinician.id}`,
      );
      expect(removed.statusCode).toBe(204);
      for (const [name, owner] of [
        ['mine', browsers.clinician],
        ['theirs', browsers.otherClinician],
      ] as const) {
        const behavior = await owner.post(`/api/v1/clients/${clients[name]}/behaviors`, {
          name: 'Avoided situations',
          period: 'week',
          direction: 'decrease',
        });
        const formulation = (await owner.get(`/api/v1/clients/${clients[name]}/formulation`)).json();
        const plan = (await owner.get(`/api/v1/clients/${clients[name]}/plan`)).json();
        fixtures[name] = {
          behaviorId: behavior.json().id,
          formulation: { problemAreas: formulation.problemAreas, elements: formulation.elements },
          planId: plan.id,
          planDraft: draftRequestOf(plan),
        };
      }
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    const auditCount = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    let n = 0;
    const people: Person[] = ['clinician', 'otherClinician', 'supervisor', 'otherSupervisor', 'auditor', 'admin'];
    for (const route of ROUTES) {
      for (const person of people) {
        for (const client of ['mine', 'theirs'] as const) {
          const want = expected(person, client, route);
          it(`${route.name}: ${person} on ${client} client → ${want}`, async () => {
            n += 1;
            const [method, url, payload] = route.request(clients[client], fixtures[client], n);
            const before = await auditCount();
            const res: LightMyRequestResponse = await browsers[person].request(method, url, payload);
            // One audit event per request (issue 5 item 9), whatever the answer.
            expect(await auditCount(), `audit events of ${method} ${url}`).toBe(before + 1);
            if (want === 'ok') {
              expect(route.ok, `${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
            } else {
              expect(res.statusCode, res.body.slice(0, 300)).toBe(want);
              expect(res.json().error.code).toBe(want === 404 ? 'not-found' : 'forbidden');
            }
          });
        }
      }
    }

    it('covers every route that names a client in its path (a new route without a matrix entry fails here)', async () => {
      const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const declared = Object.entries(doc.paths)
        .filter(([path]) => path.includes('{clientId}'))
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
        .sort();
      const f = fixtures.mine;
      const covered = new Set(
        ROUTES.map((r) => {
          const [method, url] = r.request(clients.mine, f, 0);
          const path = url
            .split('?')[0]!
            .replace(clients.mine, '{clientId}')
            .replace(f.behaviorId, '{behaviorId}')
            .replace(f.planId, '{planId}')
            .replace('/assignments/not-an-id', '/assignments/{userId}')
            .replace(`/links/${NO_LINK_ID}`, '/links/{linkId}')
            .replace('/reviews/not-a-review', '/reviews/{reviewId}')
            .replace('/sessions/not-a-session', '/sessions/{sessionId}');
          return `${method} ${path}`;
        }),
      );
      // Break-glass is the one route meant for clients out of reach; src/http/routes/break-glass has its own matrix.
      const exempt = new Set([
        'POST /api/v1/clients/{clientId}/break-glass',
        // Psychotherapy notes are author-only (supervisors, auditors and admins get 404 too), so the matrix rule does
        // not fit them: src/http/routes/sessions/sessions.test.ts proves their isolation.
        'POST /api/v1/clients/{clientId}/psychotherapy-notes',
        'GET /api/v1/clients/{clientId}/psychotherapy-notes',
      ]);
      expect(declared.filter((route) => !covered.has(route) && !exempt.has(route))).toEqual([]);
    });

    it('answers 404 for an id that is no client at all, and for an id that is not even an id', async () => {
      const res = await browsers.clinician.get('/api/v1/clients/00000000-0000-4000-8000-000000000000');
      expect(res.statusCode).toBe(404);
      expect((await browsers.clinician.get('/api/v1/clients/not-an-id')).statusCode).toBe(404);
    });

    it('lists only the clients in reach in the caseload', async () => {
      const ids = async (p: Person) =>
        ((await browsers[p].get('/api/v1/caseload')).json().items as { client: { id: string } }[]).map(
          (r) => r.client.id,
        );
      expect(await ids('clinician')).toContain(clients.mine);
      expect(await ids('clinician')).not.toContain(clients.theirs);
      expect(await ids('otherClinician')).toEqual([clients.theirs]);
      expect(await ids('supervisor')).not.toContain(clients.theirs);
      expect(await ids('otherSupervisor')).toEqual([]);
      expect(await ids('admin')).toEqual([]);
      expect(await ids('auditor')).toEqual(expect.arrayContaining([clients.mine, clients.theirs]));
    });

    it('recorded the refusals in the audit trail, which still verifies', async () => {
      const events = await ctx.deps.store.listAudit({ limit: 100_000 });
      const denied = events.filter((e) => e.outcome === 'denied' && e.clientIds.includes(clients.theirs));
      expect(denied.length).toBeGreaterThan(10);
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true });
    });
  });
}
