/**
 * The signed-in session as the pages see it. `RequireSession` guards every page behind sign-in: it loads
 * `GET /me`, sends the browser to the sign-in page when there is no complete session (including a session that
 * still needs its second factor), and gives the pages the user and the practice through `useSession()`. When any
 * request answers 401 (idle logout, session ended) the session is dropped at once.
 *
 * @example
 * <Route element={<RequireSession />}>…</Route>
 * const { user, practice, today } = useSession();
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError, lastApiActivity, onUnauthorized } from '../api/api-client.js';
import { getMe, logout, type Me } from '../api/auth-api.js';
import { todayInZone } from '../lib/today-in-zone.js';

/** The query key of `GET /me`. */
export const ME_KEY = ['me'] as const;

/**
 * What every signed-in page can read.
 *
 * @example
 * const session: Session = { me, user: me.user, practice: me.practice, today: '2026-11-27', hasRole: (r) => … };
 */
export interface Session {
  readonly me: Me;
  readonly user: Me['user'];
  readonly practice: Me['practice'];
  /** Today in the practice time zone (YYYY-MM-DD). */
  readonly today: string;
  readonly hasRole: (...roles: readonly Me['user']['roles'][number][]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The current session. Only inside `RequireSession`.
 *
 * @example
 * const { user } = useSession();
 */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

/**
 * `GET /me` as a query: `data` when there is a session (complete or not), an ApiError 401 when there is none.
 *
 * @example
 * const me = useMe(); if (me.data?.stage === 'totp-required') …
 */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: getMe, retry: false, staleTime: 60_000 });
}

/**
 * Provides a session built from `me` (used by RequireSession, and by tests).
 *
 * @example
 * <SessionProvider me={me}><Page /></SessionProvider>
 */
export function SessionProvider({ me, children }: { readonly me: Me; readonly children: ReactNode }) {
  const session = useMemo<Session>(
    () => ({
      me,
      user: me.user,
      practice: me.practice,
      today: todayInZone(me.practice?.timeZone),
      hasRole: (...roles) => roles.some((r) => me.user.roles.includes(r)),
    }),
    [me],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/**
 * The guard of every signed-in page.
 *
 * @example
 * { element: <RequireSession />, children: [...] }
 */
export function RequireSession() {
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useMe();

  useEffect(
    () =>
      onUnauthorized(() => {
        // The session ended (idle logout, sign-out elsewhere, deactivation): nothing read under it stays in memory,
        // and the session check runs again at once, which sends the browser to the sign-in page.
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        void queryClient.resetQueries({ queryKey: ME_KEY });
      }),
    [queryClient],
  );

  if (me.isPending) return <p className="page-loading">Loading…</p>;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/sign-in" replace state={{ from: location.pathname, ended: me.error.message }} />;
    }
    return (
      <div className="page page--narrow">
        <p className="notice notice--error" role="alert">
          {me.error.message}
        </p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (me.data.stage !== 'complete') return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <SessionProvider me={me.data}>
      <IdleWarning idleMinutes={me.data.idleMinutes ?? 15} />
      <Outlet />
    </SessionProvider>
  );
}

/**
 * Seconds left before the idle logout, counted from the tab's last answered request. The server writes a session's
 * activity back at most every quarter of the timeout (at most once a minute), so the count keeps that much in hand,
 * and the tab signs out itself when the count runs out.
 *
 * @example
 * idleSecondsLeft(15, lastApiActivity(), Date.now()) // 840 right after a request
 */
export function idleSecondsLeft(idleMinutes: number, lastActivity: number, now: number): number {
  const idleMs = idleMinutes * 60_000;
  return Math.floor((lastActivity + idleMs - Math.min(60_000, idleMs / 4) - now) / 1000);
}

/**
 * How long before the idle logout the warning shows: a minute (half the timeout when that is shorter).
 *
 * @example
 * idleWarningSeconds(15) // 60
 */
export function idleWarningSeconds(idleMinutes: number): number {
  return Math.min(60, (idleMinutes * 60) / 2);
}

/** The idle-logout warning (DESIGN 2.8 automatic logoff; issue 6: it warns a minute before). */
function IdleWarning({ idleMinutes }: { readonly idleMinutes: number }) {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = idleSecondsLeft(idleMinutes, lastApiActivity(), now);
  useEffect(() => {
    if (left <= 0) {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      void logout()
        .catch(() => undefined)
        .finally(() => void queryClient.resetQueries({ queryKey: ME_KEY }));
    }
  }, [left, queryClient]);
  if (left > idleWarningSeconds(idleMinutes) || left <= 0) return null;
  return (
    <div className="critical-banner idle-warning" role="alertdialog" aria-live="assertive" aria-label="Idle sign-out">
      <p>
        <strong>You will be signed out in {left} seconds</strong> because nothing was saved or loaded for a while.
        Unsaved changes in this tab would be lost.
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void queryClient.refetchQueries({ queryKey: ME_KEY })}
      >
        Stay signed in
      </button>
    </div>
  );
}
