import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';

interface PlanGoal {
  id: string;
  statement: string;
  status: string;
  objectives: { id: string; statement: string; interventions: { id: string; name: string }[] }[];
}

const SESSION = {
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '14:50',
  serviceType: 'individual',
  modality: 'video',
  attendance: 'attended',
  billingCodes: ['90834'],
};

const emptyNote = (revision: number) => ({
  revision,
  sections: { kind: 'dap', data: '', assessment: '', plan: '' },
  goalsAddressed: [],
  interventions: [],
  administrationIds: [],
  homework: '',
  risk: null,
});

for (const dialect of DIALECTS) {
  describe(`sessions and progress notes on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let clientId: string;
    const base = () => `/api/v1/clients/${clientId}`;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
      supervisor = await sessionFor(ctx, demo.users.supervisor);
      auditor = await sessionFor(ctx, demo.users.auditor);
      clientId = demo.clients.depression;
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    const newSession = async (body: object = SESSION) => {
      const res = await clinician.post(`${base()}/sessions`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; revision: number };
    };
    const putNote = (browser: TestBrowser, sessionId: string, body: unknown) =>
      browser.request('PUT', `${base()}/sessions/${sessionId}/note`, body);
    const closeCriticalAlerts = async () => {
      for (const a of await ctx.deps.store.listAlerts(clientId, { open: true })) {
        await ctx.deps.store.recordAlertClosure(a.id, {
          action: 'risk-assessed',
          note: 'closed for the test',
          by: 'test',
          at: ctx.clock.now().toISOString(),
        } as never);
      }
    };

    it('records a session and lists it with no note yet; the detail shows the signed plan’s goals', async () => {
      // First, the therapist records today's session from the client page.
      const session = await newSession();
      expect(session).toMatchObject({ ...SESSION, clinicianId: demo.users.clinician.id, revision: 1 });
      const list = (await clinician.get(`${base()}/sessions`)).json();
      expect(list.items.map((e: { session: { id: string } }) => e.session.id)).toContain(session.id);
      const detail = (await clinician.get(`${base()}/sessions/${session.id}`)).json();
      expect(detail.note).toBeNull();
      expect(detail.noteFormat).toBe('dap');
      expect(detail.plan.goals.length).toBeGreaterThan(0);
    });

    it('shows the demo client’s weeks of attended sessions with signed notes', async () => {
      const items: { session: { attendance: string }; note: { status: string } | null }[] = (
        await clinician.get(`${base()}/sessions`)
      ).json().items;
      const signed = items.filter((e) => e.note?.status === 'signed');
      expect(signed.length).toBeGreaterThanOrEqual(4);
      expect(signed.every((e) => e.session.attendance === 'attended')).toBe(true);
    });

    it('refuses an end time before the start, and an unknown field', async () => {
      const early = await clinician.post(`${base()}/sessions`, { ...SESSION, endTime: '13:00' });
      expect(early.statusCode).toBe(400);
      const extra = await clinician.post(`${base()}/sessions`, { ...SESSION, room: 'B' });
      expect(extra.statusCode).toBe(400);
    });

    it('walks the note lifecycle: draft → stale revision 409 → signed → change refused → addendum', async () => {
      await closeCriticalAlerts();
      const session = await newSession();
      const detail = (await clinician.get(`${base()}/sessions/${session.id}`)).json();
      const goal: PlanGoal = detail.plan.goals[0];
      const objective = goal.objectives[0]!;
      const intervention = objective.interventions[0]!;
      // The therapist ticks the goal addressed, picks an intervention from the plan and adds one of their own.
      const body = {
        ...emptyNote(0),
        sections: { kind: 'dap', data: 'Reviewed the activity diary.', assessment: 'Engaging well.', plan: '' },
        goalsAddressed: [{ goalId: goal.id, objectiveIds: [objective.id] }],
        interventions: [
          { interventionId: intervention.id, name: intervention.name },
          { interventionId: null, name: 'Sleep hygiene review' },
        ],
        homework: 'Two valued activities',
      };
      const opened = await putNote(clinician, session.id, body);
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json()).toMatchObject({ status: 'draft', revision: 1, planId: detail.plan.planId });

      // A second tab still at revision 0 cannot overwrite it.
      const stale = await putNote(clinician, session.id, { ...body, homework: 'Stale' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('stale-revision');

      const saved = await putNote(clinician, session.id, { ...body, revision: 1, homework: 'Three valued activities' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ revision: 2, homework: 'Three valued activities' });

      // Only the clinician who held the session signs, at the revision they read.
      expect((await supervisor.post(`${base()}/sessions/${session.id}/note/sign`, { revision: 2 })).statusCode).toBe(
        403,
      );
      const staleSign = await clinician.post(`${base()}/sessions/${session.id}/note/sign`, { revision: 1 });
      expect(staleSign.statusCode).toBe(409);
      expect(staleSign.json().error.code).toBe('stale-revision');
      const signed = await clinician.post(`${base()}/sessions/${session.id}/note/sign`, { revision: 2 });
      expect(signed.statusCode, signed.body).toBe(200);
      expect(signed.json()).toMatchObject({
        status: 'signed',
        revision: 3,
        signature: { userId: demo.users.clinician.id },
      });

      // A signed note never changes, nor do the session times it attests.
      const change = await putNote(clinician, session.id, { ...body, revision: 3, homework: 'Rewritten' });
      expect(change.statusCode).toBe(409);
      expect(change.json().error.code).toBe('conflict');
      const moved = await clinician.request('PUT', `${base()}/sessions/${session.id}`, {
        ...SESSION,
        startTime: '15:00',
        endTime: '15:50',
        revision: 1,
      });
      expect(moved.statusCode).toBe(409);
      expect(moved.json().error.code).toBe('conflict');

      // Later words are addenda, with their author and time.
      const addendum = await supervisor.post(`${base()}/sessions/${session.id}/note/addenda`, {
        text: 'Reviewed in supervision.',
      });
      expect(addendum.statusCode, addendum.body).toBe(201);
      const after = (await clinician.get(`${base()}/sessions/${session.id}`)).json();
      expect(after.note).toMatchObject({ status: 'signed', revision: 3, homework: 'Three valued activities' });
      expect(after.note.addenda).toEqual([
        expect.objectContaining({
          text: 'Reviewed in supervision.',
          authorId: demo.users.supervisor.id,
          createdAt: ctx.clock.now().toISOString(),
        }),
      ]);
      // Auditors read but never write.
      expect((await auditor.get(`${base()}/sessions/${session.id}`)).statusCode).toBe(200);
      expect((await auditor.post(`${base()}/sessions/${session.id}/note/addenda`, { text: 'x' })).statusCode).toBe(403);
    });

    it('refuses an addendum to a draft and a goal that is not the plan’s', async () => {
      const session = await newSession();
      expect((await putNote(clinician, session.id, emptyNote(0))).statusCode).toBe(200);
      const early = await clinician.post(`${base()}/sessions/${session.id}/note/addenda`, { text: 'Too early' });
      expect(early.statusCode).toBe(409);
      const wrongGoal = await putNote(clinician, session.id, {
        ...emptyNote(1),
        goalsAddressed: [{ goalId: '00000000-0000-4000-8000-000000000001', objectiveIds: [] }],
      });
      expect(wrongGoal.statusCode).toBe(400);
      const soap = await putNote(clinician, session.id, {
        ...emptyNote(1),
        sections: { kind: 'soap', subjective: '', objective: '', assessment: '', plan: '' },
      });
      expect(soap.statusCode).toBe(400);
    });

    it('requires the risk section to sign while a critical-item alert is open', async () => {
      await closeCriticalAlerts();
      // The client answers PHQ-9 item 9 above zero in session: a critical alert opens.
      const administered = await clinician.post(`${base()}/administrations`, {
        instrument: 'phq9',
        answers: [2, 2, 1, 2, 1, 1, 1, 1, 1],
      });
      expect(administered.statusCode, administered.body).toBe(201);
      expect((await ctx.deps.store.listAlerts(clientId, { open: true })).length).toBeGreaterThan(0);
      const session = await newSession();
      const detail = (await clinician.get(`${base()}/sessions/${session.id}`)).json();
      const goal: PlanGoal = detail.plan.goals[0];
      const body = {
        ...emptyNote(0),
        sections: { kind: 'dap', data: 'PHQ-9 given; item 9 endorsed.', assessment: '', plan: '' },
        goalsAddressed: [{ goalId: goal.id, objectiveIds: [] }],
      };
      expect((await putNote(clinician, session.id, body)).statusCode).toBe(200);
      const refused = await clinician.post(`${base()}/sessions/${session.id}/note/sign`, { revision: 1 });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('note-incomplete');
      expect(refused.json().error.issues.map((i: { code: string }) => i.code)).toEqual(['note-risk-section-required']);
      const withRisk = await putNote(clinician, session.id, {
        ...body,
        revision: 1,
        risk: { level: 'low', text: 'Passive thoughts; no plan or intent. Safety plan reviewed.' },
      });
      expect(withRisk.statusCode, withRisk.body).toBe(200);
      const signed = await clinician.post(`${base()}/sessions/${session.id}/note/sign`, { revision: 2 });
      expect(signed.statusCode, signed.body).toBe(200);
    });

    it('drafts the note from the session’s entries, every sentence with its sources', async () => {
      const session = await newSession({ ...SESSION, date: ctx.clock.now().toISOString().slice(0, 10) });
      const administered = await clinician.post(`${base()}/administrations`, {
        instrument: 'gad7',
        answers: [1, 1, 1, 1, 1, 1, 1],
      });
      expect(administered.statusCode).toBe(201);
      const administrationId: string = administered.json().id;
      // Before a note is opened the draft takes the day's scores.
      const before = (await clinician.get(`${base()}/sessions/${session.id}/note/draft`)).json();
      const sourcesBefore = before.sections.flatMap((s: { sentences: { sources: unknown[] }[] }) =>
        s.sentences.flatMap((x) => x.sources),
      );
      expect(sourcesBefore).toContainEqual({ kind: 'session', sessionId: session.id });
      expect(sourcesBefore).toContainEqual({ kind: 'administration', administrationId });

      const detail = (await clinician.get(`${base()}/sessions/${session.id}`)).json();
      // The editor offers the day's scores for linking.
      expect(detail.administrations).toContainEqual(
        expect.objectContaining({ id: administrationId, instrumentId: 'gad7', label: 'GAD-7' }),
      );
      const goal: PlanGoal = detail.plan.goals[0];
      const intervention = goal.objectives[0]!.interventions[0]!;
      const note = await putNote(clinician, session.id, {
        ...emptyNote(0),
        goalsAddressed: [{ goalId: goal.id, objectiveIds: [goal.objectives[0]!.id] }],
        interventions: [{ interventionId: intervention.id, name: intervention.name }],
        administrationIds: [administrationId],
      });
      expect(note.statusCode, note.body).toBe(200);
      const res = await clinician.get(`${base()}/sessions/${session.id}/note/draft`);
      expect(res.statusCode, res.body).toBe(200);
      const draft = res.json();
      expect(draft.sections.map((s: { name: string }) => s.name)).toEqual(['data', 'assessment', 'plan']);
      const sentences: { text: string; sources: { kind: string }[] }[] = draft.sections.flatMap(
        (s: { sentences: unknown[] }) => s.sentences,
      );
      for (const s of sentences) expect(s.sources.length, s.text).toBeGreaterThan(0);
      expect(sentences).toContainEqual({
        text: `Interventions delivered: ${intervention.name.trim()}.`,
        sources: [{ kind: 'intervention', interventionId: intervention.id, name: intervention.name.trim() }],
      });
      const goalSentence = sentences.find((s) => s.sources.some((x) => x.kind === 'goal'));
      expect(goalSentence?.sources).toEqual([
        { kind: 'goal', goalId: goal.id },
        { kind: 'objective', objectiveId: goal.objectives[0]!.id },
      ]);
      const scoreSentences = sentences.filter((s) => s.text.startsWith('GAD-7'));
      expect(scoreSentences[0]?.sources).toEqual([{ kind: 'administration', administrationId }]);
      // The drafted change names both administrations it compares (the demo has earlier GAD-7 scores).
      const change = scoreSentences.find((s) => s.text.includes('changed from'));
      if (change) expect(change.sources).toHaveLength(2);
      // Nothing is stored by drafting.
      expect((await clinician.get(`${base()}/sessions/${session.id}`)).json().note.sections.data).toBe('');
    });

    describe('psychotherapy notes (author-only; never leave with the record)', () => {
      const MARKER = 'PROCESS-NOTE-MARKER countertransference around lateness';
      let noteId: string;

      it('lets the assigned clinician write and read their own', async () => {
        const res = await clinician.post(`${base()}/psychotherapy-notes`, { text: MARKER });
        expect(res.statusCode, res.body).toBe(201);
        noteId = res.json().id;
        const mine = await clinician.get(`${base()}/psychotherapy-notes`);
        expect(mine.statusCode).toBe(200);
        expect(mine.json().items.map((n: { id: string }) => n.id)).toEqual([noteId]);
      });

      for (const person of ['otherClinician', 'supervisor', 'otherSupervisor', 'auditor', 'admin'] as const) {
        it(`answers 404 to ${person} for reading and writing, and records the refusal`, async () => {
          const browser = await sessionFor(ctx, demo.users[person]);
          const count = async () => (await ctx.deps.store.listAudit({ limit: 100_000 })).length;
          const before = await count();
          const read = await browser.get(`${base()}/psychotherapy-notes`);
          expect(read.statusCode, read.body).toBe(404);
          expect(read.body).not.toContain('PROCESS-NOTE-MARKER');
          const write = await browser.post(`${base()}/psychotherapy-notes`, { text: 'Not mine to write' });
          expect(write.statusCode, write.body).toBe(404);
          expect(await count()).toBe(before + 2);
          const events = await ctx.deps.store.listAudit({ limit: 100_000 });
          expect(events.slice(-2).map((e) => e.outcome)).toEqual(['denied', 'denied']);
        });
      }

      it('shows an additionally assigned clinician none of the author’s notes', async () => {
        const admin = await sessionFor(ctx, demo.users.admin);
        const assigned = await admin.post(`${base()}/assignments`, {
          userId: demo.users.otherClinician.id,
          role: 'additional',
        });
        expect(assigned.statusCode, assigned.body).toBe(201);
        const other = await sessionFor(ctx, demo.users.otherClinician);
        const res = await other.get(`${base()}/psychotherapy-notes`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toEqual([]);
        expect(
          (await admin.request('DELETE', `${base()}/assignments/${demo.users.otherClinician.id}`)).statusCode,
        ).toBe(204);
      });

      it('is absent from sessions, the FHIR and CSV exports, the audit packet and the audit trail', async () => {
        expect(noteId).toBeDefined();
        const texts = [
          (await clinician.get(`${base()}/sessions`)).body,
          (await clinician.get(`${base()}/exports?format=fhir`)).body,
          (await clinician.get(`${base()}/exports?format=csv`)).body,
          (await clinician.get(`${base()}/exports?format=csv&document=behavior-logs`)).body,
        ];
        for (const text of texts) {
          expect(text).not.toContain('PROCESS-NOTE-MARKER');
          expect(text).not.toContain(noteId);
        }
        // The trail records the write by id only, never its words.
        const trail = await ctx.deps.store.listAudit({ limit: 100_000 });
        expect(JSON.stringify(trail)).not.toContain('PROCESS-NOTE-MARKER');
        expect(trail.filter((e) => e.resource === `psychotherapy-note:${noteId}`).map((e) => e.action)).toEqual([
          'psychotherapy-note.create',
        ]);
        const packet = await clinician.get(
          `${base()}/exports?format=pdf&document=audit-packet&from=2026-01-01&to=2026-12-31`,
        );
        expect(packet.statusCode, packet.body.slice(0, 200)).toBe(200);
        expect(packet.rawPayload.includes(Buffer.from('PROCESS-NOTE-MARKER'))).toBe(false);
      });
    });
  });
}
