/**
 * What a page shows when it fails to load or render (a lost connection while a page's code loads, a bug): a calm
 * message and a way back, never a blank screen.
 *
 * @example
 * { path: '/', errorElement: <RouteError /> }
 */
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { errorMessage } from '../../api/api-client.js';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <div className="page page--narrow" style={{ padding: '2rem' }}>
      <h1>Something went wrong</h1>
      <p className="notice notice--error" role="alert">
        {message}
      </p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to="/">Back to the start</Link>
      </p>
    </div>
  );
}
