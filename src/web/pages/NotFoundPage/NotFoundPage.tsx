/**
 * An address the app does not know (or a client outside the caller's reach, which the server answers with 404).
 *
 * @example
 * { path: '*', element: <NotFoundPage /> }
 */
import { Link } from 'react-router';

export function NotFoundPage({ what = 'page' }: { readonly what?: string }) {
  return (
    <div className="page page--narrow">
      <h1>Not found</h1>
      <p>This {what} does not exist, or it is outside your reach.</p>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </div>
  );
}
