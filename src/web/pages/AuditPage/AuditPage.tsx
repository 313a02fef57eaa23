/**
 * The audit page (being built against the API contract).
 *
 * @example
 * { path: 'audit', lazy: () => import('./pages/AuditPage/AuditPage.js') }
 */
export function AuditPage() {
  return (
    <div className="page">
      <h1>Audit</h1>
      <p className="pending-api">This page is being built.</p>
    </div>
  );
}
