/**
 * Everything the client pages read about one client, loaded in parallel, with what the SMART analysis and the rewrite
 * assistant need derived from it: the latest score per instrument (baselines) and each counted behaviour's latest
 * count.
 *
 * @example
 * const data = useClientData(clientId); data.latestScores // { phq9: 11 }
 */
import { useMemo } from 'react';
import type { BehaviorBaseline } from '../../../domain/goal-assistant/suggest-goal-rewrites.js';
import {
  useClientAlerts,
  useClientFormulation,
  useClientPlan,
  useClientProgress,
  useClientRecord,
  useClientSeries,
} from '../../api/clients-api.js';

export function useClientData(clientId: string) {
  const record = useClientRecord(clientId);
  const plan = useClientPlan(clientId);
  const series = useClientSeries(clientId);
  const formulation = useClientFormulation(clientId);
  const progress = useClientProgress(clientId);
  const alerts = useClientAlerts(clientId, false);

  const latestScores = useMemo(() => {
    const scores: Record<string, number> = {};
    for (const instrument of series.data?.instruments ?? []) {
      const last = [...instrument.points].reverse().find((p) => p.total !== null);
      if (last && last.total !== null) scores[instrument.instrumentId] = last.total;
    }
    return scores;
  }, [series.data]);

  const behaviorBaselines = useMemo<BehaviorBaseline[]>(
    () =>
      (series.data?.behaviors ?? []).flatMap((b) => {
        const last = b.points.at(-1);
        return last ? [{ behavior: b.behavior.name, value: last.count, per: b.behavior.period }] : [];
      }),
    [series.data],
  );

  return { record, plan, series, formulation, progress, alerts, latestScores, behaviorBaselines };
}

export type ClientData = ReturnType<typeof useClientData>;
