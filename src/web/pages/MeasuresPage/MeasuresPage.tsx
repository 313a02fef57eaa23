/**
 * A client's measures: administer an instrument in session (live scoring, the critical-item flag before saving),
 * record counts of the behaviours the client monitors, and each measure's history as a chart.
 *
 * @example
 * <Route path="measures" element={<MeasuresPage clientId={clientId} data={data} />} />
 */
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import {
  type RecordedAdministration,
  useDefineBehavior,
  useRecordAdministration,
  useRecordBehaviorLog,
} from '../../api/clients-api.js';
import { AdministrationForm } from '../../components/AdministrationForm/AdministrationForm.js';
import { SeriesChart } from '../../components/SeriesChart/SeriesChart.js';
import { formatDate } from '../../lib/format.js';
import { findInstrument, INSTRUMENTS } from '../../lib/instruments.js';
import type { ClientData } from '../ClientPage/use-client-data.js';

export function MeasuresPage({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const series = data.series.data;
  return (
    <div className="measures">
      <Administer clientId={clientId} />
      <BehaviorCounts clientId={clientId} data={data} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {!series ? (
          <p className="muted">Loading…</p>
        ) : series.instruments.length === 0 && series.behaviors.length === 0 ? (
          <p className="muted">Nothing measured yet.</p>
        ) : (
          <div className="grid-2">
            {series.instruments.map((s) => {
              const m = findInstrument(s.instrumentId);
              return (
                <SeriesChart
                  key={s.instrumentId}
                  title={s.shortName ?? s.instrumentId}
                  points={s.points.flatMap((p) => (p.total === null ? [] : [{ date: p.date, value: p.total }]))}
                  bands={m?.bands ?? null}
                  range={m?.range ?? null}
                />
              );
            })}
            {series.behaviors.map((b) => (
              <SeriesChart
                key={b.behavior.id}
                title={`${b.behavior.name} per ${b.behavior.period}`}
                points={b.points.map((p) => ({ date: p.periodStart, value: p.count }))}
              />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function Administer({ clientId }: { readonly clientId: string }) {
  const id = useId();
  const [instrumentId, setInstrumentId] = useState('phq9');
  const [formKey, setFormKey] = useState(0);
  const [last, setLast] = useState<RecordedAdministration | null>(null);
  const record = useRecordAdministration(clientId);
  const measure = findInstrument(instrumentId);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card__title">
        <h2 id={`${id}-title`}>Administer a questionnaire</h2>
        <div className="field" style={{ minWidth: '14rem' }}>
          <label className="field__label visually-hidden" htmlFor={`${id}-instrument`}>
            Instrument
          </label>
          <select
            id={`${id}-instrument`}
            className="select"
            value={instrumentId}
            onChange={(e) => {
              setInstrumentId(e.target.value);
              setFormKey((k) => k + 1);
              record.reset();
            }}
          >
            {INSTRUMENTS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.shortName} — {m.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {last && (
        <div
          className={last.alerts.length > 0 ? 'critical-banner' : 'notice notice--success'}
          role={last.alerts.length > 0 ? 'alert' : 'status'}
        >
          {last.alerts.length > 0 && <strong className="critical-banner__title">A risk alert is now open</strong>}
          <p>
            Recorded {findInstrument(last.score.instrument)?.shortName ?? last.score.instrument}
            {last.score.total !== null ? `: ${last.score.total}` : ''}
            {last.score.severity ? ` (${last.score.severity})` : ''}
            {last.score.prorated ? ', prorated' : ''} on {formatDate(last.administeredOn)}.
          </p>
          {last.alerts.length > 0 && (
            <p>Record what was done in the alert at the top of this page; it stays open until you do.</p>
          )}
        </div>
      )}
      {measure && (
        <AdministrationForm
          key={`${instrumentId}-${formKey}`}
          measure={measure}
          submitting={record.isPending}
          error={record.error ? errorMessage(record.error) : null}
          onSubmit={(answers) =>
            record.mutate(
              { instrument: instrumentId, answers: [...answers] },
              {
                onSuccess: (result) => {
                  setLast(result);
                  setFormKey((k) => k + 1);
                  window.scrollTo({ top: 0, behavior: 'smooth' });
                },
              },
            )
          }
        />
      )}
    </section>
  );
}

function BehaviorCounts({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const id = useId();
  const behaviors = data.series.data?.behaviors ?? [];
  const log = useRecordBehaviorLog(clientId);
  const [defining, setDefining] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card__title">
        <h2 id={`${id}-title`}>Behaviour counts</h2>
        <button type="button" className="button button--small" onClick={() => setDefining(!defining)}>
          {defining ? 'Close' : 'Count a new behaviour'}
        </button>
      </div>
      {defining && <DefineBehavior clientId={clientId} onDone={() => setDefining(false)} />}
      {behaviors.length === 0 ? (
        <p className="muted">No behaviour is counted for this client yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Behaviour</th>
              <th scope="col">Latest</th>
              <th scope="col">Record a count</th>
            </tr>
          </thead>
          <tbody>
            {behaviors.map((b) => {
              const latest = b.points.at(-1);
              return (
                <tr key={b.behavior.id}>
                  <td>
                    {b.behavior.name}
                    <div className="muted" style={{ fontSize: '0.82rem' }}>
                      per {b.behavior.period}, aim: {b.behavior.direction}
                    </div>
                  </td>
                  <td>{latest ? `${latest.count} (period from ${formatDate(latest.periodStart)})` : '—'}</td>
                  <td>
                    <LogCount
                      label={b.behavior.name}
                      saving={log.isPending && log.variables?.behaviorId === b.behavior.id}
                      onSave={(periodStart, count) =>
                        log.mutate({ behaviorId: b.behavior.id, body: { periodStart, count } })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {log.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(log.error)}
        </p>
      )}
    </section>
  );
}

function LogCount({
  label,
  saving,
  onSave,
}: {
  readonly label: string;
  readonly saving: boolean;
  readonly onSave: (periodStart: string, count: number) => void;
}) {
  const id = useId();
  const [periodStart, setPeriodStart] = useState('');
  const [count, setCount] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(periodStart) && count.trim() !== '' && Number(count) >= 0;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onSave(periodStart, Number(count));
  };
  return (
    <form className="form-row" onSubmit={onSubmit} aria-label={`Record a count of ${label}`}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-start`}>
          Period starting
        </label>
        <input
          id={`${id}-start`}
          className="input"
          type="date"
          value={periodStart}
          onChange={(e) => setPeriodStart(e.target.value)}
        />
      </div>
      <div className="field" style={{ maxWidth: '7rem' }}>
        <label className="field__label" htmlFor={`${id}-count`}>
          Count
        </label>
        <input
          id={`${id}-count`}
          className="input"
          inputMode="decimal"
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={!valid || saving}>
        {saving ? 'Saving…' : 'Record'}
      </button>
    </form>
  );
}

function DefineBehavior({ clientId, onDone }: { readonly clientId: string; readonly onDone: () => void }) {
  const id = useId();
  const define = useDefineBehavior(clientId);
  const [name, setName] = useState('');
  const [period, setPeriod] = useState<'day' | 'week' | 'month'>('week');
  const [direction, setDirection] = useState<'decrease' | 'increase'>('decrease');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    define.mutate({ name: name.trim(), period, direction }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Count a new behaviour" style={{ marginBottom: '1rem' }}>
      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            What is counted
          </label>
          <input
            id={`${id}-name`}
            className="input"
            placeholder="e.g. panic attacks"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            Counted per
          </label>
          <select
            id={`${id}-period`}
            className="select"
            value={period}
            onChange={(e) => setPeriod(e.target.value as 'day' | 'week' | 'month')}
          >
            <option value="day">day</option>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-direction`}>
            Aim
          </label>
          <select
            id={`${id}-direction`}
            className="select"
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'decrease' | 'increase')}
          >
            <option value="decrease">fewer (decrease)</option>
            <option value="increase">more (increase)</option>
          </select>
        </div>
      </div>
      {define.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(define.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={define.isPending || name.trim() === ''}>
          Add
        </button>
      </div>
    </form>
  );
}
