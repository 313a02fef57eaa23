import { z } from 'zod';
import { getMeasure, listMeasures } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Administration, BehaviorDefinition, Deps } from './ports.js';

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  /** Only this instrument's series (and no behaviours). */
  instrumentId: z.string().trim().min(1).max(100).optional(),
});

export type GetClientSeriesInput = z.input<typeof inputSchema>;

/**
 * One administration in a series (the item answers stay in storage; the series carries the scores).
 *
 * @example
 * const point: InstrumentSeriesPoint = { administrationId: 'a1', date: '2026-10-13', administeredAt: '2026-10-13T15:00:00.000Z',
 *   total: 14, severity: 'moderate', prorated: false, subscales: {}, flags: [], instrumentVersion: '1.0.0', source: 'session' };
 */
export interface InstrumentSeriesPoint {
  readonly administrationId: string;
  /** The date in the practice time zone. */
  readonly date: string;
  readonly administeredAt: string;
  /** The total, or null for an instrument reported only by subscales (DASS-21). */
  readonly total: number | null;
  readonly severity: string | null;
  readonly prorated: boolean;
  readonly subscales: Readonly<Record<string, number>>;
  readonly flags: Administration['flags'];
  readonly instrumentVersion: string;
  readonly source: Administration['source'];
}

/**
 * A client's series on one instrument, oldest first.
 *
 * @example
 * const series: InstrumentSeries = { instrumentId: 'phq9', shortName: 'PHQ-9', points: [] };
 */
export interface InstrumentSeries {
  readonly instrumentId: string;
  /** The instrument's short name, or null when this build does not know the instrument. */
  readonly shortName: string | null;
  readonly points: readonly InstrumentSeriesPoint[];
}

/**
 * A client's behaviour with its counts, oldest period first, in the behaviour's own period.
 *
 * @example
 * const series: BehaviorSeries = { behavior, points: [{ logId: 'l1', periodStart: '2026-11-16', count: 3 }] };
 */
export interface BehaviorSeries {
  readonly behavior: BehaviorDefinition;
  readonly points: readonly { readonly logId: string; readonly periodStart: string; readonly count: number }[];
}

/**
 * The output of {@link getClientSeries}.
 *
 * @example
 * const view: ClientSeries = { clientId: 'c1', instruments: [], behaviors: [] };
 */
export interface ClientSeries {
  readonly clientId: string;
  /** One series per instrument the client has completed, in the registry's order (unknown ids last). */
  readonly instruments: readonly InstrumentSeries[];
  /** One series per defined behaviour, by name; empty when an instrument was asked for. */
  readonly behaviors: readonly BehaviorSeries[];
}

/**
 * A client's measurement history: each instrument's scores and each behaviour's counts over time (for charts, the
 * caseload's latest scores and exports). Read access; the read is audited (`series.read`).
 *
 * @example
 * const { instruments } = await getClientSeries(deps, actor, { clientId });
 * instruments[0]?.points.map((p) => p.total) // [18, 17, 16, …]
 */
export async function getClientSeries(deps: Deps, actor: Actor, input: GetClientSeriesInput): Promise<ClientSeries> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'series.read');
  const v = parseInput(inputSchema, input);
  const instrumentId = v.instrumentId === undefined ? undefined : (getMeasure(v.instrumentId)?.id ?? v.instrumentId);
  const administrations = await deps.store.listAdministrations(access.clientId, instrumentId);
  const behaviors = instrumentId === undefined ? await deps.store.listBehaviors(access.clientId) : [];
  const logs = await Promise.all(behaviors.map((b) => deps.store.listBehaviorLogs(b.id)));

  const byInstrument = new Map<string, InstrumentSeriesPoint[]>();
  for (const a of administrations) {
    const hasTotal = getMeasure(a.instrumentId)?.scoring.total !== null;
    const list = byInstrument.get(a.instrumentId) ?? [];
    list.push({
      administrationId: a.id,
      date: a.administeredOn,
      administeredAt: a.administeredAt,
      total: hasTotal ? a.total : null,
      severity: a.severity,
      prorated: a.prorated,
      subscales: a.subscales,
      flags: a.flags,
      instrumentVersion: a.instrumentVersion,
      source: a.source,
    });
    byInstrument.set(a.instrumentId, list);
  }
  const instruments = [...byInstrument.entries()]
    .map(([id, points]) => ({ instrumentId: id, shortName: getMeasure(id)?.shortName ?? null, points }))
    .sort(
      (a, b) =>
        registryRank(a.instrumentId) - registryRank(b.instrumentId) || (a.instrumentId < b.instrumentId ? -1 : 1),
    );

  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'series.read', access.clientId, `client:${access.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return {
    clientId: access.clientId,
    instruments,
    behaviors: behaviors.map((behavior, i) => ({
      behavior,
      points: (logs[i] ?? []).map((l) => ({ logId: l.id, periodStart: l.periodStart, count: l.count })),
    })),
  };
}

const RANK_UNKNOWN = Number.MAX_SAFE_INTEGER;

function registryRank(instrumentId: string): number {
  const known = getMeasure(instrumentId);
  return known ? (REGISTRY_ORDER.get(known.id) ?? RANK_UNKNOWN) : RANK_UNKNOWN;
}

const REGISTRY_ORDER: ReadonlyMap<string, number> = new Map(listMeasures().map((m, i) => [m.id, i]));
