import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { buildTestApp, signInAs, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { addUser } from '../../../application/add-user.js';

const cli = { kind: 'cli' as const, osUser: 'test' };
const PASSWORD = 'a long enough password';

for (const dialect of DIALECTS) {
  describe(`userRoutes, supervisionRoutes, settingsRoutes, auditRoutes on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let admin: TestBrowser;
    let clinician: TestBrowser;
    let auditor: TestBrowser;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      // First, the practice owner sets Cairn up; then staff accounts are added from the command line.
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'owner@example.org', name: 'Owner', password: PASSWORD },
      });
      for (const [key, roles] of [
        ['clinician', ['clinician']],
        ['supervisor', ['supervisor']],
        ['auditor', ['auditor']],
      ] as const) {
        const u = await addUser(ctx.deps, cli, {
          email: `${key}@example.org`,
          name: key,
          password: PASSWORD,
          roles: [...roles],
        });
        ids[key] = u.id;
      }
      admin = (await signInAs(ctx.app, ctx.clock, 'owner@example.org', PASSWORD)).browser;
      clinician = (await signInAs(ctx.app, ctx.clock, 'clinician@example.org', PASSWORD)).browser;
      auditor = (await signInAs(ctx.app, ctx.clock, 'auditor@example.org', PASSWORD)).browser;
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('lists staff newest first for admins and auditors, and refuses clinicians with 403', async () => {
      const list = await admin.get('/api/v1/users?limit=2');
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(2);
      expect(list.json().nextCursor).toBe('2');
      const rest = await admin.get('/api/v1/users?limit=2&cursor=2');
      expect(rest.json().items).toHaveLength(2);
      expect(rest.json().nextCursor).toBeNull();
      expect((await auditor.get('/api/v1/users')).statusCode).toBe(200);
      const refused = await clinician.get('/api/v1/users');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    });

    it('creates a staff account (201) and refuses a duplicate e-mail (409) and unknown fields (400)', async () => {
      const body = { email: 'new@example.org', name: 'New Person', password: PASSWORD, roles: ['clinician'] };
      const created = await admin.post('/api/v1/users', body);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ email: 'new@example.org', roles: ['clinician'], active: true });
      expect((await admin.post('/api/v1/users', body)).statusCode).toBe(409);
      expect((await admin.post('/api/v1/users', { ...body, email: 'x@example.org', admin: true })).statusCode).toBe(
        400,
      );
      expect((await clinician.post('/api/v1/users', { ...body, email: 'y@example.org' })).statusCode).toBe(403);
    });

    it('deactivating a user ends their sessions at once', async () => {
      await addUser(ctx.deps, cli, {
        email: 'leaver@example.org',
        name: 'Leaver',
        password: PASSWORD,
        roles: ['clinician'],
      });
      const leaver = (await signInAs(ctx.app, ctx.clock, 'leaver@example.org', PASSWORD)).browser;
      const id = (await leaver.get('/api/v1/me')).json().user.id as string;
      const res = await admin.request('PATCH', `/api/v1/users/${id}`, { active: false });
      expect(res.statusCode).toBe(200);
      expect(res.json().active).toBe(false);
      expect((await leaver.get('/api/v1/me')).statusCode).toBe(401);
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'leaver@example.org', password: PASSWORD },
      });
      expect(again.statusCode).toBe(401);
    });

    it('keeps at least one active administrator (409) and answers 404 for an unknown user', async () => {
      const me = (await admin.get('/api/v1/me')).json().user.id as string;
      const res = await admin.request('PATCH', `/api/v1/users/${me}`, { roles: ['clinician'] });
      expect(res.statusCode).toBe(409);
      const unknown = await admin.request('PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', { name: 'x' });
      expect(unknown.statusCode).toBe(404);
    });

    it('adds, lists and removes supervision links (admin only)', async () => {
      const pair = { supervisorId: ids.supervisor, clinicianId: ids.clinician };
      expect((await clinician.post('/api/v1/supervision', pair)).statusCode).toBe(403);
      const created = await admin.post('/api/v1/supervision', pair);
      expect(created.statusCode).toBe(201);
      expect((await admin.post('/api/v1/supervision', pair)).statusCode).toBe(409);
      const wrongRole = await admin.post('/api/v1/supervision', {
        supervisorId: ids.clinician,
        clinicianId: ids.auditor,
      });
      expect(wrongRole.statusCode).toBe(400);
      expect((await auditor.get('/api/v1/supervision')).json().items).toEqual([expect.objectContaining(pair)]);
      const removed = await admin.request('DELETE', `/api/v1/supervision/${ids.supervisor}/${ids.clinician}`);
      expect(removed.statusCode).toBe(204);
      expect((await admin.request('DELETE', `/api/v1/supervision/${ids.supervisor}/${ids.clinician}`)).statusCode).toBe(
        404,
      );
    });

    it('lets everyone read the settings and only an admin change them; relaxing MFA spares clinicians the TOTP step', async () => {
      const read = await clinician.get('/api/v1/settings');
      expect(read.statusCode).toBe(200);
      expect(read.json().settings.mfaRequired).toBe(true);
      expect(
        (await clinician.request('PATCH', '/api/v1/settings', { settings: { mfaRequired: false } })).statusCode,
      ).toBe(403);
      const bad = await admin.request('PATCH', '/api/v1/settings', { timeZone: 'Mars/Olympus' });
      expect(bad.statusCode).toBe(400);
      const changed = await admin.request('PATCH', '/api/v1/settings', {
        timeZone: 'America/New_York',
        settings: { mfaRequired: false, reviewIntervalDays: 60 },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        timeZone: 'America/New_York',
        settings: { mfaRequired: false, reviewIntervalDays: 60, noteFormat: 'dap' },
      });
      await addUser(ctx.deps, cli, {
        email: 'fresh@example.org',
        name: 'Fresh',
        password: PASSWORD,
        roles: ['clinician'],
      });
      const login = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'fresh@example.org', password: PASSWORD },
      });
      expect(login.json().stage).toBe('complete');
      await admin.request('PATCH', '/api/v1/settings', { settings: { mfaRequired: true } });
    });

    it('shows the audit trail newest first to auditors, page by page, and it verifies', async () => {
      const first = await auditor.get('/api/v1/audit?limit=5');
      expect(first.statusCode).toBe(200);
      const page = first.json();
      expect(page.items).toHaveLength(5);
      const seqs = page.items.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
      const second = (await auditor.get(`/api/v1/audit?limit=5&cursor=${page.nextCursor}`)).json();
      expect(second.items[0].seq).toBeLessThan(seqs[4]);
      expect((await clinician.get('/api/v1/audit')).statusCode).toBe(403);
      expect((await auditor.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true, brokenAt: null });
      // Reading the trail is recorded too.
      const latest = (await admin.get('/api/v1/audit?limit=1')).json().items[0];
      expect(latest.action).toBe('audit.verify');
    });

    it('lists the roles', async () => {
      const res = await clinician.get('/api/v1/roles');
      expect(res.json().items.map((r: { name: string }) => r.name)).toEqual([
        'admin',
        'clinician',
        'supervisor',
        'auditor',
      ]);
    });
  });
}
