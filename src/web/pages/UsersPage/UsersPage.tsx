/**
 * Staff accounts (DESIGN 2.8): who can sign in, with which roles; an administrator adds accounts (each gets a one-time
 * set-password link, shown here once with a copy button), resets passwords (a new link), changes roles and
 * deactivates (which ends the person's sessions at once). Auditors see the list read-only.
 *
 * @example
 * { path: 'users', lazy: () => import('./pages/UsersPage/UsersPage.js') }
 */
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import {
  type CreatedUser,
  type PasswordLink,
  type StaffUser,
  useCreateUser,
  useResetPassword,
  useRoles,
  useUpdateUser,
  useUsers,
} from '../../api/staff-api.js';
import { OneTimeLink } from '../../components/OneTimeLink/OneTimeLink.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';

type RoleName = StaffUser['roles'][number];
const ROLE_NAMES: readonly RoleName[] = ['admin', 'clinician', 'supervisor', 'auditor'];

export function UsersPage() {
  const { hasRole, user: me } = useSession();
  const isAdmin = hasRole('admin');
  const users = useUsers();
  const roles = useRoles();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [adding, setAdding] = useState(false);
  const [shownLink, setShownLink] = useState<{ readonly name: string; readonly link: PasswordLink } | null>(null);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p className="page-header__sub">Staff accounts and their roles. Each role is a separate permission.</p>
        </div>
        {isAdmin && (
          <button type="button" className="button button--primary" onClick={() => setAdding(!adding)}>
            {adding ? 'Close' : 'Add a user'}
          </button>
        )}
      </header>
      {shownLink && (
        <OneTimeLink
          label={`Set-password link for ${shownLink.name}`}
          value={shownLink.link.setPasswordUrl}
          note={`Works once, until ${formatDateTime(shownLink.link.setPasswordExpiresAt)}. A newer link replaces it.`}
          onDismiss={() => setShownLink(null)}
        />
      )}
      {adding && (
        <AddUserForm
          onDone={(created) => {
            setAdding(false);
            setShownLink({ name: created.name, link: created });
          }}
        />
      )}
      {roles.data && (
        <details className="card">
          <summary>What each role allows</summary>
          <dl className="dl" style={{ marginTop: '0.75rem' }}>
            {roles.data.items.map((r) => (
              <div key={r.name} style={{ display: 'contents' }}>
                <dt>{r.name}</dt>
                <dd>{r.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {users.isError ? (
        <p className="notice notice--error" role="alert">
          {errorMessage(users.error)}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.name}
                    {u.credentials && <div className="muted">{u.credentials}</div>}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    {isAdmin ? (
                      <fieldset className="role-boxes" aria-label={`Roles of ${u.name}`}>
                        {ROLE_NAMES.map((r) => (
                          <label key={r} className="checkbox">
                            <input
                              type="checkbox"
                              checked={u.roles.includes(r)}
                              disabled={update.isPending || (u.id === me.id && r === 'admin')}
                              onChange={(e) => {
                                const next = e.target.checked ? [...u.roles, r] : u.roles.filter((x) => x !== r);
                                if (next.length > 0) update.mutate({ id: u.id, body: { roles: next } });
                              }}
                            />
                            <span>{r}</span>
                          </label>
                        ))}
                      </fieldset>
                    ) : (
                      u.roles.join(', ')
                    )}
                  </td>
                  <td>
                    <span className={`badge ${u.active ? 'status-badge--met' : 'badge--neutral'}`}>
                      {u.active ? 'active' : 'deactivated'}
                    </span>
                    {isAdmin && u.id !== me.id && (
                      <button
                        type="button"
                        className="button button--link"
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: u.id, body: { active: !u.active } })}
                      >
                        {u.active ? 'Deactivate' : 'Reactivate'}
                      </button>
                    )}
                    {isAdmin && u.id !== me.id && u.active && (
                      <button
                        type="button"
                        className="button button--link"
                        disabled={reset.isPending}
                        onClick={() => {
                          const ok = window.confirm(
                            `Reset the password of ${u.name}? Their sessions end and their API tokens are revoked.`,
                          );
                          if (ok) reset.mutate(u.id, { onSuccess: (link) => setShownLink({ name: u.name, link }) });
                        }}
                      >
                        Reset password
                      </button>
                    )}
                  </td>
                  <td>{formatDate(u.createdAt.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(update.error || reset.error) && (
        <p className="notice notice--error" role="alert" style={{ marginTop: '1rem' }}>
          {errorMessage(update.error ?? reset.error)}
        </p>
      )}
    </div>
  );
}

function AddUserForm({ onDone }: { readonly onDone: (created: CreatedUser) => void }) {
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [credentials, setCredentials] = useState('');
  const [roles, setRoles] = useState<RoleName[]>(['clinician']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        email: email.trim(),
        roles,
        ...(credentials.trim() ? { credentials: credentials.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card form" onSubmit={onSubmit} aria-label="Add a user">
      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor="nu-name">
            Name
          </label>
          <input id="nu-name" className="input" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nu-email">
            E-mail
          </label>
          <input
            id="nu-email"
            className="input"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="nu-credentials">
            Credentials
          </label>
          <input
            id="nu-credentials"
            className="input"
            placeholder="e.g. LCSW"
            value={credentials}
            onChange={(e) => setCredentials(e.target.value)}
          />
        </div>
      </div>
      <fieldset className="role-boxes">
        <legend className="field__label">Roles</legend>
        {ROLE_NAMES.map((r) => (
          <label key={r} className="checkbox">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
            />
            <span>{r}</span>
          </label>
        ))}
      </fieldset>
      {create.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={create.isPending || roles.length === 0}>
          {create.isPending ? 'Adding…' : 'Add the user'}
        </button>
        <span className="field__hint">
          You get a one-time link for them to choose a password; they set up their authenticator at their first sign-in.
        </span>
      </div>
    </form>
  );
}
