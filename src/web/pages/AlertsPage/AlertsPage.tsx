/**
 * Alerts across the caseload: every open risk alert (a critical item answered or left unanswered) of the clients in
 * reach, each linking to the client where the clinician records what was done, and the clients whose targets are
 * off track or overdue.
 *
 * @example
 * { path: 'alerts', lazy: () => import('./pages/AlertsPage/AlertsPage.js') }
 */
import { Link } from 'react-router';
import { useOpenCriticalAlerts } from '../../api/alerts-api.js';
import { CaseloadPage } from '../CaseloadPage/CaseloadPage.js';

export function AlertsPage() {
  const critical = useOpenCriticalAlerts();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Alerts</h1>
          <p className="page-header__sub">Risk alerts stay open until a clinician records what was done.</p>
        </div>
      </header>
      <section className="card" aria-labelledby="risk-title">
        <h2 id="risk-title">Open risk alerts</h2>
        {critical.length === 0 ? (
          <p className="muted">None open.</p>
        ) : (
          <ul className="alert-list">
            {critical.map((a) => (
              <li key={`${a.clientId}-${a.key}`} className="alert-item alert-item--critical">
                <Link to={`/clients/${a.clientId}/alerts`}>
                  <strong>{a.clientLabel}</strong>
                </Link>
                : {a.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
      <CaseloadPage initialShow="attention" embedded />
    </div>
  );
}
