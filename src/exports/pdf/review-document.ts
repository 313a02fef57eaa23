import type { Review, ReviewGoal } from '../../domain/reviews/review.js';
import type { ClientRecord } from '../client-record.js';
import type { DocumentBlock, DocumentModel } from './document-model.js';

const OUTCOME_TEXT = { met: 'met', 'partially-met': 'partially met', 'not-met': 'not met' } as const;
const DECISION_TEXT = { continue: 'continue', revise: 'revise', discontinue: 'discontinue' } as const;
const RELIABLE_TEXT = {
  improvement: 'reliable improvement',
  deterioration: 'reliable deterioration',
  none: 'none',
} as const;
const TASK_TEXT = {
  'reliable-deterioration': 'reliable deterioration: review the plan for this goal',
  'no-reliable-improvement-by-midpoint': 'no reliable improvement by the midpoint: review the plan for this goal',
} as const;

function num(n: number | null): string {
  return n === null ? '—' : String(Math.round(n * 10) / 10);
}

/**
 * The signature line as documents print it.
 *
 * @example
 * signatureLine({ userId: 'u1', name: 'Dr Alex Morgan', credentials: 'PhD', signedAt: '2026-10-01T10:00:00.000Z' })
 * // 'Dr Alex Morgan, PhD — signed 2026-10-01 10:00 UTC'
 */
export function signatureLine(s: Review['signature']): string {
  if (!s) return 'not signed (draft)';
  return `${s.credentials ? `${s.name}, ${s.credentials}` : s.name} — signed ${s.signedAt.slice(0, 10)} ${s.signedAt.slice(11, 16)} UTC`;
}

/**
 * The blocks of one goal of a review: its outcome and decision, the change of each target since the last review (or
 * the baseline) with the reliable-change flag and status, the objectives with the interventions delivered, and the
 * review tasks the data opened.
 *
 * @example
 * reviewGoalBlocks(review.goals[0], 1)[0] // { kind: 'heading', level: 2, text: 'Goal 1' }
 */
export function reviewGoalBlocks(goal: ReviewGoal, position: number): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 2, text: `Goal ${position}` },
    {
      kind: 'fields',
      rows: [
        ['Goal', goal.statement],
        ['Status at review', goal.statusAtReview],
        ['Progress', goal.progress.replace(/-/g, ' ')],
        ['Outcome', goal.outcome ? OUTCOME_TEXT[goal.outcome] : 'not decided'],
        ['Decision', goal.decision ? DECISION_TEXT[goal.decision] : 'not decided'],
        ['Note', goal.note.trim() === '' ? '—' : goal.note],
      ],
    },
  ];
  if (goal.targets.length > 0) {
    blocks.push({
      kind: 'table',
      columns: ['Measure', 'From', 'To', 'Change', 'Reliable change', 'Status'],
      widths: [3, 2.4, 2.4, 1.2, 2.2, 1.6],
      rows: goal.targets.map((t) => [
        t.label,
        `${num(t.from)}${t.fromDate ? ` on ${t.fromDate}` : ''} (${t.fromSource === 'last-review' ? 'last review' : 'baseline'})`,
        `${num(t.to)}${t.toDate ? ` on ${t.toDate}` : ''}`,
        t.change === null ? '—' : t.change > 0 ? `+${num(t.change)}` : num(t.change),
        t.reliableChange ? RELIABLE_TEXT[t.reliableChange] : 'not defined',
        t.status.replace(/-/g, ' '),
      ]),
    });
  }
  if (goal.objectives.length > 0) {
    blocks.push({
      kind: 'table',
      columns: ['Objective', 'Progress', 'Interventions delivered'],
      widths: [5, 1.6, 3.4],
      rows: goal.objectives.map((o) => [
        o.statement,
        o.progress.replace(/-/g, ' '),
        o.interventions.length > 0 ? o.interventions.join('; ') : '—',
      ]),
    });
  }
  for (const task of goal.tasks) blocks.push({ kind: 'paragraph', text: `Review task: ${TASK_TEXT[task.reason]}.` });
  return blocks;
}

/**
 * The review document (DESIGN 2.7, issue 8 item 1): the periodic review of a plan version as signed (or as the
 * current draft, marked so), with per goal the change since the last review, reliable-change flags, target status,
 * objectives and interventions delivered, the outcome and decision, the next review date and the signature.
 *
 * @example
 * const doc = buildReviewDocument(record, review);
 * doc.title // 'Treatment plan review'
 */
export function buildReviewDocument(record: ClientRecord, review: Review): DocumentModel {
  const c = record.client;
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Client' },
    {
      kind: 'fields',
      rows: [
        ['Name', `${c.givenName} ${c.familyName}`],
        ['Record number', c.recordNumber],
        ['Date of birth', c.dateOfBirth ?? 'not recorded'],
      ],
    },
    { kind: 'heading', level: 1, text: 'Review' },
    {
      kind: 'fields',
      rows: [
        ['Review date', review.reviewDate],
        ['Plan version reviewed', String(review.planVersion)],
        ['Status', review.status === 'signed' ? 'signed' : 'draft (not signed)'],
        ['Next review date', review.nextReviewDate],
        ['Summary', review.summary.trim() === '' ? '—' : review.summary],
      ],
    },
    { kind: 'heading', level: 1, text: 'Goals' },
    ...review.goals.flatMap((g, i) => reviewGoalBlocks(g, i + 1)),
    { kind: 'heading', level: 1, text: 'Signature' },
    { kind: 'fields', rows: [['Clinician', signatureLine(review.signature)]] },
  ];
  return {
    title: 'Treatment plan review',
    subtitle: record.practiceName,
    footer: `${c.recordNumber} · review of ${review.reviewDate} · plan version ${review.planVersion}`,
    blocks,
  };
}
