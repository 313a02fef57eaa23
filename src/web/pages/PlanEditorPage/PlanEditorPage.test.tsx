// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../../api/api-client.js';
import type { Me } from '../../api/auth-api.js';
import { clientKeys, type Plan } from '../../api/clients-api.js';
import { SessionProvider } from '../../session/session.js';
import type { ClientData } from '../ClientPage/use-client-data.js';
import { PlanEditorPage } from './PlanEditorPage.js';
import { newPlanDraft } from './plan-draft.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me: Me = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'robin@example.org',
    name: 'Robin',
    credentials: 'PhD',
    roles: ['clinician'],
    active: true,
    createdAt: '2026-11-01T00:00:00.000Z',
  },
  stage: 'complete',
  csrfToken: 'x',
  totpEnrolled: true,
  idleExpiresAt: '2026-11-27T12:00:00.000Z',
  expiresAt: '2026-11-27T20:00:00.000Z',
  practice: { name: 'Practice', timeZone: 'UTC', mfaRequired: true },
};

const plan: Plan = {
  ...newPlanDraft('00000000-0000-4000-8000-000000000002', '2026-11-01'),
  status: 'signed',
  goals: [
    {
      id: 'g1',
      position: 1,
      statement: 'Reduce PHQ-9 from 18 to 9 or below within 16 weeks',
      clientWords: 'I want to enjoy things again',
      formulationElementIds: [],
      targets: [],
      startDate: '2026-11-01',
      dueDate: '2027-02-21',
      status: 'active',
      endorsement: null,
      objectives: [
        {
          id: 'o1',
          position: 1,
          statement: 'Do more things',
          targets: [],
          dueDate: null,
          interventions: [
            {
              id: 'i1',
              libraryId: null,
              name: 'Behavioural activation',
              deliveredBy: 'clinician',
              frequency: 'weekly',
            },
          ],
        },
      ],
    },
  ],
};

function query<T>(data: T) {
  return { data, isPending: false, isError: false, error: null };
}

const diagnosis = {
  id: 'd1',
  code: 'F32.1',
  description: 'Major depressive disorder, single episode, moderate',
  primary: true,
};

const data = {
  record: query({ client: { id: plan.clientId }, assignments: [], diagnoses: [diagnosis] }),
  plan: query(plan),
  series: query({ clientId: plan.clientId, instruments: [], behaviors: [] }),
  formulation: query(null),
  latestScores: { phq9: 18 },
  behaviorBaselines: [],
} as unknown as ClientData;

