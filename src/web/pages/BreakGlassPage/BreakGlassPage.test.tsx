// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BreakGlassPage } from './BreakGlassPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CLIENT_ID = '00000000-0000-4000-8000-000000000009';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderPage() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ method, url, body });
      if (url.endsWith('/break-glass/lookup')) return json({ id: CLIENT_ID, initials: 'M.R.' });
      if (url.endsWith(`/clients/${CLIENT_ID}/break-glass`)) {
        return json(
          { id: 'g1', clientId: CLIENT_ID, createdAt: '2026-12-03T10:00:00Z', expiresAt: '2026-12-03T11:00:00Z' },
          201,
        );
      }
      return json({ error: { code: 'not-found', message: 'No such route.' } }, 404);
    }),
  );
  const router = createMemoryRouter([{ path: '/break-glass', element: <BreakGlassPage /> }], {
    initialEntries: ['/break-glass'],
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return calls;
}

describe('BreakGlassPage', () => {
  it('finds the client by record number in a POST body, then asks for a reason of at least 20 characters', async () => {
    // First, the clinician types the record number; it travels in the body, never in the URL.
    const calls = renderPage();
    fireEvent.change(screen.getByLabelText(/record number/i), { target: { value: 'DEMO-002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the client' }));
    expect(await screen.findByText(/Client M\.R\./)).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: 'POST', body: { recordNumber: 'DEMO-002' } });
    expect(calls[0]?.url).not.toContain('DEMO-002');
    // Then the reason: too short keeps the button disabled; a real reason opens the client for a limited time.
    const submit = screen.getByRole('button', { name: 'Break the glass' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText(/reason/i), { target: { value: 'urgent' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/reason/i), {
      target: { value: 'Client called in crisis; primary clinician on leave.' },
    });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByText(/Emergency access granted until/)).toBeTruthy());
    expect(screen.getByRole('link', { name: 'Open the client' }).getAttribute('href')).toBe(`/clients/${CLIENT_ID}`);
    expect(calls[1]).toMatchObject({
      method: 'POST',
      body: { reason: 'Client called in crisis; primary clinician on leave.' },
    });
  });
});
