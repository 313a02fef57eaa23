/**
 * The settings page (being built against the API contract).
 *
 * @example
 * { path: 'settings', lazy: () => import('./pages/SettingsPage/SettingsPage.js') }
 */
export function SettingsPage() {
  return (
    <div className="page">
      <h1>Settings</h1>
      <p className="pending-api">This page is being built.</p>
    </div>
  );
}
