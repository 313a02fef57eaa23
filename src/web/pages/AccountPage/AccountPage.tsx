/**
 * The signed-in user's account: who they are, their roles, the second factor's state and when the session ends; sign
 * out everywhere; and their API tokens for scripts (created here, the secret shown once; revocable).
 *
 * @example
 * { path: '/account', element: <AccountPage /> }
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client.js';
import { logoutEverywhere } from '../../api/auth-api.js';
import { type CreatedApiToken, useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/tokens-api.js';
import { OneTimeLink } from '../../components/OneTimeLink/OneTimeLink.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';

export function AccountPage() {
  const { me, user, practice } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const signOutEverywhere = async () => {
    try {
      await logoutEverywhere();
      queryClient.clear();
      void navigate('/sign-in', { replace: true, state: { signedOut: true } });
    } catch (error) {
      setSignOutError(errorMessage(error));
    }
  };
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1>Your account</h1>
      </header>
      <section className="card">
        <dl className="dl">
          <dt>Name</dt>
          <dd>
            {user.name}
            {user.credentials ? `, ${user.credentials}` : ''}
          </dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
          <dt>Roles</dt>
          <dd>{user.roles.join(', ')}</dd>
          <dt>Authenticator</dt>
          <dd>{me.totpEnrolled ? 'enrolled' : 'not enrolled'}</dd>
          <dt>Practice</dt>
          <dd>{practice ? `${practice.name} (${practice.timeZone})` : '—'}</dd>
          <dt>Session idles out</dt>
          <dd>{formatDateTime(me.idleExpiresAt)} unless you keep working</dd>
          <dt>Session ends</dt>
          <dd>{formatDateTime(me.expiresAt)}</dd>
        </dl>
        <div className="actions">
          <button type="button" className="button" onClick={() => void signOutEverywhere()}>
            Sign out everywhere
          </button>
          <span className="field__hint">Ends every session of yours, on every device (API tokens stay).</span>
        </div>
        {signOutError && (
          <p className="notice notice--error" role="alert">
            {signOutError}
          </p>
        )}
      </section>
      <TokensSection />
    </div>
  );
}

function TokensSection() {
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), expiresInDays: Number(days) },
      {
        onSuccess: (t) => {
          setCreated(t);
          setName('');
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For scripts: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with your roles, until
        it expires or you revoke it.
      </p>
      {created && (
        <OneTimeLink
          label={`API token “${created.name}”`}
          value={created.token}
          note={`Valid until ${formatDateTime(created.expiresAt)}.`}
          onDismiss={() => setCreated(null)}
        />
      )}
      <form className="form-row" onSubmit={onSubmit} aria-label="Create an API token">
        <div className="field">
          <label className="field__label" htmlFor="tok-name">
            Name
          </label>
          <input
            id="tok-name"
            className="input"
            required
            maxLength={100}
            placeholder="e.g. nightly import"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="tok-days">
            Valid for (days)
          </label>
          <input
            id="tok-days"
            className="input"
            type="number"
            min={1}
            max={365}
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={create.isPending || !name.trim()}>
            Create token
          </button>
        </div>
      </form>
      {(create.error || revoke.error || tokens.error) && (
        <p className="notice notice--error" role="alert">
          {errorMessage(create.error ?? revoke.error ?? tokens.error)}
        </p>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>{formatDateTime(t.expiresAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
