import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../../test/test-deps.js';
import type { Deps } from '../../application/ports.js';
import type { ProgressNote } from '../../domain/sessions/progress-note.js';
import type { SessionRecord } from '../../domain/sessions/session-record.js';

const NOW = '2026-11-26T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`session, note and psychotherapy-note repositories on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    let session: SessionRecord;
    let note: ProgressNote;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
      session = {
        id: deps.ids.newId(),
        clientId: demo.clients.panic,
        clinicianId: demo.users.clinician.id,
        date: '2026-11-25',
        startTime: '09:00',
        endTime: '09:50',
        serviceType: 'individual',
        modality: 'audio',
        attendance: 'attended',
        billingCodes: ['90834', '95'],
        revision: 1,
        createdAt: NOW,
        updatedAt: NOW,
      };
      note = {
        id: deps.ids.newId(),
        sessionId: session.id,
        clientId: session.clientId,
        planId: null,
        status: 'draft',
        revision: 1,
        sections: { kind: 'soap', subjective: '“Better”', objective: '', assessment: '', plan: '' },
        goalsAddressed: [{ goalId: 'g1', objectiveIds: ['o1'] }],
        interventions: [{ interventionId: null, name: 'Interoceptive exposure' }],
        administrationIds: [],
        homework: 'Breathing practice',
        risk: { level: 'none-identified', text: 'Asked; none.' },
        signature: null,
        addenda: [],
        createdAt: NOW,
        updatedAt: NOW,
      };
    });
    afterAll(() => t.dispose());

    it('stores a session and a note and reads them back whole', async () => {
      await deps.store.insertSessionRecord(session, demo.users.clinician.id);
      await deps.store.insertProgressNote(note, demo.users.clinician.id);
      expect(await deps.store.findSessionRecord(session.id)).toEqual(session);
      expect(await deps.store.findProgressNote(session.id)).toEqual(note);
      expect((await deps.store.listSessionRecords(session.clientId))[0]).toEqual(session);
    });

    it('refuses a second note for the same session as a duplicate', async () => {
      await expect(deps.store.insertProgressNote({ ...note, id: deps.ids.newId() }, 'x')).rejects.toMatchObject({
        code: 'duplicate',
      });
    });

    it('replaces a draft only at the expected revision, and never once signed', async () => {
      expect(await deps.store.replaceDraftNote({ ...note, revision: 2, homework: 'Stale' }, 5)).toBe(false);
      expect(await deps.store.replaceDraftNote({ ...note, revision: 2, homework: 'Walk' }, 1)).toBe(true);
      const signature = { userId: demo.users.clinician.id, name: 'Dr', credentials: 'PhD', signedAt: NOW };
      const signed: ProgressNote = { ...note, revision: 3, homework: 'Walk', status: 'signed', signature };
      expect(await deps.store.signDraftNote(signed, 2)).toBe(true);
      expect(await deps.store.replaceDraftNote({ ...signed, status: 'draft', signature: null, revision: 4 }, 3)).toBe(
        false,
      );
      expect(await deps.store.findProgressNote(session.id)).toEqual(signed);
    });

    it('keeps addenda beside the signed note, oldest first', async () => {
      for (const [i, text] of ['First', 'Second'].entries()) {
        await deps.store.insertNoteAddendum(
          {
            id: deps.ids.newId(),
            noteId: note.id,
            text,
            authorId: demo.users.supervisor.id,
            authorName: 'Sup',
            createdAt: `2026-11-26T12:0${i}:00.000Z`,
          },
          session.clientId,
        );
      }
      const read = await deps.store.findProgressNote(session.id);
      expect(read?.addenda.map((a) => a.text)).toEqual(['First', 'Second']);
      expect(read?.status).toBe('signed');
      expect(
        (await deps.store.listProgressNotes(session.clientId)).find((n) => n.id === note.id)?.addenda,
      ).toHaveLength(2);
    });

    it('lists psychotherapy notes by author only', async () => {
      const mine = {
        id: deps.ids.newId(),
        clientId: session.clientId,
        sessionId: session.id,
        authorId: demo.users.clinician.id,
        text: 'Process',
        createdAt: NOW,
      };
      await deps.store.insertPsychotherapyNote(mine);
      expect(await deps.store.listPsychotherapyNotes(session.clientId, demo.users.clinician.id)).toEqual([mine]);
      expect(await deps.store.listPsychotherapyNotes(session.clientId, demo.users.supervisor.id)).toEqual([]);
    });
  });
}
