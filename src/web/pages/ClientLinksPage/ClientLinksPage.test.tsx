// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientLinksPage } from './ClientLinksPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CLIENT_ID = '00000000-0000-4000-8000-000000000009';
const URL_SHOWN = 'http://cairn.example.org/l#t=abc';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderPage(email: string | null) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  let consents: unknown[] = [];
  let links: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : null;
      calls.push({ method, url, body });
      if (url.endsWith('/consents') && method === 'GET') return json({ items: consents });
      if (url.endsWith('/consents')) {
        consents = [
          {
            id: 'c1',
            kind: 'contact',
            method: 'verbal',
            textVersion: null,
            ...body,
            recordedBy: 'user:u',
            recordedAt: 'x',
            withdrawnAt: null,
          },
        ];
        return json(consents[0], 201);
      }
      if (url.endsWith('/links') && method === 'GET') return json({ items: links });
      if (url.endsWith('/links')) {
        links = [
          {
            id: '00000000-0000-4000-8000-00000000000b',
            purpose: body.purpose,
            instruments: body.instruments ?? [],
            state: 'open',
            createdBy: 'user:u',
            createdAt: '2026-12-03T10:00:00Z',
            expiresAt: '2026-12-10T10:00:00Z',
            emailedAt: null,
            openedAt: null,
            usedAt: null,
            revokedAt: null,
          },
        ];
        return json({ url: URL_SHOWN, expiresAt: '2026-12-10T10:00:00Z' }, 201);
      }
      return json({ error: { code: 'not-found', message: 'No such route.' } }, 404);
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ClientLinksPage clientId={CLIENT_ID} clientEmail={email} />
    </QueryClientProvider>,
  );
  return calls;
}

describe('ClientLinksPage', () => {
  it('asks for the consent first, then creates a PHQ-9 link and shows its URL once, with the link in the list', async () => {
    const calls = renderPage(null);
    // First, no consent: only the consent form (no "Send a link" panel).
    fireEvent.click(await screen.findByRole('button', { name: 'Record consent' }));
    expect(await screen.findByRole('region', { name: 'Send a link' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ kind: 'contact', givenBy: 'client' });
    // Without an e-mail address the e-mail button is off.
    expect((screen.getByRole('button', { name: 'E-mail it to the client' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Create link to copy' }));
    await waitFor(() => expect((screen.getAllByDisplayValue(URL_SHOWN)[0] as HTMLInputElement).value).toBe(URL_SHOWN));
    expect(calls.filter((c) => c.method === 'POST')[1]?.body).toEqual({
      purpose: 'measures',
      instruments: ['phq9'],
      deliver: 'copy',
    });
    expect(await screen.findByRole('button', { name: 'Revoke' })).toBeTruthy();
  });
});
