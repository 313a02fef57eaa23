import type { Goal, Objective } from '../../domain/treatment-plans/goal.js';
import type { Comparator, Target } from '../../domain/treatment-plans/target.js';
import type { TreatmentPlan } from '../../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../../measures/registry.js';
import type { ClientRecord } from '../client-record.js';
import type { DocumentBlock, DocumentModel } from './document-model.js';

export type { DocumentBlock, DocumentModel } from './document-model.js';

/** How a comparator is printed ("≤ 9"). */
const COMPARATOR_TEXT: Readonly<Record<Comparator, string>> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=' };

const SERVICE_TYPE_TEXT = { individual: 'Individual', group: 'Group', family: 'Family' } as const;

const STATUS_TEXT = {
  draft: 'Draft (not signed)',
  signed: 'Signed',
  superseded: 'Superseded by a later version',
} as const;

/**
 * The payer-ready treatment plan (DESIGN 2.7) of a client's current plan, with every element of the checkable list
 * in reference/payer-requirements.md: client identifiers; date established and version; ICD-10-CM diagnoses;
 * presenting problems; strengths; goals in the client's words (with the clinical statement); measurable, time-bound
 * objectives each with instrument, baseline, target and due date; interventions with frequency and who delivers them;
 * service type, session length and frequency; plan duration and next review date; discharge criteria; referrals; the
 * client participation statement and endorsement; clinician signature with credentials and date; the supervisor
 * co-signature; periodic review entries. Throws when the record has no plan (the caller checks first).
 *
 * @example
 * const doc = buildTreatmentPlanDocument(record);
 * doc.blocks.find((b) => b.kind === 'heading' && b.text === 'Diagnoses (ICD-10-CM)'); // present
 */
export function buildTreatmentPlanDocument(record: ClientRecord): DocumentModel {
  const plan = record.plan;
  if (!plan) throw new Error('buildTreatmentPlanDocument: the record has no plan');
  const c = record.client;
  const latest = latestScores(record);
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
    { kind: 'heading', level: 1, text: 'Plan' },
    {
      kind: 'fields',
      rows: [
        ['Version', `${plan.version} (${STATUS_TEXT[plan.status]})`],
        ['Date established', plan.establishedDate],
        ['Plan duration', `${plan.durationWeeks} weeks`],
        ['Review interval', `every ${plan.reviewIntervalDays} days`],
        ['Next review date', plan.nextReviewDate],
      ],
    },
    { kind: 'heading', level: 1, text: 'Diagnoses (ICD-10-CM)' },
    plan.diagnoses.length > 0 || record.diagnoses.length > 0
      ? {
          kind: 'table',
          columns: ['Code', 'Description', 'Primary'],
          widths: [1, 5, 1],
          rows: (plan.diagnoses.length > 0 ? plan.diagnoses : record.diagnoses).map((d) => [
            d.code,
            d.description,
            d.primary ? 'yes' : '',
          ]),
        }
      : { kind: 'paragraph', text: 'No diagnosis recorded.' },
    { kind: 'heading', level: 1, text: 'Services' },
    {
      kind: 'fields',
      rows: [
        ['Service type', SERVICE_TYPE_TEXT[plan.serviceType]],
        ['Planned session length', `${plan.sessionMinutes} minutes`],
        ['Session frequency', plan.sessionFrequency],
      ],
    },
    { kind: 'heading', level: 1, text: 'Presenting problems' },
    { kind: 'paragraph', text: orNone(plan.presentingProblems) },
    { kind: 'heading', level: 1, text: 'Strengths' },
    { kind: 'paragraph', text: orNone(plan.strengths) },
    ...plan.goals.flatMap((g) => goalBlocks(g, record, latest)),
    { kind: 'heading', level: 1, text: 'Discharge or transition criteria' },
    { kind: 'paragraph', text: orNone(plan.dischargeCriteria) },
    { kind: 'heading', level: 1, text: 'Referrals' },
    { kind: 'paragraph', text: orNone(plan.referrals) },
    { kind: 'heading', level: 1, text: 'Client participation' },
    { kind: 'paragraph', text: orNone(plan.clientParticipation) },
    endorsementBlock(plan),
    { kind: 'heading', level: 1, text: 'Periodic reviews' },
    {
      kind: 'paragraph',
      text: `No review of this version is recorded yet; the next review is due ${plan.nextReviewDate}.`,
    },
    { kind: 'heading', level: 1, text: 'Signatures' },
    {
      kind: 'table',
      columns: ['Role', 'Name and credentials', 'Signed'],
      widths: [2, 4, 2],
      rows: [
        signatureRow('Clinician', plan.clinicianSignature),
        signatureRow('Supervisor co-signature', plan.supervisorSignature),
      ],
    },
  ];
  return {
    title: 'Treatment plan',
    subtitle: record.practiceName,
    footer: `${c.recordNumber} · treatment plan version ${plan.version} · established ${plan.establishedDate}`,
    blocks,
  };
}

function orNone(text: string): string {
  return text.trim() === '' ? 'None recorded.' : text;
}

function signatureRow(role: string, s: TreatmentPlan['clinicianSignature']): string[] {
  if (!s) return [role, '—', 'not signed'];
  return [role, s.credentials ? `${s.name}, ${s.credentials}` : s.name, s.signedAt.slice(0, 10)];
}

