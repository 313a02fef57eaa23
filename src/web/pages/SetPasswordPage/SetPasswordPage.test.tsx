// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SetPasswordPage } from './SetPasswordPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function renderAt(hash: string) {
  window.history.replaceState(null, '', `/set-password${hash}`);
  const router = createMemoryRouter(
    [
      { path: '/set-password', element: <SetPasswordPage /> },
      { path: '/sign-in', element: <p>sign-in page</p> },
    ],
    { initialEntries: ['/set-password'] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('SetPasswordPage', () => {
  it('reads the token from the fragment, clears it from the address bar and posts it with the password', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    renderAt('#token=abc_DEF-123');
    expect(window.location.hash).toBe('');
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a long enough password' } });
    fireEvent.change(screen.getByLabelText('Password again'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    await waitFor(() => expect(screen.getByText('sign-in page')).toBeTruthy());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/set-password');
    expect(JSON.parse(String(init.body))).toEqual({ token: 'abc_DEF-123', password: 'a long enough password' });
  });

  it('refuses a short password before asking the server, and explains a dead link', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code: 'invalid-link', message: 'This link is not valid any more.' } }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderAt('#token=used');
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('Password again'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(screen.getByRole('alert').textContent).toContain('at least 12 characters');
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a long enough password' } });
    fireEvent.change(screen.getByLabelText('Password again'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not valid any more'));
  });

  it('asks for the link when the page is opened without a token', () => {
    renderAt('');
    expect(screen.getByRole('alert').textContent).toContain('#token=');
  });
});
