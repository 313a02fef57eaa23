/**
 * The caseload page (being built against the API contract).
 *
 * @example
 * { path: 'caseload', lazy: () => import('./pages/CaseloadPage/CaseloadPage.js') }
 */
export function CaseloadPage() {
  return (
    <div className="page">
      <h1>Caseload</h1>
      <p className="pending-api">This page is being built.</p>
    </div>
  );
}
