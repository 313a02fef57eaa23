/**
 * The signed-in user's account: who they are, their roles, the second factor's state and when the session ends.
 *
 * @example
 * { path: '/account', element: <AccountPage /> }
 */
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';

export function AccountPage() {
  const { me, user, practice } = useSession();
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
      </section>
    </div>
  );
}
