/**
 * Words for the plan versions page: a version's label, the default pair to compare (the latest two), a compared
 * field's name and value as a person reads them.
 *
 * @example
 * defaultComparePair(versions) // { from: v1.id, to: v2.id }
 * fieldLabel('sessionMinutes') // 'Session minutes'
 * formatComparedValue(['a', 'b']) // 'a; b'
 */
import type { PlanVersionSummary } from '../../api/plans-api.js';

const LABELS: Readonly<Record<string, string>> = {
  establishedDate: 'Established',
  presentingProblems: 'Presenting problems',
  serviceType: 'Service type',
  sessionMinutes: 'Session minutes',
  sessionFrequency: 'Session frequency',
  durationWeeks: 'Duration (weeks)',
  reviewIntervalDays: 'Review interval (days)',
  nextReviewDate: 'Next review',
  dischargeCriteria: 'Discharge criteria',
  referrals: 'Referrals',
  strengths: 'Strengths',
  clientParticipation: 'Client participation',
  statement: 'Statement',
  clientWords: "Client's own words",
  formulationElementIds: 'Formulation links',
  startDate: 'Start',
  dueDate: 'Due',
  status: 'Lifecycle status',
  endorsement: 'Client endorsement',
  targets: 'Targets',
  interventions: 'Interventions',
};

/**
 * The name of a compared field as the editor labels it; unknown camelCase names become words.
 *
 * @example
 * fieldLabel('dischargeCriteria') // 'Discharge criteria'
 * fieldLabel('someNewField') // 'Some new field'
 */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A compared value as text: "—" for none, "(empty)" for blank text, lists joined with "; ", yes/no for booleans.
 *
 * @example
 * formatComparedValue(null) // '—'
 * formatComparedValue('') // '(empty)'
 * formatComparedValue([]) // '(none)'
 * formatComparedValue(45) // '45'
 */
export function formatComparedValue(value: string | number | boolean | null | readonly string[]): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim() === '' ? '(empty)' : value;
  return value.length === 0 ? '(none)' : value.join('; ');
}

/**
 * "Version 2 · signed", or "Version 3 · draft, revision 2" for the open draft.
 *
 * @example
 * versionLabel({ version: 3, status: 'draft', revision: 2 }) // 'Version 3 · draft, revision 2'
 */
export function versionLabel(v: Pick<PlanVersionSummary, 'version' | 'status' | 'revision'>): string {
  return v.status === 'draft'
    ? `Version ${v.version} · draft, revision ${v.revision}`
    : `Version ${v.version} · ${v.status}`;
}

/**
 * The pair compared by default: the latest two versions (the list is newest first), older → newer; null when there
 * are fewer than two.
 *
 * @example
 * defaultComparePair([{ id: 'v2' }, { id: 'v1' }]) // { from: 'v1', to: 'v2' }
 */
export function defaultComparePair(
  versions: readonly Pick<PlanVersionSummary, 'id'>[],
): { readonly from: string; readonly to: string } | null {
  const [newest, previous] = versions;
  return newest && previous ? { from: previous.id, to: newest.id } : null;
}
