/**
 * Emergency access review (DESIGN 2.8): every break-glass grant of the practice, newest first — who, which client
 * (id only), the reason, when, until when — and, for administrators, a note that marks it reviewed. Auditors read.
 *
 * @example
 * { path: 'break-glass/review', lazy: () => import('./pages/BreakGlassReviewPage/BreakGlassReviewPage.js') }
 */
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import { type BreakGlassGrant, useBreakGlassGrants, useReviewBreakGlass } from '../../api/break-glass-api.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';

export function BreakGlassReviewPage() {
  const { hasRole } = useSession();
  const [onlyUnreviewed, setOnlyUnreviewed] = useState(true);
  const grants = useBreakGlassGrants({ unreviewed: onlyUnreviewed });
  const items = grants.data?.items ?? [];
  const canReview = hasRole('admin');

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Emergency access review</h1>
          <p className="page-header__sub">Break-glass access to clients outside a clinician’s reach, newest first.</p>
        </div>
        <label className="actions">
          <input type="checkbox" checked={onlyUnreviewed} onChange={(e) => setOnlyUnreviewed(e.target.checked)} />
          Only those still to review
        </label>
      </header>
      {grants.isError && (
        <p className="notice notice--error" role="alert">
          {errorMessage(grants.error)}
        </p>
      )}
      <div className="table-wrap">
        <table className="table" aria-label="Emergency access grants">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Client</th>
              <th scope="col">Reason</th>
              <th scope="col">Until</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {items.map((g) => (
              <tr key={g.id}>
                <td>{formatDateTime(g.createdAt)}</td>
                <td>{g.userName}</td>
                <td className="mono">{g.clientId}</td>
                <td>{g.reason}</td>
                <td>
                  {formatDateTime(g.expiresAt)}
                  {g.active && <span className="badge badge--warning"> active</span>}
                </td>
                <td>{g.review ? <ReviewDone grant={g} /> : canReview ? <ReviewForm grant={g} /> : 'Not reviewed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!grants.isPending && items.length === 0 && <p className="empty">Nothing to review.</p>}
      </div>
    </div>
  );
}

function ReviewDone({ grant }: { readonly grant: BreakGlassGrant }) {
  if (!grant.review) return null;
  return (
    <span>
      Reviewed {formatDateTime(grant.review.reviewedAt)}: {grant.review.note}
    </span>
  );
}

function ReviewForm({ grant }: { readonly grant: BreakGlassGrant }) {
  const id = useId();
  const [note, setNote] = useState('');
  const review = useReviewBreakGlass();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    review.mutate({ id: grant.id, note: note.trim() });
  };
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Review the access of ${grant.userName}`}>
      <label className="field__label" htmlFor={`${id}-note`}>
        Review note
      </label>
      <textarea
        id={`${id}-note`}
        className="textarea"
        rows={2}
        required
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {review.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(review.error)}
        </p>
      )}
      <button type="submit" className="button button--small" disabled={review.isPending || note.trim() === ''}>
        {review.isPending ? 'Saving…' : 'Mark reviewed'}
      </button>
    </form>
  );
}
