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
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError, onUnauthorized } from '../api/api-client.js';
import { getMe, type Me } from '../api/auth-api.js';
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
        queryClient.removeQueries({ queryKey: ME_KEY });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
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
      <Outlet />
    </SessionProvider>
  );
}
