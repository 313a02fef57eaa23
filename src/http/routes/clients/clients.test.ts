import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { addUser } from '../../../application/add-user.js';
import type { User } from '../../../application/ports.js';

const cli = { kind: 'cli' as const, osUser: 'test' };
const PASSWORD = 'a long enough password';
/** Names no code, route or message would ever contain by chance. */
const GIVEN = 'Zebediah';
const FAMILY = 'Quillfeatherstone';
const BIRTH = '1987-03-14';

for (const dialect of DIALECTS) {
  describe(`clientRoutes, caseloadRoutes, goalRoutes, measureRoutes, alertRoutes on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let ana: TestBrowser;
    let ben: TestBrowser;
    let anaUser: User;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t, { captureLogs: true });
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'owner@example.org', name: 'Owner', password: PASSWORD },
      });
      anaUser = await addUser(ctx.deps, cli, {
        email: 'ana@example.org',
        name: 'Ana',
        password: PASSWORD,
        roles: ['clinician'],
      });
      const benUser = await addUser(ctx.deps, cli, {
        email: 'ben@example.org',
        name: 'Ben',
        password: PASSWORD,
        roles: ['clinician'],
      });
      ana = await sessionFor(ctx, anaUser);
      ben = await sessionFor(ctx, benUser);
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('registers a client (201) with the caller as primary clinician, and refuses duplicates and bad input', async () => {
      const res = await ana.post('/api/v1/clients', { firstName: GIVEN, lastName: FAMILY, dateOfBirth: BIRTH });
      expect(res.statusCode).toBe(201);
      const client = res.json();
      expect(client).toMatchObject({ firstName: GIVEN, lastName: FAMILY, dateOfBirth: BIRTH, status: 'active' });
      expect(client.recordNumber).toMatch(/^C-[0-9A-F]{8}$/);
      const record = (await ana.get(`/api/v1/clients/${client.id}`)).json();
      expect(record.assignments).toEqual([expect.objectContaining({ userId: anaUser.id, role: 'primary' })]);

      const dup = await ana.post('/api/v1/clients', {
        firstName: 'A',
        lastName: 'B',
        dateOfBirth: '1990-04-02',
        recordNumber: client.recordNumber,
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).not.toContain(GIVEN);
      expect(
        (await ana.post('/api/v1/clients', { firstName: 'A', lastName: 'B', nickname: 'x', dateOfBirth: '1990-04-02' }))
          .statusCode,
      ).toBe(400);
      expect(
        (await ana.post('/api/v1/clients', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-13-45' })).statusCode,
      ).toBe(400);
      // The contract's three required fields; the optional details are checked too.
      expect((await ana.post('/api/v1/clients', { firstName: 'A', lastName: 'B' })).statusCode).toBe(400);
      const badMail = await ana.post('/api/v1/clients', {
        firstName: 'A',
        lastName: 'B',
        dateOfBirth: '1990-04-02',
        email: 'not-an-address',
      });
      expect(badMail.statusCode).toBe(400);
      expect(badMail.json().error.message).toContain('email');
    });

    it('keeps the optional details: preferred name, pronouns, external id, e-mail, phone', async () => {
      const details = {
        preferredName: 'Jo',
        pronouns: 'they/them',
        externalId: 'EHR-123',
        email: 'jo@example.org',
        phone: '+44 20 7946 0000',
      };
      const res = await ana.post('/api/v1/clients', {
        firstName: 'Joanna',
        lastName: 'Kay',
        dateOfBirth: '1988-02-29',
        ...details,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ firstName: 'Joanna', lastName: 'Kay', ...details });
      const read = (await ana.get(`/api/v1/clients/${res.json().id}`)).json();
      expect(read.client).toMatchObject(details);
    });

    it('answers 404 for a client out of reach even when the body is invalid (404 before 400)', async () => {
      const client = (
        await ana.post('/api/v1/clients', { firstName: 'Cleo', lastName: 'Park', dateOfBirth: '1990-04-02' })
      ).json();
      const res = await ben.post(`/api/v1/clients/${client.id}/diagnoses`, { code: 'nonsense', extra: true });
      expect(res.statusCode).toBe(404);
      const mine = await ana.post(`/api/v1/clients/${client.id}/diagnoses`, { code: 'nonsense', extra: true });
      expect(mine.statusCode).toBe(400);
    });

    it('pages the caseload newest first with an opaque cursor', async () => {
      const fresh = await createTestDatabase(dialect);
      const other = await buildTestApp(fresh);
      try {
        const u = await addUser(other.deps, cli, {
          email: 'c@example.org',
          name: 'C',
          password: PASSWORD,
          roles: ['clinician'],
        });
        const browser = await sessionFor(other, u);
        const ids: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          other.clock.advance(1000);
          ids.push(
            (
              await browser.post('/api/v1/clients', { firstName: `G${i}`, lastName: 'F', dateOfBirth: '1990-04-02' })
            ).json().id,
          );
        }
        const first = (await browser.get('/api/v1/caseload?limit=2')).json();
        expect(first.items.map((r: { client: { id: string } }) => r.client.id)).toEqual([ids[4], ids[3]]);
        const second = (await browser.get(`/api/v1/caseload?limit=2&cursor=${first.nextCursor}`)).json();
        expect(second.items.map((r: { client: { id: string } }) => r.client.id)).toEqual([ids[2], ids[1]]);
        const third = (await browser.get(`/api/v1/caseload?limit=2&cursor=${second.nextCursor}`)).json();
        expect(third.items.map((r: { client: { id: string } }) => r.client.id)).toEqual([ids[0]]);
        expect(third.nextCursor).toBeNull();
        expect((await browser.get('/api/v1/caseload?cursor=garbage')).statusCode).toBe(400);
      } finally {
        await other.app.close();
        await fresh.dispose();
      }
    });

    it('keeps formulation element ids across edits', async () => {
      const client = (
        await ana.post('/api/v1/clients', { firstName: 'Dee', lastName: 'Ray', dateOfBirth: '1990-04-02' })
      ).json();
      const url = `/api/v1/clients/${client.id}/formulation`;
      expect((await ana.get(url)).statusCode).toBe(404);
      const saved = await ana.request('PUT', url, {
        problemAreas: ['panic'],
        elements: [
          { kind: 'safety-behaviour', text: 'Carries water everywhere' },
          { kind: 'avoidance', text: 'Avoids the underground' },
        ],
      });
      expect(saved.statusCode).toBe(200);
      const [water, underground] = saved.json().elements;
      const edited = await ana.request('PUT', url, {
        problemAreas: ['panic', 'gad'],
        elements: [{ ...underground, text: 'Avoids trains and the underground' }],
      });
      expect(edited.json().elements).toEqual([{ ...underground, text: 'Avoids trains and the underground' }]);
      expect(edited.json().elements[0].id).not.toBe(water.id);
    });

    it('scores an administration, raises a critical-item alert, and closes it only with a recorded action', async () => {
      const client = (
        await ana.post('/api/v1/clients', { firstName: 'Eli', lastName: 'Moss', dateOfBirth: '1990-04-02' })
      ).json();
      const base = `/api/v1/clients/${client.id}`;
      const res = await ana.post(`${base}/administrations`, {
        instrument: 'phq9',
        answers: [3, 3, 2, 2, 2, 2, 2, 1, 1],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().score).toMatchObject({ total: 18, severity: 'moderately severe' });
      expect(res.json().alerts.map((a: { code: string }) => a.code)).toEqual(['critical-item-answered']);
      const open = (await ana.get(`${base}/alerts?open=true`)).json().items;
      expect(open).toHaveLength(1);
      const alertKey = open[0].alert.key;
      const noNote = await ana.post(`${base}/alerts/acknowledge`, { alertKey, action: 'risk-assessed', note: ' ' });
      expect(noNote.statusCode).toBe(400);
      const ack = await ana.post(`${base}/alerts/acknowledge`, {
        alertKey,
        action: 'risk-assessed',
        note: 'Screen negative; safety plan reviewed.',
      });
      expect(ack.statusCode).toBe(200);
      expect(ack.json().acknowledgement).toMatchObject({ action: 'risk-assessed', by: anaUser.id });
      expect((await ana.get(`${base}/alerts?open=true`)).json().items).toEqual([]);
      expect(
        (await ana.post(`${base}/alerts/acknowledge`, { alertKey, action: 'escalated', note: 'again' })).statusCode,
      ).toBe(404);
      const series = (await ana.get(`${base}/series?instrumentId=phq9`)).json();
      expect(series.instruments[0].points.map((p: { total: number }) => p.total)).toEqual([18]);
      expect((await ana.post(`${base}/administrations`, { instrument: 'phq9', answers: [9] })).statusCode).toBe(400);
      expect((await ana.post(`${base}/administrations`, { instrument: 'nope', answers: [1] })).statusCode).toBe(404);
    });

    it('checks a goal text alone, and with the client’s data judges Achievable', async () => {
      const text = 'Reduce PHQ-9 to 9 or less within 12 weeks.';
      const alone = (await ana.post('/api/v1/goals/check', { text })).json();
      expect(alone.smart.achievable.met).toBeNull();
      expect(alone.targets[0]).toMatchObject({ measure: 'phq9', direction: 'decrease' });
      const client = (
        await ana.post('/api/v1/clients', { firstName: 'Fay', lastName: 'Lin', dateOfBirth: '1990-04-02' })
      ).json();
      await ana.post(`/api/v1/clients/${client.id}/administrations`, {
        instrument: 'phq9',
        answers: [2, 2, 2, 2, 2, 2, 2, 2, 0],
      });
      const withClient = (await ana.post('/api/v1/goals/check', { text, clientId: client.id })).json();
      expect(withClient.smart.achievable.met).not.toBeNull();
      expect((await ben.post('/api/v1/goals/check', { text, clientId: client.id })).statusCode).toBe(404);
    });

    it('never writes a client’s name or date of birth to the log, and keeps URLs free of them', async () => {
      const logs = ctx.logs.join('\n');
      expect(logs.length).toBeGreaterThan(1000);
      expect(logs).toContain('"statusCode":201');
      for (const secret of [GIVEN, FAMILY, BIRTH]) expect(logs).not.toContain(secret);
      const audit = JSON.stringify(await ctx.deps.store.listAudit({ limit: 100_000 }));
      for (const secret of [GIVEN, FAMILY, BIRTH]) expect(audit).not.toContain(secret);
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true });
    });

    it('declares only opaque ids as path parameters and no client data in query strings', async () => {
      const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const allowedQuery = new Set([
        'limit',
        'cursor',
        'status',
        'clientId',
        'instrumentId',
        'instrument',
        'revision',
        'unreviewed',
        'withinDays',
        // Exports: what to render and, for the accounting of disclosures, to whom and why (never client data).
        'format',
        'document',
        'reviewId',
        'purpose',
        'recipient',
        'open',
        'from',
        'to',
        'period',
        'clinicianId',
      ]);
      let pathParams = 0;
      for (const [path, ops] of Object.entries(
        doc.paths as Record<string, Record<string, { parameters?: unknown[] }>>,
      )) {
        for (const op of Object.values(ops)) {
          for (const p of (op.parameters ?? []) as {
            in: string;
            name: string;
            schema: { format?: string; pattern?: string };
          }[]) {
            if (p.in === 'path') {
              pathParams += 1;
              expect(p.schema.format ?? p.schema.pattern, `${path} ${p.name}`).toBeTruthy();
              expect(p.name, path).toMatch(/^(id|[a-z]+Id)$/);
            }
            if (p.in === 'query') expect(allowedQuery, `${path} ?${p.name}`).toContain(p.name);
          }
        }
      }
      expect(pathParams).toBeGreaterThan(10);
    });

    it('wrote an audit event for every API request', async () => {
      const requests = ctx.logs
        .map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } })
        .filter((l) => l.msg === 'incoming request' && l.req?.url?.startsWith('/api/v1/'));
      const events = await ctx.deps.store.listAudit({ limit: 100_000 });
      // Use cases may write more than one event (setup also creates the practice), never fewer.
      expect(events.length).toBeGreaterThanOrEqual(requests.length);
    });
  });
}
