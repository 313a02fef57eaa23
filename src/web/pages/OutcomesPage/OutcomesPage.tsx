/**
 * Practice outcomes (DESIGN 2.4): the rates of reliable improvement, recovery and reliable deterioration by
 * clinician, instrument and period — what accreditors call aggregate outcome data — for a date range grouped by month,
 * quarter or year, filtered by clinician and instrument, as a chart and a table. Counts only, no client records.
 * Supervisors and auditors see the practice; clinicians (including admins with a clinical role) their own clients.
 *
 * @example
 * { path: 'outcomes', lazy: () => import('./pages/OutcomesPage/OutcomesPage.js') }
 */
import { useId, useMemo, useState } from 'react';
import { addDays, addMonths } from '../../../domain/shared/calendar-date.js';
import { ApiError, errorMessage } from '../../api/api-client.js';
import { type OutcomesReport, usePracticeOutcomes } from '../../api/outcomes-api.js';
import { useSession } from '../../session/session.js';
import { OutcomesChart } from './OutcomesChart.js';
import { clinicianLabel, OutcomesTable } from './OutcomesTable.js';

const PERIODS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
] as const;
type Period = (typeof PERIODS)[number]['value'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function OutcomesPage() {
  const { today, hasRole } = useSession();
  const id = useId();
  const [from, setFrom] = useState(() => addDays(addMonths(today, -12), 1));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState<Period>('quarter');
  const [clinician, setClinician] = useState('');
  const [instrument, setInstrument] = useState('');
  const rangeOk = DATE.test(from) && DATE.test(to) && from <= to;
  const outcomes = usePracticeOutcomes({ from, to, period }, rangeOk);
  const wholePractice = hasRole('supervisor', 'auditor');

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Practice outcomes</h1>
          <p className="page-header__sub">
            {wholePractice ? 'The whole practice' : 'Your clients'}: each client's first and last score on an instrument
            in the range are compared. Counts only, no client records.
          </p>
        </div>
      </header>
      <form className="toolbar outcomes-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-from`}>
            From
          </label>
          <input
            id={`${id}-from`}
            className="input"
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            To
          </label>
          <input
            id={`${id}-to`}
            className="input"
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-period`}>
            Group by
          </label>
          <select
            id={`${id}-period`}
            className="select"
            value={period}
            onChange={(e) => setPeriod(e.target.value as Period)}
          >
            {PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <ReportFilters
          baseId={id}
          report={outcomes.data}
          clinician={clinician}
          instrument={instrument}
          onClinician={setClinician}
          onInstrument={setInstrument}
        />
      </form>
      {!rangeOk && (
        <p className="notice notice--warning" role="alert">
          Choose a start date on or before the end date.
        </p>
      )}
      {outcomes.isError && (
        <p className="notice notice--error" role="alert">
          {outcomes.error instanceof ApiError && outcomes.error.status === 403
            ? 'Practice outcomes are for clinicians, supervisors and auditors.'
            : errorMessage(outcomes.error)}
        </p>
      )}
      {outcomes.isPending && rangeOk && <p className="page-loading">Loading the outcomes…</p>}
      {outcomes.data && (
        <Report report={outcomes.data} clinician={clinician} instrument={instrument} loading={outcomes.isFetching} />
      )}
    </div>
  );
}

/** The clinician and instrument filters, with the options the report has. */
function ReportFilters({
  baseId,
  report,
  clinician,
  instrument,
  onClinician,
  onInstrument,
}: {
  readonly baseId: string;
  readonly report: OutcomesReport | undefined;
  readonly clinician: string;
  readonly instrument: string;
  readonly onClinician: (value: string) => void;
  readonly onInstrument: (value: string) => void;
}) {
  const rows = report?.rows ?? [];
  const clinicians = useMemo(
    () =>
      [...new Map(rows.map((r) => [r.clinicianId ?? 'none', clinicianLabel(r)])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
    [rows],
  );
  const instruments = useMemo(
    () =>
      [...new Map(rows.map((r) => [r.instrumentId, r.instrumentName])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
    [rows],
  );
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${baseId}-clinician`}>
          Clinician
        </label>
        <select
          id={`${baseId}-clinician`}
          className="select"
          value={clinician}
          onChange={(e) => onClinician(e.target.value)}
        >
          <option value="">All clinicians</option>
          {clinicians.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${baseId}-instrument`}>
          Instrument
        </label>
        <select
          id={`${baseId}-instrument`}
          className="select"
          value={instrument}
          onChange={(e) => onInstrument(e.target.value)}
        >
          <option value="">All instruments</option>
          {instruments.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

function Report({
  report,
  clinician,
  instrument,
  loading,
}: {
  readonly report: OutcomesReport;
  readonly clinician: string;
  readonly instrument: string;
  readonly loading: boolean;
}) {
  const rows = report.rows.filter(
    (r) =>
      (clinician === '' || (r.clinicianId ?? 'none') === clinician) &&
      (instrument === '' || r.instrumentId === instrument),
  );
  return (
    <section className="card outcomes-report" aria-busy={loading} aria-label="Outcomes report">
      <p className="muted" role="status">
        {loading ? 'Updating…' : `${rows.length} of ${report.rows.length} rows, ${report.from} to ${report.to}.`}
      </p>
      <OutcomesChart rows={rows} />
      <OutcomesTable rows={rows} />
      <p className="field__hint">
        Reliable improvement and deterioration: a change larger than the instrument's reliable-change threshold, over
        the clients compared. Recovery (NHS Talking Therapies; PHQ-9 and GAD-7): from at or above the caseness cut-off
        to below it, over those who started at caseness; reliable recovery also needs reliable improvement. “—”: the
        rule does not apply to the instrument.
      </p>
    </section>
  );
}
