/**
 * The page map. Signed-in pages sit under `RequireSession` and the shell; pages load lazily so the first paint
 * carries only React, the router, React Query and the shell (the instrument data and the chart library come with the
 * pages that need them).
 *
 * @example
 * <RouterProvider router={createAppRouter()} />
 */
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell/AppShell.js';
import { RouteError } from './components/RouteError/RouteError.js';
import { NotFoundPage } from './pages/NotFoundPage/NotFoundPage.js';
import { SetPasswordPage } from './pages/SetPasswordPage/SetPasswordPage.js';
import { SetupPage } from './pages/SetupPage/SetupPage.js';
import { SignInPage } from './pages/SignInPage/SignInPage.js';
import { RequireSession, useSession } from './session/session.js';

function Home() {
  const { hasRole } = useSession();
  if (hasRole('clinician', 'supervisor', 'auditor')) return <Navigate to="/caseload" replace />;
  if (hasRole('admin')) return <Navigate to="/users" replace />;
  return <Navigate to="/goal-check" replace />;
}

/**
 * The route table (exported for tests, which mount it in a memory router).
 *
 * @example
 * createMemoryRouter(appRoutes, { initialEntries: ['/sign-in'] })
 */
export const appRoutes: RouteObject[] = [
  { path: '/setup', element: <SetupPage />, errorElement: <RouteError /> },
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/set-password', element: <SetPasswordPage />, errorElement: <RouteError /> },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppShell />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Home /> },
          {
            path: 'caseload',
            lazy: () => import('./pages/CaseloadPage/CaseloadPage.js').then((m) => ({ Component: m.CaseloadPage })),
          },
          {
            path: 'clients/:clientId/*',
            lazy: () => import('./pages/ClientPage/ClientPage.js').then((m) => ({ Component: m.ClientPage })),
          },
          {
            path: 'alerts',
            lazy: () => import('./pages/AlertsPage/AlertsPage.js').then((m) => ({ Component: m.AlertsPage })),
          },
          {
            path: 'reviews/due',
            lazy: () =>
              import('./pages/ReviewsDuePage/ReviewsDuePage.js').then((m) => ({ Component: m.ReviewsDuePage })),
          },
          {
            path: 'goal-check',
            lazy: () => import('./pages/GoalCheckPage/GoalCheckPage.js').then((m) => ({ Component: m.GoalCheckPage })),
          },
          {
            path: 'outcomes',
            lazy: () => import('./pages/OutcomesPage/OutcomesPage.js').then((m) => ({ Component: m.OutcomesPage })),
          },
          {
            path: 'audit',
            lazy: () => import('./pages/AuditPage/AuditPage.js').then((m) => ({ Component: m.AuditPage })),
          },
          {
            path: 'break-glass',
            lazy: () =>
              import('./pages/BreakGlassPage/BreakGlassPage.js').then((m) => ({ Component: m.BreakGlassPage })),
          },
          {
            path: 'break-glass/review',
            lazy: () =>
              import('./pages/BreakGlassReviewPage/BreakGlassReviewPage.js').then((m) => ({
                Component: m.BreakGlassReviewPage,
              })),
          },
          {
            path: 'users',
            lazy: () => import('./pages/UsersPage/UsersPage.js').then((m) => ({ Component: m.UsersPage })),
          },
          {
            path: 'settings',
            lazy: () => import('./pages/SettingsPage/SettingsPage.js').then((m) => ({ Component: m.SettingsPage })),
          },
          {
            path: 'account',
            lazy: () => import('./pages/AccountPage/AccountPage.js').then((m) => ({ Component: m.AccountPage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * The browser router of the app.
 *
 * @example
 * const router = createAppRouter();
 */
export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
