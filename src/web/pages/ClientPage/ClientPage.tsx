/**
 * The client page (being built against the API contract).
 *
 * @example
 * { path: 'client', lazy: () => import('./pages/ClientPage/ClientPage.js') }
 */
export function ClientPage() {
  return (
    <div className="page">
      <h1>Client</h1>
      <p className="pending-api">This page is being built.</p>
    </div>
  );
}
