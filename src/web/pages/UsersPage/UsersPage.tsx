/**
 * The users page (being built against the API contract).
 *
 * @example
 * { path: 'users', lazy: () => import('./pages/UsersPage/UsersPage.js') }
 */
export function UsersPage() {
  return (
    <div className="page">
      <h1>Users</h1>
      <p className="pending-api">This page is being built.</p>
    </div>
  );
}
