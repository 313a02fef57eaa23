/**
 * The frame of every signed-in page: the practice and the user at the top, the navigation (by role), the notice when
 * the practice has relaxed the second factor (the demo practice), the unmissable banner while any critical risk
 * alert is open, for administrators the count of emergency (break-glass) accesses awaiting review, and the page
 * itself.
 *
 * @example
 * { element: <AppShell />, children: [{ path: 'caseload', … }] }
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logout } from '../../api/auth-api.js';
import { useSession } from '../../session/session.js';
import { BreakGlassReviewBanner } from '../BreakGlassReviewBanner/BreakGlassReviewBanner.js';
import { CriticalAlertBanner } from '../CriticalAlertBanner/CriticalAlertBanner.js';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly roles: readonly ('admin' | 'clinician' | 'supervisor' | 'auditor')[];
}

const NAV: readonly NavItem[] = [
  { to: '/caseload', label: 'Caseload', roles: ['clinician', 'supervisor', 'auditor'] },
  { to: '/alerts', label: 'Alerts', roles: ['clinician', 'supervisor'] },
  { to: '/reviews/due', label: 'Reviews due', roles: ['clinician', 'supervisor', 'auditor'] },
  { to: '/outcomes', label: 'Practice outcomes', roles: ['clinician', 'supervisor', 'auditor'] },
  { to: '/goal-check', label: 'Goal check', roles: ['clinician', 'supervisor', 'admin', 'auditor'] },
  { to: '/audit', label: 'Audit trail', roles: ['admin', 'auditor'] },
  { to: '/break-glass', label: 'Emergency access', roles: ['clinician', 'supervisor'] },
  { to: '/break-glass/review', label: 'Emergency access review', roles: ['admin', 'auditor'] },
  { to: '/users', label: 'Users', roles: ['admin'] },
  { to: '/settings', label: 'Settings', roles: ['admin'] },
];

/**
 * The shell.
 *
 * @example
 * <AppShell />
 */
export function AppShell() {
  const { user, practice, hasRole } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      void navigate('/sign-in', { replace: true, state: { signedOut: true } });
    },
  });
  const seesClients = hasRole('clinician', 'supervisor');

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Cairn home">
          <CairnMark />
          <span className="brand__name">Cairn</span>
        </NavLink>
        {practice && <span className="topbar__practice">{practice.name}</span>}
        <div className="topbar__user">
          <span className="topbar__who">
            {user.name}
            {user.credentials ? `, ${user.credentials}` : ''}
            <span className="topbar__roles">{user.roles.join(' · ')}</span>
          </span>
          <NavLink to="/account" className="button button--ghost button--small">
            Account
          </NavLink>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav className="sidenav" aria-label="Main">
          <ul>
            {NAV.filter((item) => item.roles.some((r) => user.roles.includes(r))).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={({ isActive }) => `sidenav__link${isActive ? ' is-active' : ''}`}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          {practice && !practice.mfaRequired && (
            <p className="notice notice--info notice--slim" data-testid="mfa-relaxed">
              The second factor is relaxed in this practice{/demo/i.test(practice.name) ? ' (demo data)' : ''}: staff
              can sign in with a password alone.
            </p>
          )}
          {seesClients && <CriticalAlertBanner />}
          {hasRole('admin') && <BreakGlassReviewBanner />}
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function CairnMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <ellipse cx="16" cy="26" rx="12" ry="4" fill="#0f766e" />
      <ellipse cx="16" cy="18" rx="9" ry="3.5" fill="#138a80" />
      <ellipse cx="16" cy="11" rx="6" ry="3" fill="#39a89c" />
      <ellipse cx="16" cy="5" rx="3.5" ry="2.2" fill="#75c3b9" />
    </svg>
  );
}
