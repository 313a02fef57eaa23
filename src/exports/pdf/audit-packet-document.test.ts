import { describe, expect, it } from 'vitest';
import type { ProgressNote } from '../../domain/sessions/progress-note.js';
import type { SessionRecord } from '../../domain/sessions/session-record.js';
import type { ClientRecord } from '../client-record.js';
import { buildAuditPacketDocument } from './audit-packet-document.js';
import type { DocumentBlock } from './document-model.js';

const record: ClientRecord = {
  practiceName: 'Practice',
  generatedAt: '2026-11-26T12:00:00.000Z',
  client: { id: 'c1', recordNumber: 'R-1', givenName: 'Sam', familyName: 'Lee', dateOfBirth: null },
  diagnoses: [],
  plan: null,
  administrations: [],
  behaviors: [],
  behaviorLogs: [],
};

const session: SessionRecord = {
  id: 's1',
  clientId: 'c1',
  clinicianId: 'u1',
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '14:50',
  serviceType: 'individual',
  modality: 'video',
  attendance: 'attended',
  billingCodes: [],
  revision: 1,
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:00:00.000Z',
};

const note: ProgressNote = {
  id: 'n1',
  sessionId: 's1',
  clientId: 'c1',
  planId: null,
  status: 'signed',
  revision: 3,
  sections: { kind: 'dap', data: 'Reviewed the diary.', assessment: 'Engaged.', plan: 'Exposure next.' },
  goalsAddressed: [],
  interventions: [{ interventionId: null, name: 'Behavioural activation' }],
  administrationIds: [],
  homework: 'Diary',
  risk: null,
  signature: { userId: 'u1', name: 'Dr Rivera', credentials: 'PhD', signedAt: '2026-11-20T16:00:00.000Z' },
  addenda: [
    {
      id: 'a1',
      noteId: 'n1',
      text: 'Late entry.',
      authorId: 'u2',
      authorName: 'Sup',
      createdAt: '2026-11-21T09:00:00.000Z',
    },
  ],
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T16:00:00.000Z',
};

const flatten = (blocks: readonly DocumentBlock[]): DocumentBlock[] =>
  blocks.flatMap((b) => (b.kind === 'group' ? flatten(b.blocks) : [b]));

describe('buildAuditPacketDocument', () => {
  it('lists each session of the period with its times, modality, attendance and the signed note with its addenda', () => {
    const doc = buildAuditPacketDocument({
      record,
      planVersions: [],
      sessions: [
        { session, note },
        { session: { ...session, id: 's2', date: '2026-11-25', attendance: 'no-show' }, note: null },
      ],
      auditEvents: [],
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const blocks = flatten(doc.blocks);
    const table = blocks.find((b) => b.kind === 'table' && b.columns.includes('Attendance'));
    expect(table?.kind === 'table' ? table.rows : []).toEqual([
      ['2026-11-20', '14:00–14:50', 'video', 'attended', '', 'signed'],
      ['2026-11-25', '14:00–14:50', 'video', 'no-show', '', 'none'],
    ]);
    const fields = blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : []));
    expect(fields).toContainEqual(['Data', 'Reviewed the diary.']);
    expect(fields).toContainEqual(['Signature', 'Dr Rivera, PhD — signed 2026-11-20 16:00:00 UTC']);
    expect(fields).toContainEqual(['Addendum (Sup, 2026-11-21 09:00:00 UTC)', 'Late entry.']);
  });

  it('says when no session is recorded', () => {
    const doc = buildAuditPacketDocument({
      record,
      planVersions: [],
      auditEvents: [],
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(flatten(doc.blocks)).toContainEqual({ kind: 'paragraph', text: 'No session is recorded for the period.' });
  });
});
