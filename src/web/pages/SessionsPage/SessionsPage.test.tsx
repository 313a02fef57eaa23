// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/auth-api.js';
import type { Note, SessionDetail } from '../../api/sessions-api.js';
import { SessionProvider } from '../../session/session.js';
import { SessionsPage } from './SessionsPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const USER = '00000000-0000-4000-8000-000000000001';
const CLIENT = '00000000-0000-4000-8000-000000000009';
const SESSION = '00000000-0000-4000-8000-0000000000c1';

const me = (roles: Me['user']['roles']): Me => ({
  user: {
    id: USER,
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

const session: SessionDetail['session'] = {
  id: SESSION,
  clientId: CLIENT,
  clinicianId: USER,
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '14:50',
  serviceType: 'individual',
  modality: 'video',
  attendance: 'attended',
  billingCodes: [],
  revision: 1,
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:00:00.000Z',
};

const detail: SessionDetail = {
  session,
  note: null,
  noteFormat: 'dap',
  administrations: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      instrumentId: 'phq9',
      label: 'PHQ-9',
      total: 10,
      severity: 'moderate',
      administeredOn: '2026-11-20',
    },
  ],
  plan: {
    planId: '00000000-0000-4000-8000-0000000000b1',
    planVersion: 1,
    goals: [
      {
        id: 'g1',
        statement: 'Enjoy activities again',
        status: 'active',
        objectives: [
          {
            id: 'o1',
            statement: 'Three valued activities a week',
            interventions: [{ id: 'i1', name: 'Behavioural activation' }],
          },
        ],
      },
    ],
  },
};

function renderPage(roles: Me['user']['roles']) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  let note: Note | null = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ method, url, body });
      const json = (v: unknown) =>
        new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/note/draft')) {
        return json({
          format: 'dap',
          sections: [
            {
              name: 'data',
              text: 'Individual session by video.',
              sentences: [{ text: 'Individual session by video.', sources: [{ kind: 'session', sessionId: SESSION }] }],
            },
            { name: 'assessment', text: '', sentences: [] },
            { name: 'plan', text: '', sentences: [] },
          ],
        });
      }
      if (method === 'PUT') {
        note = {
          id: '00000000-0000-4000-8000-0000000000d1',
          sessionId: SESSION,
          clientId: CLIENT,
          planId: detail.plan?.planId ?? null,
          status: 'draft',
          revision: body.revision + 1,
          ...body,
          signature: null,
          addenda: [],
          createdAt: session.createdAt,
          updatedAt: session.createdAt,
        };
        return json(note);
      }
      if (url.endsWith(`/sessions/${SESSION}`)) return json({ ...detail, note });
      return json({ items: [{ session, note }] });
    }),
  );
  const router = createMemoryRouter(
    [
      {
        path: '/clients/:clientId/sessions',
        element: (
          <SessionProvider me={me(roles)}>
            <SessionsPage clientId={CLIENT} />
          </SessionProvider>
        ),
      },
    ],
    { initialEntries: [`/clients/${CLIENT}/sessions`] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return calls;
}

describe('SessionsPage', () => {
  it('writes a note beside the plan: ticks the goal, picks the intervention, fills from the draft and saves', async () => {
    const calls = renderPage(['clinician']);
    fireEvent.click(await screen.findByRole('button', { name: /Write note/ }));
    fireEvent.click(await screen.findByLabelText(/Three valued activities a week/));
    fireEvent.click(screen.getByLabelText(/Delivered: Behavioural activation/));
    fireEvent.click(screen.getByLabelText(/PHQ-9 10 \(moderate\)/));
    fireEvent.click(screen.getByRole('button', { name: /Fill empty sections/ }));
    await waitFor(() =>
      expect((screen.getByLabelText('Data') as HTMLTextAreaElement).value).toBe('Individual session by video.'),
    );
    expect((screen.getByRole('button', { name: 'Sign note' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Open note' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      revision: 0,
      sections: { kind: 'dap', data: 'Individual session by video.' },
      goalsAddressed: [{ goalId: 'g1', objectiveIds: ['o1'] }],
      interventions: [{ interventionId: 'i1', name: 'Behavioural activation' }],
      administrationIds: ['00000000-0000-4000-8000-0000000000e1'],
    });
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('offers no session form to an auditor', async () => {
    renderPage(['auditor']);
    await screen.findByRole('button', { name: /Write note/ });
    expect(screen.queryByRole('button', { name: 'Record session' })).toBeNull();
  });
});
