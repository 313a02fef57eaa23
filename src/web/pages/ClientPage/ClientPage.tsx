/**
 * One client (DESIGN 3.4): the header with the record number, diagnoses and any open risk alert (with the form to
 * record what was done), and tabs — overview (plan summary and progress charts), formulation, plan editor, plan
 * versions (with compare), measures, alerts.
 * A client outside the caller's reach is a 404 from the server and shows "not found".
 *
 * @example
 * { path: 'clients/:clientId/*', lazy: () => import('./pages/ClientPage/ClientPage.js') }
 */
import { NavLink, Route, Routes, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client.js';
import { clientName } from '../../api/clients-api.js';
import { AcknowledgeAlertForm } from '../../components/AcknowledgeAlertForm/AcknowledgeAlertForm.js';
import { describeAlert } from '../../lib/describe-alert.js';
import { formatDate } from '../../lib/format.js';
import { ClientAlertsPage } from '../ClientAlertsPage/ClientAlertsPage.js';
import { ClientLinksPage } from '../ClientLinksPage/ClientLinksPage.js';
import { FormulationPage } from '../FormulationPage/FormulationPage.js';
import { MeasuresPage } from '../MeasuresPage/MeasuresPage.js';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage.js';
import { PlanEditorPage } from '../PlanEditorPage/PlanEditorPage.js';
import { PlanVersionsPage } from '../PlanVersionsPage/PlanVersionsPage.js';
import { ReviewsPage } from '../ReviewsPage/ReviewsPage.js';
import { SessionsPage } from '../SessionsPage/SessionsPage.js';
import { ClientOverview } from './ClientOverview.js';
import { type ClientData, useClientData } from './use-client-data.js';

export function ClientPage() {
  const { clientId = '' } = useParams();
  const data = useClientData(clientId);
  const { record } = data;

  if (record.isPending) return <p className="page-loading">Loading…</p>;
  if (record.isError) {
    if (record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400)) {
      return <NotFoundPage what="client" />;
    }
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(record.error)}
      </p>
    );
  }
  const { client, diagnoses } = record.data;
  const base = `/clients/${clientId}`;
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'is-active' : '');

  return (
    <div className="page">
      <header className="page-header client-header">
        <div>
          <h1>{clientName(client)}</h1>
          <p className="page-header__sub">
            {client.recordNumber}
            {client.dateOfBirth ? ` · born ${formatDate(client.dateOfBirth)}` : ''}
            {client.status !== 'active' ? ` · ${client.status}` : ''}
            {diagnoses.length > 0 &&
              ` · ${diagnoses.map((d) => `${d.code} ${d.description}${d.primary ? ' (primary)' : ''}`).join('; ')}`}
          </p>
        </div>
      </header>
      <OpenRiskAlerts clientId={clientId} data={data} />
      <nav className="tabs" aria-label="Client">
        <NavLink to={base} end className={tab}>
          Overview
        </NavLink>
        <NavLink to={`${base}/formulation`} className={tab}>
          Formulation
        </NavLink>
        <NavLink to={`${base}/plan`} className={tab}>
          Plan
        </NavLink>
        <NavLink to={`${base}/versions`} className={tab}>
          Versions
        </NavLink>
        <NavLink to={`${base}/reviews`} className={tab}>
          Reviews
        </NavLink>
        <NavLink to={`${base}/sessions`} className={tab}>
          Sessions
        </NavLink>
        <NavLink to={`${base}/measures`} className={tab}>
          Measures
        </NavLink>
        <NavLink to={`${base}/alerts`} className={tab}>
          Alerts
        </NavLink>
        <NavLink to={`${base}/links`} className={tab}>
          Links
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<ClientOverview clientId={clientId} data={data} />} />
        <Route path="formulation" element={<FormulationPage clientId={clientId} data={data} />} />
        <Route path="plan" element={<PlanEditorPage clientId={clientId} data={data} />} />
        <Route path="versions" element={<PlanVersionsPage clientId={clientId} />} />
        <Route path="reviews" element={<ReviewsPage clientId={clientId} />} />
        <Route path="sessions" element={<SessionsPage clientId={clientId} />} />
        <Route path="measures" element={<MeasuresPage clientId={clientId} data={data} />} />
        <Route path="alerts" element={<ClientAlertsPage clientId={clientId} data={data} />} />
        <Route path="links" element={<ClientLinksPage clientId={clientId} clientEmail={client.email ?? null} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}

/** The client's open critical alerts, each with the form to record what was done. */
function OpenRiskAlerts({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const open = (data.alerts.data?.items ?? []).filter((a) => a.closure === null && a.alert.severity === 'critical');
  if (open.length === 0) return null;
  return (
    <section className="critical-banner" role="alert" aria-label="Open risk alerts for this client">
      <strong className="critical-banner__title">
        {open.length === 1 ? 'Open risk alert' : `${open.length} open risk alerts`}: record what was done
      </strong>
      {open.map((a) => {
        const words = describeAlert(a.alert);
        return (
          <details key={a.alert.key} className="critical-banner__item" open={open.length === 1}>
            <summary>
              <strong>{words.title}</strong> — {words.detail}
            </summary>
            <AcknowledgeAlertForm clientId={clientId} alertKey={a.alert.key} />
          </details>
        );
      })}
    </section>
  );
}
