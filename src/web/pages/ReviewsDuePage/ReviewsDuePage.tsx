/**
 * Reviews due and overdue across the caller's caseload (DESIGN 2.6): one row per client whose signed plan's review
 * is overdue or due within the chosen window, most overdue first, linked to the client's Reviews tab.
 *
 * @example
 * { path: 'reviews/due', lazy: () => import('./pages/ReviewsDuePage/ReviewsDuePage.js') }
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-client.js';
import { useReviewsDue } from '../../api/reviews-api.js';
import { formatDate } from '../../lib/format.js';

const WINDOWS = [7, 14, 30, 60, 90] as const;

export function ReviewsDuePage() {
  const id = useId();
  const [withinDays, setWithinDays] = useState(30);
  const due = useReviewsDue(withinDays);
  const items = due.data?.items ?? [];

  return (
    <div className="page">
      <header className="page-header">
        <h1>Reviews due</h1>
        <p className="page-header__sub">Plan reviews overdue or due soon for the clients in your caseload.</p>
      </header>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-window`}>
          Due within
        </label>
        <select id={`${id}-window`} value={withinDays} onChange={(e) => setWithinDays(Number(e.target.value))}>
          {WINDOWS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </div>
      {due.isPending && <p className="muted">Loading…</p>}
      {due.isError && (
        <p className="notice notice--error" role="alert">
          {errorMessage(due.error)}
        </p>
      )}
      {due.isSuccess && items.length === 0 && (
        <p className="muted">No review is overdue or due within {withinDays} days.</p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Reviews due" data-testid="reviews-due">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col">Last review</th>
                <th scope="col">Plan version</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.clientId}>
                  <td>
                    <Link to={`/clients/${r.clientId}/reviews`}>{r.name}</Link>{' '}
                    <span className="muted">{r.recordNumber}</span>
                  </td>
                  <td>{formatDate(r.dueDate)}</td>
                  <td>
                    {r.state === 'overdue' ? (
                      <span className="badge badge--overdue">overdue by {r.days} days</span>
                    ) : (
                      <span className="badge badge--warning">due in {r.days} days</span>
                    )}
                    {r.draftReviewId && <span className="muted"> · review in progress</span>}
                  </td>
                  <td>{r.lastReviewDate ? formatDate(r.lastReviewDate) : 'none yet'}</td>
                  <td>{r.planVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
