// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/auth-api.js';
import type { Formulation } from '../../api/clients-api.js';
import { SessionProvider } from '../../session/session.js';
import type { ClientData } from '../ClientPage/use-client-data.js';
import { FormulationPage } from './FormulationPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const clientId = '00000000-0000-4000-8000-000000000002';
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

const saved: Formulation = {
  id: '00000000-0000-4000-8000-0000000000f1',
  clientId,
  problemAreas: ['depression'],
  elements: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      kind: 'presenting-problem',
      text: 'Low mood',
      libraryKey: null,
    },
  ],
};

function dataWith(formulation: Formulation | null): ClientData {
  const query = <T,>(data: T) => ({ data, isPending: false, isError: false, error: null });
  return {
    record: query({ client: { firstName: 'Sam', preferredName: null } }),
    formulation: query(formulation),
  } as unknown as ClientData;
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake formulation API: PUT answers the body with ids given to new elements. */
function fakeServer() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  let n = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ method, url, body });
      if (method === 'PUT' && url.endsWith(`/clients/${clientId}/formulation`)) {
        const elements = (body as { elements: { id?: string }[] }).elements.map((e) => ({
          libraryKey: null,
          ...e,
          id: e.id ?? `00000000-0000-4000-8000-00000000010${n++}`,
        }));
        return json({ id: saved.id, clientId, problemAreas: body.problemAreas, elements });
      }
      return json({ error: { code: 'not-found', message: 'No such route.' } }, 404);
    }),
  );
  return calls;
}

function renderPage(formulation: Formulation | null = saved, who: Me = me) {
  const router = createMemoryRouter(
    [
      {
        path: '/clients/:clientId/formulation',
        element: (
          <SessionProvider me={who}>
            <FormulationPage clientId={clientId} data={dataWith(formulation)} />
          </SessionProvider>
        ),
      },
      { path: '/clients/:clientId/plan', element: <p>plan page</p> },
    ],
    { initialEntries: [`/clients/${clientId}/formulation`] },
  );
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const saveState = () => screen.getByTestId('formulation-save-state').textContent;

describe('FormulationPage', () => {
  it('adds an element of a kind, drafts the narrative from it and shows where each sentence came from', async () => {
    renderPage();
    expect(saveState()).toBe('All changes saved');
    expect(screen.getByRole('button', { name: 'Save formulation' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Add avoidance' }));
    const field = screen.getByLabelText('Avoidance 1');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Supermarkets and busy streets' } });
    expect(saveState()).toBe('Unsaved changes');

    const sentences = screen.getAllByTestId('narrative-sentence').map((s) => s.firstChild?.textContent);
    expect(sentences).toContain('Sam describes low mood.');
    expect(sentences).toContain('They avoid supermarkets and busy streets.');

    // Provenance: the sentence's note names its element, and focusing the sentence highlights the element's row.
    const sentence = screen.getByRole('button', { name: 'They avoid supermarkets and busy streets.' });
    const note = document.getElementById(sentence.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('From avoidance “Supermarkets and busy streets”.');
    fireEvent.focus(sentence);
    const row = field.closest('li');
    expect(row?.className).toContain('is-highlighted');
    const other = screen.getByLabelText('Presenting problem 1').closest('li');
    expect(other?.className).not.toContain('is-highlighted');
    fireEvent.blur(sentence);
    expect(row?.className).not.toContain('is-highlighted');
  });

  it('picks a maintaining factor from the problem area list and saves the whole formulation, keeping ids', async () => {
    const calls = fakeServer();
    renderPage();
    const list = screen.getByRole('region', { name: 'Common maintaining factors: Depression' });
    const factors = within(list).getAllByTestId('maintaining-factor');
    expect(factors.map((f) => f.querySelector('strong')?.textContent)).toEqual([
      'Withdrawal and inactivity',
      expect.any(String),
      expect.any(String),
    ]);
    expect(factors[0]?.textContent).toContain('Addressed by:');
    fireEvent.change(within(list).getByLabelText('Record “Withdrawal and inactivity” as'), {
      target: { value: 'behaviour' },
    });
    fireEvent.click(within(list).getByRole('button', { name: 'Add “Withdrawal and inactivity”' }));
    expect((screen.getByLabelText('Behaviour 1') as HTMLTextAreaElement).value).toBe('Withdrawal and inactivity');
    expect(within(list).getByText('In the formulation')).toBeTruthy();

    // Adding a second problem area brings its list.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Panic disorder and agoraphobia' }));
    expect(
      screen.getByRole('region', { name: 'Common maintaining factors: Panic disorder and agoraphobia' }),
    ).toBeTruthy();

    // A blank element is not sent.
    fireEvent.click(screen.getByRole('button', { name: 'Add value' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save formulation' }));
    await waitFor(() => expect(saveState()).toBe('All changes saved'));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe(`/api/v1/clients/${clientId}/formulation`);
    expect(put?.body).toEqual({
      problemAreas: ['depression', 'panic'],
      elements: [
        { id: '00000000-0000-4000-8000-0000000000e1', kind: 'presenting-problem', text: 'Low mood', libraryKey: null },
        { kind: 'behaviour', text: 'Withdrawal and inactivity', libraryKey: 'depression.withdrawal' },
      ],
    });
    expect(screen.getByText('Formulation saved.')).toBeTruthy();

    // The next save sends the id the server gave the new element.
    fireEvent.change(screen.getByLabelText('Behaviour 1'), { target: { value: 'Stays in bed until noon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save formulation' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const second = calls.filter((c) => c.method === 'PUT')[1]?.body as { elements: { id?: string }[] };
    expect(second.elements[1]?.id).toBe('00000000-0000-4000-8000-000000000100');
  });

  it('asks before leaving with unsaved changes and warns the browser', async () => {
    const router = createMemoryRouter(
      [
        {
          path: '/clients/:clientId/formulation',
          element: (
            <SessionProvider me={me}>
              <FormulationPage clientId={clientId} data={dataWith(null)} />
            </SessionProvider>
          ),
        },
        { path: '/clients/:clientId/plan', element: <p>plan page</p> },
      ],
      { initialEntries: [`/clients/${clientId}/formulation`] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(saveState()).toBe('No formulation saved yet');
    expect(screen.getByText(/the narrative is drafted here/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add core belief' }));
    fireEvent.change(screen.getByLabelText('Core belief 1'), { target: { value: "I'm a failure" } });
    expect(screen.getByRole('button', { name: "Sam holds the core belief “I'm a failure”." })).toBeTruthy();

    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    void router.navigate(`/clients/${clientId}/plan`);
    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain('Leave without saving them?');
    fireEvent.click(within(question).getByRole('button', { name: 'Leave without saving' }));
    await screen.findByText('plan page');
  });

  it('lets an auditor read without editing', () => {
    renderPage(saved, { ...me, user: { ...me.user, roles: ['auditor'] } });
    expect(screen.queryByRole('button', { name: 'Save formulation' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add / })).toBeNull();
    expect((screen.getByLabelText('Presenting problem 1') as HTMLTextAreaElement).readOnly).toBe(true);
  });
});