/** The editor with the client's plan read through the API (a fake server below) and a data router around it. */
function Editor({ live }: { readonly live: boolean }) {
  const current = useQuery({
    queryKey: clientKeys.plan(plan.clientId),
    queryFn: () => apiRequest<Plan>('GET', `/clients/${plan.clientId}/plan`),
    initialData: plan,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <PlanEditorPage clientId={plan.clientId} data={live ? ({ ...data, plan: current } as ClientData) : data} />;
}

function renderEditor({ live = false, who = me }: { readonly live?: boolean; readonly who?: Me } = {}) {
  const router = createMemoryRouter(
    [
      {
        path: '/clients/:clientId/plan',
        element: (
          <SessionProvider me={who}>
            <Editor live={live} />
          </SessionProvider>
        ),
      },
      { path: '/clients/:clientId/versions', element: <p>versions page</p> },
    ],
    { initialEntries: [`/clients/${plan.clientId}/plan`] },
  );
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * A fake plan API: the current plan, a save that bumps the revision, and the sign answer given.
 */
function fakeServer(sign: (revision: number) => Response) {
  let current: Plan = plan;
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ method, url, body });
    if (method === 'GET' && url.endsWith('/plan')) return json(current);
    if (method === 'PUT' && url.endsWith('/plan/draft')) {
      current = {
        ...current,
        ...body,
        status: 'draft',
        version: current.status === 'draft' ? current.version : current.version + 1,
        revision: (body as { revision: number }).revision + 1,
        goals: current.goals.map((g, i) => ({ ...g, statement: body.goals[i].statement })),
      };
      return json(current);
    }
    if (method === 'POST' && url.endsWith('/plan/sign')) {
      const answer = sign((body as { revision: number }).revision);
      if (answer.ok) current = (await answer.clone().json()) as Plan;
      return answer;
    }
    return json({ error: { code: 'not-found', message: 'No such route.' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, current: () => current };
}

const signedBy = {
  userId: me.user.id,
  name: 'Robin',
  credentials: 'PhD',
  signedAt: '2026-11-27T10:00:00.000Z',
};

function editFirstGoal(text: string) {
  fireEvent.change(screen.getByLabelText("Goal 1, in the clinician's words"), { target: { value: text } });
}

describe('PlanEditorPage', () => {
  it('gives every goal and objective its own live SMART feedback', () => {
    renderEditor();
    const panels = screen.getAllByTestId('smart-panel');
    expect(panels).toHaveLength(2);
    expect(within(panels[0] as HTMLElement).getByText('Names the instrument PHQ-9')).toBeTruthy();
    const objective = panels[1] as HTMLElement;
    expect(objective.querySelector('[data-criterion="Measurable"]')?.className).toContain('criterion--unmet');
    fireEvent.change(screen.getByLabelText('Objective 1.1'), {
      target: { value: 'Schedule at least 3 walks per week within 4 weeks' },
    });
    expect(objective.querySelector('[data-criterion="Measurable"]')?.className).toContain('criterion--met');
  });

  it('says that a signed plan is edited as a draft of its next version', () => {
    renderEditor();
    expect(screen.getByTestId('plan-status').textContent).toContain('Version 1 is signed and cannot change');
  });

  it('runs the plan checks and updates them when a goal is added', async () => {
    renderEditor();
    const checks = screen.getByTestId('plan-checks');
    await waitFor(() => expect(checks.textContent).toContain('a plan usually needs two to four'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a goal' }));
    fireEvent.change(screen.getByLabelText("Goal 2, in the clinician's words"), { target: { value: 'Feel better' } });
    await waitFor(() => expect(checks.textContent).toContain('Goal 2'));
    expect(checks.textContent).not.toContain('a plan usually needs two to four');
  });

  it('starts a first plan from the goal library: the PHQ-9 goal drafted from the latest score, the diagnoses ticked', () => {
    const router = createMemoryRouter(
      [
        {
          path: '/clients/:clientId/plan',
          element: (
            <SessionProvider me={me}>
              <PlanEditorPage clientId={plan.clientId} data={{ ...data, plan: query(null) } as unknown as ClientData} />
            </SessionProvider>
          ),
        },
      ],
      { initialEntries: [`/clients/${plan.clientId}/plan`] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const library = screen.getByTestId('plan-library') as HTMLDetailsElement;
    expect(library.open).toBe(true);
    expect((screen.getByLabelText('Problem area') as HTMLSelectElement).value).toBe('depression');
    expect(screen.queryAllByTestId('plan-goal')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 goal and 2 objectives to the plan' }));
    const goals = screen.getAllByTestId('plan-goal');
    expect(goals).toHaveLength(1);
    expect((screen.getByLabelText("Goal 1, in the clinician's words") as HTMLTextAreaElement).value).toMatch(
      /^Reduce depression symptoms on the PHQ-9 from 18 to \d+ or below within 16 weeks$/,
    );
    expect(screen.getByTestId('plan-status').textContent).toContain('You have unsaved changes');
    const ticked = screen.getByRole('checkbox', { name: /F32\.1/ }) as HTMLInputElement;
    expect(ticked.checked).toBe(true);
  });

  it('fills the structured target from the text on confirmation', () => {
    renderEditor();
    fireEvent.click(screen.getAllByRole('button', { name: 'Use as the structured target' })[0] as HTMLElement);
    expect(screen.getAllByTestId('structured-target')[0]?.textContent).toBe('PHQ-9: from 18 to ≤ 9 by 21 Feb 2027');
  });

  it('saves the draft, shows its revision and asks before signing only once nothing is unsaved', async () => {
    const server = fakeServer((revision) => json({ ...plan, status: 'signed', version: 2, revision }));
    renderEditor({ live: true });
    const save = screen.getByRole('button', { name: 'Save draft' }) as HTMLButtonElement;
    const sign = screen.getByRole('button', { name: 'Sign plan' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(sign.disabled).toBe(true);
    editFirstGoal('Reduce PHQ-9 from 18 to 8 or below within 16 weeks');
    expect(screen.getByTestId('plan-status').textContent).toContain('You have unsaved changes');
    expect(screen.getByText('Save your changes before signing.')).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByTestId('plan-revision').textContent).toBe('revision 1'));
    const put = server.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({ revision: 0, goals: [{ statement: expect.stringContaining('8 or below') }] });
    expect(screen.getByTestId('plan-status').textContent).toContain('All changes saved');
    expect(save.disabled).toBe(true);
    await waitFor(() => expect(sign.disabled).toBe(false));
  });

  it('lists the findings the server gives when it refuses to sign', async () => {
    fakeServer(() =>
      json(
        {
          error: {
            code: 'plan-incomplete',
            message: 'The plan cannot be signed yet.',
            issues: [
              {
                code: 'payer-missing-discharge-criteria',
                severity: 'error',
                message: 'Discharge criteria are missing.',
                path: ['dischargeCriteria'],
              },
            ],
          },
        },
        409,
      ),
    );
    renderEditor({ live: true });
    editFirstGoal('Reduce PHQ-9 from 18 to 8 or below within 16 weeks');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const sign = screen.getByRole('button', { name: 'Sign plan' }) as HTMLButtonElement;
    await waitFor(() => expect(sign.disabled).toBe(false));
    fireEvent.click(sign);
    const blocking = await screen.findByTestId('sign-blocking');
    expect(blocking.textContent).toContain('discharge criteria: Discharge criteria are missing.');
    expect(screen.getByText(/The plan was not signed: 1 finding to fix first/)).toBeTruthy();
  });

  it('says plainly when the draft changed elsewhere, keeps the edits and offers to reload the latest', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({ error: { code: 'stale-revision', message: 'The draft was saved by someone else.' } }, 409),
      ),
    );
    renderEditor();
    editFirstGoal('My careful edit');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const alert = (await screen.findByText(/This plan changed since you opened it/)).closest('[role="alert"]');
    expect(alert?.textContent).toContain('nothing was saved');
    expect(screen.getByRole('button', { name: 'Reload the latest' })).toBeTruthy();
    expect((screen.getByLabelText("Goal 1, in the clinician's words") as HTMLTextAreaElement).value).toBe(
      'My careful edit',
    );
    expect(screen.getByTestId('plan-status').textContent).toContain('You have unsaved changes');
  });

  it('shows who signed and when with the short content hash, and offers a supervisor the co-signature', () => {
    const hash = 'ab12cd34'.repeat(8);
    const signedPlan: Plan = { ...plan, clinicianSignature: signedBy, contentHash: hash };
    const supervisor: Me = {
      ...me,
      user: { ...me.user, id: '00000000-0000-4000-8000-000000000009', roles: ['supervisor'] },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(signedPlan)),
    );
    const router = createMemoryRouter(
      [
        {
          path: '/',
          element: (
            <SessionProvider me={supervisor}>
              <PlanEditorPage
                clientId={plan.clientId}
                data={{ ...data, plan: query(signedPlan) } as unknown as ClientData}
              />
            </SessionProvider>
          ),
        },
      ],
      { initialEntries: ['/'] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const signatures = screen.getByTestId('plan-signatures');
    expect(signatures.textContent).toContain('Robin, PhD on 27 Nov 2026');
    expect(signatures.textContent).toContain('not yet');
    expect(within(signatures).getByText('ab12cd34').getAttribute('title')).toBe(hash);
    expect(screen.getByRole('button', { name: 'Co-sign version 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign plan' })).toBeNull();
  });

  it('asks before leaving the editor with unsaved changes, and stays when asked to', async () => {
    renderEditor();
    editFirstGoal('An edit not saved yet');
    fireEvent.click(screen.getByRole('link', { name: 'Versions and compare' }));
    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain('Leave without saving them?');
    expect(document.activeElement?.textContent).toBe('Stay and keep editing');
    fireEvent.click(within(question).getByRole('button', { name: 'Stay and keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((screen.getByLabelText("Goal 1, in the clinician's words") as HTMLTextAreaElement).value).toBe(
      'An edit not saved yet',
    );
    fireEvent.click(screen.getByRole('link', { name: 'Versions and compare' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    await screen.findByText('versions page');
  });

  it('warns the browser before the tab closes with unsaved changes', () => {
    renderEditor();
    const unsaved = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unsaved);
    expect(unsaved.defaultPrevented).toBe(false);
    editFirstGoal('An edit not saved yet');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });
});
