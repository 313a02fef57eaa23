import type { Review } from '../../domain/reviews/review.js';
import type { ProgressNote } from '../../domain/sessions/progress-note.js';
import type { SessionRecord } from '../../domain/sessions/session-record.js';
import type { CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Signature, TreatmentPlan } from '../../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../../measures/registry.js';
import type { ClientRecord } from '../client-record.js';
import type { ChartBlock, DocumentBlock, DocumentModel } from './document-model.js';
import { signatureLine } from './review-document.js';

/**
 * One audit-trail entry as the packet prints it.
 *
 * @example
 * const e: AuditPacketEvent = { seq: 12, at: '2026-10-01T10:00:00.000Z', actor: 'user:u1', action: 'plan.sign',
 *   resource: 'plan:p1', outcome: 'success' };
 */
export interface AuditPacketEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly resource: string | null;
  readonly outcome: string;
}

/**
 * What an audit packet is built from: the record (administrations of the period), the plan versions in force during
 * the period (signed or superseded, oldest first, with their goals), the audit entries naming the client in the
 * period (oldest first) and the period itself.
 *
 * @example
 * const input: AuditPacketInput = { record, planVersions: [v1], auditEvents: [], from: '2026-10-01', to: '2026-11-26' };
 */
export interface AuditPacketInput {
  readonly record: ClientRecord;
  readonly planVersions: readonly TreatmentPlan[];
  /** The reviews dated in the period, oldest first. */
  readonly reviews?: readonly Review[];
  /** The sessions dated in the period, oldest first, each with its progress note (issue 11). */
  readonly sessions?: readonly { readonly session: SessionRecord; readonly note: ProgressNote | null }[];
  readonly auditEvents: readonly AuditPacketEvent[];
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** Staff names by audit actor label (`user:<id>`), so the trail names people; unknown actors print as they are. */
  readonly actorNames?: Readonly<Record<string, string>>;
}

/** A resource as printed: `client:<id>?document=x&purpose=y` becomes `client:<id> (document: x; purpose: y)`. */
function resourceText(resource: string | null): string {
  if (!resource) return '';
  const at = resource.indexOf('?');
  if (at < 0) return resource;
  const details = [...new URLSearchParams(resource.slice(at + 1))].map(([k, v]) => `${k}: ${v}`).join('; ');
  return `${resource.slice(0, at)} (${details})`;
}

function signatureText(s: Signature | null): string {
  if (!s) return 'not signed';
  return `${s.credentials ? `${s.name}, ${s.credentials}` : s.name} — signed ${s.signedAt
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
    .replace(/Z$/, ' UTC')}`;
}

function versionBlocks(plan: TreatmentPlan): DocumentBlock[] {
  return [
    {
      kind: 'group',
      blocks: [
        { kind: 'heading', level: 2, text: `Plan version ${plan.version} (${plan.status})` },
        {
          kind: 'fields',
          rows: [
            ['Date established', plan.establishedDate],
            ['Clinician signature', signatureText(plan.clinicianSignature)],
            ['Supervisor co-signature', signatureText(plan.supervisorSignature)],
            ['Content hash (SHA-256)', plan.contentHash ?? 'none (not signed)'],
            ['Next review date', plan.nextReviewDate],
            ...plan.goals.map((g): readonly [string, string] => [`Goal ${g.position} (${g.status})`, g.statement]),
          ],
        },
      ],
    },
  ];
}

const NOTE_SECTION_LABELS: Readonly<Record<string, string>> = {
  data: 'Data',
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan for next session',
};

/**
 * The sessions of the period (issue 11): a table of each session's date, times, modality, attendance, goals addressed
 * and note state, then each signed note with its sections, interventions, homework, risk, signature and addenda.
 */
function sessionBlocks(input: AuditPacketInput): DocumentBlock[] {
  const sessions = input.sessions ?? [];
  if (sessions.length === 0) return [{ kind: 'paragraph', text: 'No session is recorded for the period.' }];
  const goalLabel = (goalId: string): string => {
    for (const plan of input.planVersions) {
      const goal = plan.goals.find((g) => g.id === goalId);
      if (goal) return `Goal ${goal.position} (v${plan.version})`;
    }
    return 'a goal of another plan version';
  };
  const notes = sessions.flatMap(({ session, note }) => (note?.status === 'signed' ? [{ session, note }] : []));
  return [
    {
      kind: 'table',
      columns: ['Date', 'Time', 'Modality', 'Attendance', 'Goals addressed', 'Note'],
      widths: [2, 2, 1.6, 1.6, 3, 2.4],
      rows: sessions.map(({ session, note }) => [
        session.date,
        `${session.startTime}–${session.endTime}`,
        session.modality,
        session.attendance,
        (note?.goalsAddressed ?? []).map((g) => goalLabel(g.goalId)).join('; '),
        note === null ? 'none' : note.status === 'signed' ? 'signed' : 'draft (unsigned)',
      ]),
    },
    ...notes.map(
      ({ session, note }): DocumentBlock => ({
        kind: 'group',
        blocks: [
          { kind: 'heading', level: 2, text: `Progress note, ${session.date} ${session.startTime}–${session.endTime}` },
          {
            kind: 'fields',
            rows: [
              ...Object.entries(note.sections)
                .filter(([name]) => name !== 'kind')
                .map(([name, text]): readonly [string, string] => [
                  NOTE_SECTION_LABELS[name] ?? name,
                  String(text).trim() || '—',
                ]),
              ['Interventions delivered', note.interventions.map((i) => i.name).join(', ') || '—'],
              ['Homework', note.homework.trim() || '—'],
              ['Risk', note.risk ? `${note.risk.level}: ${note.risk.text}` : 'not assessed'],
              ['Signature', signatureText(note.signature)],
              ...note.addenda.map((a): readonly [string, string] => [
                `Addendum (${a.authorName}, ${a.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')})`,
                a.text,
              ]),
            ],
          },
        ],
      }),
    ),
  ];
}

