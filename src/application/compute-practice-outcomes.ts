import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { daysBetween, isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { listMeasures } from '../measures/registry.js';
import { type Actor, actorLabel } from './actor.js';
import { parseInput } from './parse-input.js';
import {
  type Deps,
  type OutcomeInstrument,
  OutcomePeriod,
  type PracticeOutcomeCounts,
  type PracticeOutcomesReader,
} from './ports.js';

/** Longest range a report may cover (ten years). */
const MAX_RANGE_DAYS = 3660;

const date = z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const inputSchema = z.strictObject({
  from: date,
  to: date,
  period: z.enum(Object.values(OutcomePeriod)).default('month'),
  /** Only this clinician's clients (as primary clinician). Clinicians always see only their own. */
  clinicianId: z.string().min(1).max(100).optional(),
});

export type ComputePracticeOutcomesInput = z.input<typeof inputSchema>;

/**
 * Deps of the practice outcomes report: the usual ones and the reader that runs the query off the request path.
 *
 * @example
 * const deps: PracticeOutcomesDeps = { ...opened.deps, outcomes: createOutcomesReader(opened.database, secretKey) };
 */
export interface PracticeOutcomesDeps extends Pick<Deps, 'store' | 'clock'> {
  readonly outcomes: PracticeOutcomesReader;
}

/**
 * One row of the report: the counts of {@link PracticeOutcomeCounts} with names and rates. Rates are fractions
 * (0…1): reliable improvement and deterioration over `clients`; recovery and reliable recovery over `atCaseness`
 * (those who started at caseness). A rate is null when its rule does not apply to the instrument or its denominator
 * is 0.
 *
 * @example
 * const row: PracticeOutcomeRow = { clinicianId: 'u1', clinicianName: 'Dr Robin Demo', instrumentId: 'phq9', instrumentName: 'PHQ-9',
 *   period: '2026-11', clients: 10, reliableImprovement: 6, reliableDeterioration: 1, atCaseness: 8, recovered: 4, reliablyRecovered: 4,
 *   rates: { reliableImprovement: 0.6, reliableDeterioration: 0.1, recovery: 0.5, reliableRecovery: 0.5 } };
 */
export interface PracticeOutcomeRow extends PracticeOutcomeCounts {
  /** The clinician's name, or null (no primary clinician, or an account that no longer exists). */
  readonly clinicianName: string | null;
  readonly instrumentName: string;
  readonly rates: {
    readonly reliableImprovement: number | null;
    readonly reliableDeterioration: number | null;
    readonly recovery: number | null;
    readonly reliableRecovery: number | null;
  };
}

/**
 * The report: its parameters and one row per clinician, instrument and period.
 *
 * @example
 * const report: PracticeOutcomes = { from: '2026-01-01', to: '2026-12-31', period: 'quarter', clinicianId: null, rows: [] };
 */
export interface PracticeOutcomes {
  readonly from: string;
  readonly to: string;
  readonly period: OutcomePeriod;
  readonly clinicianId: string | null;
  readonly rows: readonly PracticeOutcomeRow[];
}

/**
 * The parameters the outcomes query compares with, from the instrument registry (docs/outcomes.md): every
 * instrument with a total; its reliable-change threshold (reference/measures.md Methods A and B); its caseness
 * cut-off only where the instrument has the NHS Talking Therapies recovery rule (PHQ-9 and GAD-7, Methods B), so
 * recovery means what `cairn measures change` calls recovery.
 *
 * @example
 * outcomeInstruments().find((i) => i.instrumentId === 'phq9')
 * // { instrumentId: 'phq9', reliableChangeThreshold: 6, casenessCutoff: 10, lowerIsBetter: true }
 */
export function outcomeInstruments(): OutcomeInstrument[] {
  return listMeasures()
    .filter((m) => m.scoring.total !== null)
    .map((m) => ({
      instrumentId: m.id,
      reliableChangeThreshold: m.reliableChangeThreshold,
      casenessCutoff: m.recovery !== null ? m.casenessCutoff : null,
      lowerIsBetter: m.direction === 'lower-is-better',
    }));
}

/**
 * Practice outcomes (DESIGN 2.4, docs/outcomes.md): for each client and instrument, the first and last
 * administration between `from` and `to` are compared; the rates of reliable improvement, reliable deterioration,
 * recovery and reliable recovery are reported by primary clinician, instrument and the month, quarter or year of the
 * last administration. The query runs in SQL off the request path (`deps.outcomes`).
 * Who may run it: the CLI operator, supervisors and auditors (the whole practice, or one clinician); a clinician
 * (their own clients only); not an admin without a clinical role (`forbidden`). Audited as `outcomes.read`; the
 * report holds counts, not client records, so the event lists no client ids.
 *
 * @example
 * const report = await computePracticeOutcomes(deps, actor, { from: '2026-01-01', to: '2026-12-31', period: 'quarter' });
 * report.rows[0]?.rates.reliableImprovement // 0.58
 */
export async function computePracticeOutcomes(
  deps: PracticeOutcomesDeps,
  actor: Actor,
  input: ComputePracticeOutcomesInput,
): Promise<PracticeOutcomes> {
  const ownOnly = actor.kind === 'user' && !actor.roles.includes('supervisor') && !actor.roles.includes('auditor');
  if (actor.kind === 'user' && ownOnly && !actor.roles.includes('clinician')) {
    throw new AppError(ErrorCode.forbidden, 'Practice outcomes are for clinicians, supervisors and auditors.');
  }
  const v = parseInput(inputSchema, input);
  if (v.from > v.to) throw new AppError(ErrorCode.invalidInput, 'from: must not be after to');
  if (daysBetween(v.from, v.to) > MAX_RANGE_DAYS) {
    throw new AppError(ErrorCode.invalidInput, 'to: the range may cover at most ten years');
  }
  let clinicianId = v.clinicianId ?? null;
  if (actor.kind === 'user' && ownOnly) {
    if (clinicianId !== null && clinicianId !== actor.userId) {
      throw new AppError(ErrorCode.forbidden, 'Clinicians see the outcomes of their own clients only.');
    }
    clinicianId = actor.userId;
  }
  const instruments = outcomeInstruments();
  const counts = await deps.outcomes.computePracticeOutcomes({
    from: v.from,
    to: v.to,
    period: v.period,
    instruments,
    clinicianId,
  });
  const practice = await deps.store.findPractice();
  const names = new Map((practice ? await deps.store.listUsers(practice.id) : []).map((u) => [u.id, u.name]));
  const instrumentNames = new Map(listMeasures().map((m) => [m.id, m.shortName]));
  const rows = counts.map(
    (c): PracticeOutcomeRow => ({
      ...c,
      clinicianName: c.clinicianId === null ? null : (names.get(c.clinicianId) ?? null),
      instrumentName: instrumentNames.get(c.instrumentId) ?? c.instrumentId,
      rates: {
        reliableImprovement: rate(c.reliableImprovement, c.clients),
        reliableDeterioration: rate(c.reliableDeterioration, c.clients),
        recovery: rate(c.recovered, c.atCaseness),
        reliableRecovery: rate(c.reliablyRecovered, c.atCaseness),
      },
    }),
  );
  await deps.store.appendAudit(
    [
      {
        actor: actorLabel(actor),
        action: 'outcomes.read',
        resource: `outcomes:${v.period}:${v.from}:${v.to}${clinicianId === null ? '' : `:user:${clinicianId}`}`,
        clientIds: [],
        outcome: 'success',
        origin: actor.kind === 'cli' ? 'cli' : null,
      },
    ],
    deps.clock.now().toISOString(),
  );
  return { from: v.from, to: v.to, period: v.period, clinicianId, rows };
}

function rate(count: number | null, of: number | null): number | null {
  return count === null || of === null || of === 0 ? null : count / of;
}
