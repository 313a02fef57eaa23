/**
 * The audit trail (DESIGN 2.8): every read of client data, write, export, sign-in and failed sign-in, newest first —
 * who, what, which clients (ids only), when, from where, outcome — with a check of the hash chain.
 *
 * @example
 * { path: 'audit', lazy: () => import('./pages/AuditPage/AuditPage.js') }
 */
import { useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import { useAuditTrail, useVerifyAudit } from '../../api/staff-api.js';
import { formatDateTime } from '../../lib/format.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditPage() {
  const [clientId, setClientId] = useState('');
  const filter = ID.test(clientId.trim()) ? clientId.trim() : undefined;
  const audit = useAuditTrail(filter);
  const verify = useVerifyAudit();
  const events = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Audit trail</h1>
          <p className="page-header__sub">Append-only and hash-chained. Client ids only, never client data.</p>
        </div>
        <div className="actions">
          {verify.data && (
            <span className={`chip ${verify.data.ok ? 'chip--info' : 'chip--critical'}`} role="status">
              {verify.data.ok
                ? `Chain intact (${verify.data.events} events)`
                : `Chain broken at event ${verify.data.brokenAt}`}
            </span>
          )}
          <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {verify.isPending ? 'Checking…' : 'Verify the chain'}
          </button>
        </div>
      </header>
      <div className="toolbar">
        <div className="field" style={{ minWidth: '24rem' }}>
          <label className="field__label" htmlFor="audit-client">
            Only events about client (id)
          </label>
          <input
            id="audit-client"
            className="input mono"
            placeholder="00000000-0000-0000-0000-000000000000"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
          />
        </div>
      </div>
      {audit.isError || verify.isError ? (
        <p className="notice notice--error" role="alert">
          {errorMessage(audit.error ?? verify.error)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table table--compact" aria-label="Audit events">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Resource</th>
              <th scope="col">Clients</th>
              <th scope="col">Outcome</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td>{formatDateTime(e.at)}</td>
                <td className="mono">{e.actor}</td>
                <td>{e.action}</td>
                <td className="mono">{e.resource ?? ''}</td>
                <td className="mono">
                  {e.clientIds.length > 2 ? `${e.clientIds.length} clients` : e.clientIds.join(', ')}
                </td>
                <td>
                  <span
                    className={`badge ${e.outcome === 'success' ? 'badge--neutral' : e.outcome === 'denied' ? 'badge--warning' : 'status-badge--overdue'}`}
                  >
                    {e.outcome}
                  </span>
                </td>
                <td className="mono">{e.origin ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!audit.isPending && events.length === 0 && <p className="empty">No events.</p>}
      </div>
      {audit.hasNextPage && (
        <p style={{ marginTop: '1rem' }}>
          <button
            type="button"
            className="button"
            onClick={() => void audit.fetchNextPage()}
            disabled={audit.isFetchingNextPage}
          >
            {audit.isFetchingNextPage ? 'Loading…' : 'Older events'}
          </button>
        </p>
      )}
    </div>
  );
}
