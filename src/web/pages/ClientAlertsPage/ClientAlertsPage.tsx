/**
 * A client's alerts (DESIGN 2.3, 2.4): the kept risk alerts — open ones with the form to record what was done,
 * closed ones with the action, note, who and when — and the alerts computed from the data today (reliable
 * deterioration, a target off track, no recent measure), worked out in the browser by the domain's own rules.
 *
 * @example
 * <Route path="alerts" element={<ClientAlertsPage clientId={clientId} data={data} />} />
 */
import { useMemo } from 'react';
import { computeOpenAlerts } from '../../../domain/alerts/compute-open-alerts.js';
import { errorMessage } from '../../api/api-client.js';
import { AcknowledgeAlertForm } from '../../components/AcknowledgeAlertForm/AcknowledgeAlertForm.js';
import { describeAlert } from '../../lib/describe-alert.js';
import { formatDateTime } from '../../lib/format.js';
import { findInstrument } from '../../lib/instruments.js';
import type { ClientData } from '../ClientPage/use-client-data.js';

export function ClientAlertsPage({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const kept = data.alerts.data?.items ?? [];
  const open = kept.filter((a) => a.closure === null);
  const closed = kept.filter((a) => a.closure !== null);

  const computed = useMemo(() => {
    const series = data.series.data;
    const progress = data.progress.data;
    const plan = data.plan.data;
    if (!series || !progress || plan === undefined) return null;
    const administrations = series.instruments.flatMap((s) =>
      s.points.map((p) => ({
        id: p.administrationId,
        instrumentId: s.instrumentId,
        date: p.date,
        total: p.total,
        // Kept alerts (critical items) are listed above from the server; only the computed rules are wanted here.
        flags: [],
      })),
    );
    return computeOpenAlerts({
      today: progress.today,
      administrations,
      otherMeasurementDates: series.behaviors.flatMap((b) => b.points.map((p) => p.periodStart)),
      goals: plan?.goals ?? [],
      progress: progress.progress,
      acknowledgements: [],
      treatmentStartedOn: plan?.establishedDate ?? null,
      instruments: (id) => findInstrument(id),
    });
  }, [data.series.data, data.progress.data, data.plan.data]);

  return (
    <div className="alerts-page">
      <section className="card" aria-labelledby="kept-title">
        <h2 id="kept-title">Risk alerts</h2>
        {data.alerts.isError && <p className="notice notice--error">{errorMessage(data.alerts.error)}</p>}
        {open.length === 0 ? (
          <p className="muted">No open risk alert.</p>
        ) : (
          <ul className="alert-list">
            {open.map((a) => {
              const words = describeAlert(a.alert);
              return (
                <li key={a.alert.key} className="alert-item alert-item--critical">
                  <p>
                    <strong>{words.title}</strong> — {words.detail}. Raised {formatDateTime(a.raisedAt)}.
                  </p>
                  <AcknowledgeAlertForm clientId={clientId} alertKey={a.alert.key} />
                </li>
              );
            })}
          </ul>
        )}
        {closed.length > 0 && (
          <>
            <h3>Closed</h3>
            <ul className="alert-list">
              {closed.map((a) => {
                const words = describeAlert(a.alert);
                return (
                  <li key={a.alert.key} className="alert-item">
                    <p>
                      <strong>{words.title}</strong> — {words.detail}.
                    </p>
                    {a.closure && (
                      <p className="muted">
                        {a.closure.action.replace(/-/g, ' ')} on {formatDateTime(a.closure.at)}: “{a.closure.note}”
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="computed-title">
        <h2 id="computed-title">From the data today</h2>
        {computed === null ? (
          <p className="muted">Loading…</p>
        ) : computed.length === 0 ? (
          <p className="muted">Nothing to flag: no reliable deterioration, no target off track, measured recently.</p>
        ) : (
          <ul className="alert-list">
            {computed.map((alert) => {
              const words = describeAlert(alert);
              return (
                <li key={alert.key} className={`alert-item alert-item--${words.tone}`}>
                  <span className={`chip chip--${words.tone}`}>{words.chip}</span> {words.detail}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
