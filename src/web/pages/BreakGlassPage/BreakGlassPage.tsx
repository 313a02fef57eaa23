/**
 * Emergency access (DESIGN 2.8): a clinician or supervisor opens a client outside their reach for a limited time,
 * with a stated reason. The client is named by its exact record number (or its id); only the initials are shown
 * before the glass is broken. Administrators are alerted and review every grant; every action under it is marked in
 * the audit trail.
 *
 * @example
 * { path: 'break-glass', lazy: () => import('./pages/BreakGlassPage/BreakGlassPage.js') }
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-client.js';
import { lookupBreakGlassClient, requestBreakGlass } from '../../api/break-glass-api.js';
import { formatDateTime } from '../../lib/format.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_REASON = 20;
const MAX_REASON = 1000;

export function BreakGlassPage() {
  const id = useId();
  const [identifier, setIdentifier] = useState('');
  const [reason, setReason] = useState('');
  const lookup = useMutation({
    mutationFn: (text: string) =>
      ID.test(text) ? Promise.resolve({ id: text, initials: '' }) : lookupBreakGlassClient(text),
  });
  const grant = useMutation({
    mutationFn: ({ clientId, text }: { clientId: string; text: string }) => requestBreakGlass(clientId, text),
  });
  const match = lookup.data;
  const reasonLength = reason.trim().length;

  const onFind = (e: FormEvent) => {
    e.preventDefault();
    grant.reset();
    lookup.mutate(identifier.trim());
  };
  const onRequest = (e: FormEvent) => {
    e.preventDefault();
    if (match) grant.mutate({ clientId: match.id, text: reason.trim() });
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Emergency access</h1>
          <p className="page-header__sub">
            Open a client who is not on your caseload, for 60 minutes, when care cannot wait. Administrators are alerted
            and review every use; everything you do meanwhile is marked in the audit trail.
          </p>
        </div>
      </header>

      <form className="form" onSubmit={onFind} aria-label="Find the client">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-client`}>
            Record number (exact) or client id
          </label>
          <input
            id={`${id}-client`}
            className="input mono"
            autoComplete="off"
            maxLength={100}
            value={identifier}
            onChange={(e) => {
              setIdentifier(e.target.value);
              lookup.reset();
            }}
          />
        </div>
        {lookup.error && (
          <p className="notice notice--error" role="alert">
            {errorMessage(lookup.error)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={lookup.isPending || identifier.trim() === ''}>
            {lookup.isPending ? 'Looking…' : 'Find the client'}
          </button>
        </div>
      </form>

      {match && !grant.data && (
        <form className="form" onSubmit={onRequest} aria-label="Request emergency access">
          <p role="status">
            Client{match.initials ? ` ${match.initials}` : ''} <span className="mono">({match.id})</span>
          </p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reason`}>
              Reason (at least {MIN_REASON} characters; the administrators read it)
            </label>
            <textarea
              id={`${id}-reason`}
              className="textarea"
              rows={4}
              required
              minLength={MIN_REASON}
              maxLength={MAX_REASON}
              aria-describedby={`${id}-reason-count`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <span id={`${id}-reason-count`} className="field__hint">
              {reasonLength} / {MAX_REASON}
            </span>
          </div>
          {grant.error && (
            <p className="notice notice--error" role="alert">
              {errorMessage(grant.error)}
            </p>
          )}
          <div className="actions">
            <button
              type="submit"
              className="button button--danger"
              disabled={grant.isPending || reasonLength < MIN_REASON}
            >
              {grant.isPending ? 'Opening…' : 'Break the glass'}
            </button>
          </div>
        </form>
      )}

      {grant.data && (
        <p className="notice notice--warning" role="status">
          Emergency access granted until {formatDateTime(grant.data.expiresAt)}.{' '}
          <Link to={`/clients/${grant.data.clientId}`}>Open the client</Link>
        </p>
      )}
    </div>
  );
}
