/**
 * The administrators' alert about emergency access (DESIGN 2.8: break-glass alerts an admin): while any grant is
 * unreviewed, every page shows how many, with a link to the review list. There is no staff notification channel
 * (e-mail) yet; this banner is the alert.
 *
 * @example
 * {hasRole('admin') && <BreakGlassReviewBanner />}
 */
import { Link } from 'react-router';
import { useBreakGlassGrants } from '../../api/break-glass-api.js';

export function BreakGlassReviewBanner() {
  const grants = useBreakGlassGrants({ unreviewed: true });
  const count = grants.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <p className="notice notice--warning" role="status" data-testid="break-glass-banner">
      {count === 1 ? 'An emergency access awaits review.' : `${count} emergency accesses await review.`}{' '}
      <Link to="/break-glass/review">Review emergency access</Link>
    </p>
  );
}
