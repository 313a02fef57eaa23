/**
 * The caseload (DESIGN 2.4): one row per client in the caller's reach with the latest score per instrument and its
 * trend, the plan's progress, and alert chips (risk item, off track, overdue, plan unsigned, no plan); sortable and
 * filterable, so "who needs me today" is one click away. Each row's progress and open alerts load beside the list.
 *
 * @example
 * { path: 'caseload', lazy: () => import('./pages/CaseloadPage/CaseloadPage.js') }
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { apiRequest, errorMessage, withQuery } from '../../api/api-client.js';
import {
  type ClientProgress,
  type ClientStatus,
  clientKeys,
  createClient,
  type StoredAlert,
  useCaseload,
} from '../../api/clients-api.js';
import { STATUS_WORDS } from '../../components/ProgressChart/describe-target-progress.js';
import { formatShortDate } from '../../lib/format.js';
import { useSession } from '../../session/session.js';
import {
  buildCaseloadRows,
  type CaseloadShow,
  type CaseloadSortKey,
  type CaseloadViewRow,
  filterCaseloadRows,
  type ScoreCell,
  sortCaseloadRows,
} from './caseload-view.js';

const SORTS: readonly { readonly key: CaseloadSortKey; readonly label: string }[] = [
  { key: 'name', label: 'Client' },
  { key: 'score', label: 'Latest scores' },
  { key: 'progress', label: 'Goals' },
  { key: 'attention', label: 'Alerts' },
];

export function CaseloadPage({
  initialShow = 'all',
  embedded = false,
}: {
  readonly initialShow?: CaseloadShow;
  readonly embedded?: boolean;
} = {}) {
  const { hasRole } = useSession();
  const [status, setStatus] = useState<ClientStatus | 'all'>('active');
  const [text, setText] = useState('');
  const [show, setShow] = useState<CaseloadShow>(initialShow);
  const [sort, setSort] = useState<{ key: CaseloadSortKey; descending: boolean }>({
    key: 'attention',
    descending: true,
  });
  const [adding, setAdding] = useState(false);
  const caseload = useCaseload(status);
  const items = useMemo(() => caseload.data?.pages.flatMap((p) => p.items) ?? [], [caseload.data]);

  const progress = useQueries({
    queries: items.map((row) => ({
      queryKey: clientKeys.progress(row.client.id),
      queryFn: () => apiRequest<ClientProgress>('GET', `/clients/${row.client.id}/progress`),
    })),
  });
  const alerts = useQueries({
    queries: items.map((row) => ({
      queryKey: clientKeys.alerts(row.client.id, true),
      queryFn: () =>
        apiRequest<{ items: StoredAlert[] }>('GET', withQuery(`/clients/${row.client.id}/alerts`, { open: 'true' })),
    })),
  });
  const progressById = new Map(items.map((row, i) => [row.client.id, progress[i]?.data]));
  const alertsById = new Map(items.map((row, i) => [row.client.id, alerts[i]?.data?.items]));
  const rows = buildCaseloadRows(
    items,
    (id) => progressById.get(id),
    (id) => alertsById.get(id),
  );
  const shown = sortCaseloadRows(filterCaseloadRows(rows, { text, show }), sort);
  const riskCount = rows.filter((r) => (r.chips ?? []).some((c) => c.tone === 'critical')).length;

  const onSort = (key: CaseloadSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : { key, descending: key === 'attention' || key === 'progress' },
    );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          {embedded ? <h2>Clients needing attention</h2> : <h1>Caseload</h1>}
          <p className="page-header__sub">
            {caseload.isPending
              ? 'Loading…'
              : `${items.length} client${items.length === 1 ? '' : 's'}${riskCount > 0 ? ` · ${riskCount} with an open risk alert` : ''}`}
          </p>
        </div>
        {!embedded && hasRole('clinician', 'supervisor') && (
          <button type="button" className="button button--primary" onClick={() => setAdding(!adding)}>
            {adding ? 'Close' : 'Add a client'}
          </button>
        )}
      </header>

      {adding && <AddClientForm onDone={() => setAdding(false)} />}

      <search className="toolbar">
        <div className="field">
          <label className="field__label" htmlFor="caseload-search">
            Find
          </label>
          <input
            id="caseload-search"
            className="input"
            type="search"
            placeholder="Name or record number"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="caseload-show">
            Show
          </label>
          <select
            id="caseload-show"
            className="select"
            value={show}
            onChange={(e) => setShow(e.target.value as CaseloadShow)}
          >
            <option value="all">Everyone</option>
            <option value="risk">Open risk alerts</option>
            <option value="attention">Needs attention</option>
            <option value="no-plan">No plan yet</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="caseload-status">
            Status
          </label>
          <select
            id="caseload-status"
            className="select"
            value={status}
            onChange={(e) => setStatus(e.target.value as ClientStatus | 'all')}
          >
            <option value="active">Active</option>
            <option value="discharged">Discharged</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </select>
        </div>
      </search>

      {caseload.isError ? (
        <p className="notice notice--error" role="alert">
          {errorMessage(caseload.error)}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table caseload" aria-label="Caseload">
            <thead>
              <tr>
                {SORTS.map((s) => (
                  <th
                    key={s.key}
                    scope="col"
                    aria-sort={sort.key === s.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button type="button" className="sort-button" onClick={() => onSort(s.key)}>
                      {s.label}
                      <span aria-hidden="true">{sort.key === s.key ? (sort.descending ? '▾' : '▴') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <CaseloadTableRow key={row.clientId} row={row} />
              ))}
            </tbody>
          </table>
          {!caseload.isPending && shown.length === 0 && (
            <p className="empty">
              {items.length === 0 ? 'No clients in your caseload yet.' : 'No client matches these filters.'}
            </p>
          )}
        </div>
      )}
      {caseload.hasNextPage && (
        <p style={{ marginTop: '1rem' }}>
          <button
            type="button"
            className="button"
            onClick={() => void caseload.fetchNextPage()}
            disabled={caseload.isFetchingNextPage}
          >
            {caseload.isFetchingNextPage ? 'Loading…' : 'Show more clients'}
          </button>
        </p>
      )}
    </div>
  );
}

function Trend({ score }: { readonly score: ScoreCell }) {
  if (score.change === null) return null;
  if (score.change === 0) return <span className="trend trend--flat">→ 0</span>;
  // Every instrument shipped is lower-is-better.
  const better = score.change < 0;
  return (
    <span
      className={`trend ${better ? 'trend--better' : 'trend--worse'}`}
      title={`${score.change > 0 ? '+' : ''}${score.change} since the previous score`}
    >
      {score.change < 0 ? '↓' : '↑'} {Math.abs(score.change)}
    </span>
  );
}

function CaseloadTableRow({ row }: { readonly row: CaseloadViewRow }) {
  const counts = Object.entries(row.statusCounts).filter(([, n]) => (n ?? 0) > 0);
  return (
    <tr data-testid="caseload-row">
      <td>
        <Link to={`/clients/${row.clientId}`} className="caseload__name">
          {row.name}
        </Link>
        <div className="muted" style={{ fontSize: '0.82rem' }}>
          {row.recordNumber}
          {row.status !== 'active' ? ` · ${row.status}` : ''}
        </div>
      </td>
      <td>
        {row.scores.length === 0 ? (
          <span className="muted">no scores yet</span>
        ) : (
          <ul className="score-list">
            {row.scores.map((s) => (
              <li key={s.instrumentId} className="score">
                <span className="muted">{s.label}</span> <span className="score__value">{s.total}</span>
                {s.severity && <span className="muted"> {s.severity}</span>}
                <Trend score={s} />
                <span className="muted score__date"> · {formatShortDate(s.date)}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {row.plan === undefined ? (
          <span className="muted">…</span>
        ) : row.plan === null ? (
          <span className="muted">no plan</span>
        ) : (
          <div className="chips">
            {row.plan.overall && (
              <span className={`status-badge status-badge--${row.plan.overall}`}>
                {row.plan.overall === 'no-targets'
                  ? 'no targets'
                  : STATUS_WORDS[row.plan.overall as keyof typeof STATUS_WORDS]}
              </span>
            )}
            {counts.length > 0 && (
              <span className="muted" style={{ fontSize: '0.8rem' }}>
                {counts
                  .map(([status, n]) => `${n} ${STATUS_WORDS[status as keyof typeof STATUS_WORDS] ?? status}`)
                  .join(' · ')}
              </span>
            )}
          </div>
        )}
      </td>
      <td>
        {row.chips === undefined ? (
          <span className="muted">…</span>
        ) : row.chips.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <div className="chips">
            {row.chips.map((c) => (
              <span key={c.key} className={`chip chip--${c.tone}`} title={c.detail}>
                {c.tone === 'critical' && <span aria-hidden="true">⚠</span>}
                {c.label}
              </span>
            ))}
          </div>
        )}
      </td>
    </tr>
  );
}

function AddClientForm({ onDone }: { readonly onDone: () => void }) {
  const queryClient = useQueryClient();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [preferredName, setPreferredName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [recordNumber, setRecordNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await createClient({
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        dateOfBirth,
        ...(preferredName.trim() ? { preferredName: preferredName.trim() } : {}),
        ...(pronouns.trim() ? { pronouns: pronouns.trim() } : {}),
        ...(recordNumber.trim() ? { recordNumber: recordNumber.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['caseload'] });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} aria-label="Add a client">
      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor="new-given">
            First name
          </label>
          <input
            id="new-given"
            className="input"
            required
            autoComplete="off"
            value={firstName}
            onChange={(e) => setFirstName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="new-family">
            Last name
          </label>
          <input
            id="new-family"
            className="input"
            required
            autoComplete="off"
            value={lastName}
            onChange={(e) => setLastName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="new-preferred">
            Preferred name <span className="muted">(optional)</span>
          </label>
          <input
            id="new-preferred"
            className="input"
            autoComplete="off"
            value={preferredName}
            onChange={(e) => setPreferredName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="new-pronouns">
            Pronouns <span className="muted">(optional)</span>
          </label>
          <input
            id="new-pronouns"
            className="input"
            autoComplete="off"
            value={pronouns}
            onChange={(e) => setPronouns(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="new-dob">
            Date of birth
          </label>
          <input
            id="new-dob"
            className="input"
            type="date"
            required
            value={dateOfBirth}
            onChange={(e) => setDateOfBirth(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="new-record">
            Record number <span className="muted">(optional)</span>
          </label>
          <input
            id="new-record"
            className="input"
            value={recordNumber}
            onChange={(e) => setRecordNumber(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add the client'}
        </button>
      </div>
    </form>
  );
}