function endorsementBlock(plan: TreatmentPlan): DocumentBlock {
  const rows = plan.goals.map((g): readonly [string, string] => [
    `Goal ${g.position}`,
    g.endorsement
      ? `Endorsed by the client on ${g.endorsement.date} (${g.endorsement.method})${g.endorsement.words ? `: “${g.endorsement.words}”` : ''}`
      : 'Not yet endorsed by the client',
  ]);
  return { kind: 'fields', rows };
}

type LatestScores = ReadonlyMap<string, { readonly total: number; readonly on: string }>;

function latestScores(record: ClientRecord): LatestScores {
  const latest = new Map<string, { total: number; on: string }>();
  for (const a of record.administrations) {
    const seen = latest.get(a.instrumentId);
    if (!seen || seen.on <= a.administeredOn) latest.set(a.instrumentId, { total: a.total, on: a.administeredOn });
  }
  return latest;
}

/**
 * What a target measures, as documents print it.
 *
 * @example
 * describeTargetMeasure(phq9Target, record) // 'PHQ-9 total'
 */
export function describeTargetMeasure(target: Target, record: Pick<ClientRecord, 'behaviors'>): string {
  const m = target.measure;
  switch (m.kind) {
    case 'instrument': {
      const def = getMeasure(m.instrumentId);
      const name = def?.shortName ?? m.instrumentId;
      if (m.subscale === undefined) return `${name} total`;
      return `${name} ${def?.scoring.subscales.find((s) => s.id === m.subscale)?.name ?? m.subscale}`;
    }
    case 'behavior':
      return record.behaviors.find((b) => b.id === m.behaviorId)?.name ?? 'self-monitored behaviour';
    case 'gas':
      return 'Goal attainment scale';
  }
}

function perText(target: Target): string {
  return target.per ? ` per ${target.per}` : '';
}

/**
 * A target's goal, as documents print it.
 *
 * @example
 * describeTargetGoal(phq9Target) // '≤ 9'
 */
export function describeTargetGoal(target: Target): string {
  const g = target.goal;
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
  switch (g.kind) {
    case 'absolute':
      return `${COMPARATOR_TEXT[g.comparator]} ${g.value}${perText(target)}`;
    case 'change':
      return `${sign(g.change)} points from baseline`;
    case 'change-percent':
      return `${sign(g.changePercent)} % from baseline`;
    case 'reliable-improvement':
      return 'reliable improvement';
  }
}

function targetRows(targets: readonly Target[], record: ClientRecord, latest: LatestScores): string[][] {
  return targets.map((t) => {
    const score = t.measure.kind === 'instrument' ? latest.get(t.measure.instrumentId) : undefined;
    return [
      describeTargetMeasure(t, record),
      t.baseline === null ? 'not yet known' : `${t.baseline}${perText(t)}`,
      describeTargetGoal(t),
      t.dueDate,
      score ? `${score.total} on ${score.on}` : '—',
    ];
  });
}

const GOAL_STATUS_TEXT: Readonly<Record<Goal['status'], string>> = {
  active: 'active',
  met: 'met',
  'partially-met': 'partially met',
  'not-met': 'not met',
  revised: 'revised',
  discontinued: 'discontinued',
};

function goalBlocks(goal: Goal, record: ClientRecord, latest: LatestScores): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: `Goal ${goal.position}` },
    {
      kind: 'fields',
      rows: [
        ['In the client’s words', goal.clientWords ?? 'not recorded'],
        ['Clinical statement', goal.statement],
        ['Start date', goal.startDate],
        ['Due date', goal.dueDate ?? 'not set'],
        ['Status', GOAL_STATUS_TEXT[goal.status]],
      ],
    },
  ];
  if (goal.targets.length > 0) {
    blocks.push({
      kind: 'table',
      columns: ['Measure', 'Baseline', 'Target', 'Due date', 'Latest'],
      widths: [3, 2, 2, 2, 2],
      rows: targetRows(goal.targets, record, latest),
    });
  }
  for (const objective of goal.objectives) blocks.push(...objectiveBlocks(goal, objective, record, latest));
  return blocks;
}

function objectiveBlocks(goal: Goal, o: Objective, record: ClientRecord, latest: LatestScores): DocumentBlock[] {
  return [
    { kind: 'heading', level: 2, text: `Objective ${goal.position}.${o.position}` },
    { kind: 'paragraph', text: `${o.statement}${o.dueDate ? ` (due ${o.dueDate})` : ''}` },
    ...(o.targets.length > 0
      ? [
          {
            kind: 'table',
            columns: ['Measure', 'Baseline', 'Target', 'Due date', 'Latest'],
            widths: [3, 2, 2, 2, 2],
            rows: targetRows(o.targets, record, latest),
          } as const,
        ]
      : []),
    o.interventions.length > 0
      ? {
          kind: 'table',
          columns: ['Intervention', 'Frequency', 'Delivered by'],
          widths: [4, 3, 3],
          rows: o.interventions.map((i) => [i.name, i.frequency, i.deliveredBy]),
        }
      : { kind: 'paragraph', text: 'No intervention recorded for this objective.' },
  ];
}
