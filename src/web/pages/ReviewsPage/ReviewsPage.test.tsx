// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/auth-api.js';
import type { ClientReviews, Review } from '../../api/reviews-api.js';
import { SessionProvider } from '../../session/session.js';
import { ReviewsPage } from './ReviewsPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = (roles: Me['user']['roles']): Me => ({
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'robin@example.org',
    name: 'Robin',
    credentials: 'PhD',
    roles,
    active: true,
    createdAt: '2026-11-01T00:00:00.000Z',
  },
  stage: 'complete',
  csrfToken: 'x',
  totpEnrolled: true,
  idleExpiresAt: '2026-11-27T12:00:00.000Z',
  expiresAt: '2026-11-27T20:00:00.000Z',
  practice: { name: 'Practice', timeZone: 'UTC', mfaRequired: true },
});

const CLIENT = '00000000-0000-4000-8000-000000000009';

const draft: Review = {
  id: '00000000-0000-4000-8000-0000000000a1',
  clientId: CLIENT,
  planId: '00000000-0000-4000-8000-0000000000b1',
  planVersion: 1,
  status: 'draft',
  revision: 1,
  reviewDate: '2026-11-26',
  nextReviewDate: '2027-02-24',
  summary: '',
  goals: [
    {
      goalId: 'g1',
      lineageId: 'g1',
      statement: 'Reduce PHQ-9 from 18 to 9 or below',
      statusAtReview: 'active',
      progress: 'on-track',
      targets: [
        {
          targetId: 't1',
          measureKey: 'instrument:phq9',
          label: 'phq9',
          fromSource: 'baseline',
          from: 18,
          fromDate: null,
          to: 11,
          toDate: '2026-11-20',
          change: -7,
          reliableChange: 'improvement',
          status: 'on-track',
        },
      ],
      objectives: [
        { objectiveId: 'o1', statement: 'Plan activities', progress: 'met', interventions: ['Behavioural activation'] },
      ],
      tasks: [],
      outcome: null,
      decision: null,
      note: '',
    },
  ],
  signature: null,
  createdAt: '2026-11-26T12:00:00.000Z',
  updatedAt: '2026-11-26T12:00:00.000Z',
};

function renderPage(roles: Me['user']['roles'], reviews: ClientReviews) {
  let current = reviews;
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ method, url, body });
      const json = (v: unknown) =>
        new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      if (method === 'PUT') {
        const saved = { ...draft, ...body, revision: 2, goals: draft.goals.map((g) => ({ ...g, ...body.goals[0] })) };
        current = { ...current, items: [saved] };
        return json(saved);
      }
      return json(current);
    }),
  );
  const router = createMemoryRouter(
    [
      {
        path: '/clients/:clientId/reviews',
        element: (
          <SessionProvider me={me(roles)}>
            <ReviewsPage clientId={CLIENT} />
          </SessionProvider>
        ),
      },
    ],
    { initialEntries: [`/clients/${CLIENT}/reviews`] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return calls;
}

const schedule = { planId: draft.planId, planVersion: 1, dueDate: '2026-12-30', state: 'due' as const, days: 34 };

describe('ReviewsPage', () => {
  it('shows the due date and the drafted score change, and signs only once every goal is decided and saved', async () => {
    const calls = renderPage(['clinician'], { today: '2026-11-26', schedule, tasks: [], items: [draft] });
    expect((await screen.findByTestId('review-due')).textContent).toMatch(/due in 34 days/);
    const goal = screen.getByTestId('review-goal');
    expect(within(goal).getByText('−7')).toBeTruthy();
    expect(within(goal).getByText('reliable improvement')).toBeTruthy();
    const sign = screen.getByRole('button', { name: 'Sign review' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    fireEvent.change(within(goal).getByLabelText('Outcome'), { target: { value: 'met' } });
    fireEvent.change(within(goal).getByLabelText('Decision'), { target: { value: 'continue' } });
    expect(screen.getByText('Save your changes first.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({ revision: 1, goals: [{ goalId: 'g1', outcome: 'met', decision: 'continue' }] });
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Sign review' }) as HTMLButtonElement).disabled).toBe(false),
    );
  });

  it('offers an auditor no start, save or sign', async () => {
    renderPage(['auditor'], { today: '2026-11-26', schedule, tasks: [], items: [draft] });
    await screen.findByTestId('review-due');
    expect(screen.queryByRole('button', { name: 'Sign review' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
  });

  it('offers to start a review when none is open', async () => {
    renderPage(['clinician'], { today: '2026-11-26', schedule, tasks: [], items: [] });
    expect(await screen.findByRole('button', { name: 'Start review' })).toBeTruthy();
  });
});
