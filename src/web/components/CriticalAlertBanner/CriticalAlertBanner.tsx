/**
 * The unmissable risk banner (DESIGN 2.3): while any client in the caller's reach has an open critical alert (a
 * critical item answered or left unanswered), every page shows it, with a link to the client, until a clinician
 * records what was done. Fed by the open critical alerts of the caseload.
 *
 * @example
 * <CriticalAlertBanner />
 */
import { Link } from 'react-router';
import { useOpenCriticalAlerts } from '../../api/alerts-api.js';

export function CriticalAlertBanner() {
  const alerts = useOpenCriticalAlerts();
  if (alerts.length === 0) return null;
  return (
    <section className="critical-banner" role="alert" aria-label="Open risk alerts" data-testid="critical-banner">
      <strong className="critical-banner__title">
        {alerts.length === 1 ? 'A risk alert is open' : `${alerts.length} risk alerts are open`}
      </strong>
      <p>A critical item needs a same-day risk assessment. Record what was done to close the alert.</p>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.clientId}-${a.key}`}>
            <Link to={`/clients/${a.clientId}`}>{a.clientLabel}</Link>: {a.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
