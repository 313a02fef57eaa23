/**
 * The client page's "Links" tab (issue 7): the client's consent to be contacted through links (recorded with its
 * date), the "Send a link" panel (purpose, instruments, copy or e-mail) and the client's links with their state.
 * The link's URL is shown once, right after it is created; the list never holds tokens.
 *
 * @example
 * <Route path="links" element={<ClientLinksPage clientId={clientId} clientEmail={client.email ?? null} />} />
 */
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import {
  type CreatedClientLink,
  useClientConsents,
  useClientLinks,
  useCreateClientLink,
  useRecordClientConsent,
  useRevokeClientLink,
} from '../../api/client-links-api.js';
import { OneTimeLink } from '../../components/OneTimeLink/OneTimeLink.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { INSTRUMENTS } from '../../lib/instruments.js';

type Purpose = 'measures' | 'log' | 'endorse';

const PURPOSES: readonly { readonly value: Purpose; readonly label: string }[] = [
  { value: 'measures', label: 'Questionnaires' },
  { value: 'log', label: 'Behaviour log (today’s counts)' },
  { value: 'endorse', label: 'Read and endorse the plan' },
];

/** Instruments a link can carry: those whose item wording Cairn holds. */
const LINK_INSTRUMENTS = INSTRUMENTS.filter((m) => m.content === 'full');

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ClientLinksPage({
  clientId,
  clientEmail,
}: {
  readonly clientId: string;
  readonly clientEmail: string | null;
}) {
  const consents = useClientConsents(clientId);
  const consent = consents.data?.find((c) => c.kind === 'contact' && c.withdrawnAt === null) ?? null;
  return (
    <div>
      <ConsentSection clientId={clientId} consent={consent} loading={consents.isPending} />
      {consent && <SendLinkPanel clientId={clientId} clientEmail={clientEmail} />}
      <LinkList clientId={clientId} />
    </div>
  );
}

function ConsentSection({
  clientId,
  consent,
  loading,
}: {
  readonly clientId: string;
  readonly consent: { readonly givenOn: string; readonly givenBy: string } | null;
  readonly loading: boolean;
}) {
  const record = useRecordClientConsent(clientId);
  const [givenOn, setGivenOn] = useState(todayIso());
  const [givenBy, setGivenBy] = useState<'client' | 'guardian'>('client');
  const [method, setMethod] = useState<'verbal' | 'written' | 'electronic'>('verbal');
  if (loading) return <p className="page-loading">Loading…</p>;
  if (consent) {
    return (
      <p className="notice">
        Consent to be contacted through links and e-mail: given by the {consent.givenBy} on{' '}
        {formatDate(consent.givenOn)}.
      </p>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ kind: 'contact', method, givenOn, givenBy });
  };
  return (
    <section className="card" aria-label="Consent to client links">
      <h2>Consent to client links</h2>
      <p>
        Links and e-mail go only to clients who agreed to be contacted this way (for a minor, the guardian). Record the
        consent and the date it was given.
      </p>
      <form className="form-row" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor="consent-on">
            Given on
          </label>
          <input
            id="consent-on"
            className="input"
            type="date"
            required
            max={todayIso()}
            value={givenOn}
            onChange={(e) => setGivenOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="consent-by">
            Given by
          </label>
          <select
            id="consent-by"
            className="input"
            value={givenBy}
            onChange={(e) => setGivenBy(e.target.value === 'guardian' ? 'guardian' : 'client')}
          >
            <option value="client">The client</option>
            <option value="guardian">The guardian</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="consent-method">
            How
          </label>
          <select
            id="consent-method"
            className="input"
            value={method}
            onChange={(e) => setMethod(e.target.value as 'verbal' | 'written' | 'electronic')}
          >
            <option value="verbal">Verbally</option>
            <option value="written">In writing</option>
            <option value="electronic">Electronically</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={record.isPending}>
            Record consent
          </button>
        </div>
      </form>
      {record.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(record.error)}
        </p>
      )}
    </section>
  );
}

function SendLinkPanel({ clientId, clientEmail }: { readonly clientId: string; readonly clientEmail: string | null }) {
  const create = useCreateClientLink(clientId);
  const [purpose, setPurpose] = useState<Purpose>('measures');
  const [instruments, setInstruments] = useState<readonly string[]>(['phq9']);
  const [created, setCreated] = useState<(CreatedClientLink & { readonly emailed: boolean }) | null>(null);

  const send = (deliver: 'copy' | 'email') => {
    create.mutate(
      { purpose, ...(purpose === 'measures' ? { instruments: [...instruments] } : {}), deliver },
      { onSuccess: (link) => setCreated({ ...link, emailed: deliver === 'email' }) },
    );
  };
  const toggle = (id: string) =>
    setInstruments((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const ready = purpose !== 'measures' || instruments.length > 0;

  return (
    <section className="card" aria-label="Send a link">
      <h2>Send a link</h2>
      {created && (
        <OneTimeLink
          label={created.emailed ? 'Link e-mailed to the client' : 'Link for the client'}
          value={created.url}
          note={`Works once, until ${formatDateTime(created.expiresAt)}.`}
          onDismiss={() => setCreated(null)}
        />
      )}
      <fieldset className="field">
        <legend className="field__label">What for</legend>
        {PURPOSES.map((p) => (
          <label key={p.value} className="checkbox">
            <input
              type="radio"
              name="link-purpose"
              value={p.value}
              checked={purpose === p.value}
              onChange={() => setPurpose(p.value)}
            />{' '}
            {p.label}
          </label>
        ))}
      </fieldset>
      {purpose === 'measures' && (
        <fieldset className="field">
          <legend className="field__label">Questionnaires</legend>
          {LINK_INSTRUMENTS.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="checkbox" checked={instruments.includes(m.id)} onChange={() => toggle(m.id)} /> {m.shortName}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || create.isPending}
          onClick={() => send('copy')}
        >
          Create link to copy
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready || create.isPending || !clientEmail}
          title={clientEmail ? undefined : 'The client has no e-mail address'}
          onClick={() => send('email')}
        >
          E-mail it to the client
        </button>
      </div>
      {create.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
    </section>
  );
}

function LinkList({ clientId }: { readonly clientId: string }) {
  const links = useClientLinks(clientId);
  const revoke = useRevokeClientLink(clientId);
  if (links.isPending) return null;
  if (links.error) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(links.error)}
      </p>
    );
  }
  if (links.data.length === 0) return <p className="field__hint">No links sent yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Links sent to the client">
        <thead>
          <tr>
            <th scope="col">For</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Opened</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links.data.map((l) => (
            <tr key={l.id}>
              <td>
                {PURPOSES.find((p) => p.value === l.purpose)?.label ?? l.purpose}
                {l.instruments.length > 0 && ` (${l.instruments.join(', ')})`}
                {l.emailedAt && ' · e-mailed'}
              </td>
              <td>{l.state}</td>
              <td>{formatDateTime(l.createdAt)}</td>
              <td>{formatDateTime(l.expiresAt)}</td>
              <td>{l.openedAt ? formatDateTime(l.openedAt) : '—'}</td>
              <td>
                {l.state === 'open' && (
                  <button
                    type="button"
                    className="button button--link"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(l.id)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