function scoreCharts(record: ClientRecord, from: CalendarDate, to: CalendarDate): ChartBlock[] {
  const byInstrument = new Map<string, { date: string; value: number }[]>();
  for (const a of record.administrations) {
    const list = byInstrument.get(a.instrumentId) ?? [];
    list.push({ date: a.administeredOn, value: a.total });
    byInstrument.set(a.instrumentId, list);
  }
  return [...byInstrument].flatMap(([instrumentId, points]): ChartBlock[] => {
    const def = getMeasure(instrumentId);
    if (!def || def.scoring.total === null) return [];
    return [
      {
        kind: 'chart',
        caption: `${def.shortName} total, ${from} to ${to}${def.casenessCutoff !== null ? ` (dotted: caseness cut-off ${def.casenessCutoff})` : ''}`,
        fromDate: from,
        toDate: to,
        yMin: def.range.min,
        yMax: def.range.max,
        points,
        expected: null,
        goalValue: def.casenessCutoff,
      },
    ];
  });
}

/**
 * The audit packet (DESIGN 2.7) of one client for a period: every plan version in force during it with its
 * signatures (names, credentials, times) and content hash; the reviews dated in the period with their signatures;
 * the scores of the period as a table and a chart per instrument; the audit entries naming the client in the period.
 * Pages are numbered ("page 2 of 5") by the renderer.
 *
 * @example
 * const doc = buildAuditPacketDocument({ record, planVersions: [v1], auditEvents, from: '2026-10-01', to: '2026-11-26' });
 * doc.title // 'Audit packet'
 */
export function buildAuditPacketDocument(input: AuditPacketInput): DocumentModel {
  const { record, from, to } = input;
  const c = record.client;
  const administrations = record.administrations.filter((a) => a.administeredOn >= from && a.administeredOn <= to);
  const inPeriod: ClientRecord = { ...record, administrations };
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Client' },
    {
      kind: 'fields',
      rows: [
        ['Name', `${c.givenName} ${c.familyName}`],
        ['Record number', c.recordNumber],
        ['Date of birth', c.dateOfBirth ?? 'not recorded'],
        ['Period', `${from} to ${to}`],
        ['Generated', record.generatedAt],
      ],
    },
    { kind: 'heading', level: 1, text: 'Treatment plan versions' },
    ...(input.planVersions.length > 0
      ? input.planVersions.flatMap(versionBlocks)
      : [{ kind: 'paragraph', text: 'No signed plan version was in force during the period.' } as const]),
    { kind: 'heading', level: 1, text: 'Reviews' },
    ...((input.reviews ?? []).length > 0
      ? (input.reviews ?? []).flatMap((r): DocumentBlock[] => [
          { kind: 'heading', level: 2, text: `Review of ${r.reviewDate} (plan version ${r.planVersion}, ${r.status})` },
          {
            kind: 'fields',
            rows: [
              ['Signature', signatureLine(r.signature)],
              ['Next review date', r.nextReviewDate],
              ['Summary', r.summary.trim() === '' ? '—' : r.summary],
              ...r.goals.map((g): readonly [string, string] => [
                g.statement.length > 60 ? `${g.statement.slice(0, 57)}…` : g.statement,
                `progress ${g.progress.replace(/-/g, ' ')}; outcome ${g.outcome ?? 'not decided'}; decision ${g.decision ?? 'not decided'}`,
              ]),
            ],
          },
        ])
      : [{ kind: 'paragraph', text: 'No review is recorded for the period.' } as const]),
    { kind: 'heading', level: 1, text: 'Sessions' },
    ...sessionBlocks(input),
    { kind: 'heading', level: 1, text: 'Scores' },
    administrations.length > 0
      ? {
          kind: 'table',
          columns: ['Date', 'Instrument', 'Total', 'Severity', 'Source', 'Flags'],
          widths: [2, 2, 1, 3, 1.5, 2.5],
          rows: administrations.map((a) => [
            a.administeredOn,
            getMeasure(a.instrumentId)?.shortName ?? a.instrumentId,
            `${a.total}${a.prorated ? ' (prorated)' : ''}`,
            a.severity ?? '',
            a.source,
            a.flags.map((f) => (f.item !== undefined ? `${f.code} (item ${f.item})` : f.code)).join(', '),
          ]),
        }
      : { kind: 'paragraph', text: 'No score recorded in the period.' },
    ...scoreCharts(inPeriod, from, to),
    { kind: 'heading', level: 1, text: 'Audit trail' },
    input.auditEvents.length > 0
      ? {
          kind: 'table',
          columns: ['#', 'Time (UTC)', 'Who', 'Action', 'Resource', 'Outcome'],
          widths: [0.8, 2.6, 2.6, 2.2, 3, 1.3],
          rows: input.auditEvents.map((e) => [
            String(e.seq),
            e.at
              .replace('T', ' ')
              .replace(/\.\d+Z$/, '')
              .replace(/Z$/, ''),
            input.actorNames?.[e.actor] ?? e.actor,
            e.action,
            resourceText(e.resource),
            e.outcome,
          ]),
        }
      : { kind: 'paragraph', text: 'No audit entry names the client in the period.' },
  ];
  return {
    title: 'Audit packet',
    subtitle: record.practiceName,
    footer: `${c.recordNumber} · audit packet ${from} to ${to}`,
    blocks,
  };
}
