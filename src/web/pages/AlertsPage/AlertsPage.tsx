/**
 * The alerts page (being built against the API contract).
 *
 * @example
 * { path: 'alerts', lazy: () => import('./pages/AlertsPage/AlertsPage.js') }
 */
export function AlertsPage() {
  return (
    <div className="page">
      <h1>Alerts</h1>
      <p className="pending-api">This page is being built.</p>
    </div>
  );
}
