// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/auth-api.js';
import type { OutcomeRow, OutcomesReport } from '../../api/outcomes-api.js';
import { SessionProvider } from '../../session/session.js';
import { OutcomesPage } from './OutcomesPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me: Me = {
  user: {
    id: '00000000-0000-4000-8000-000000000009',
    email: 'sam@example.org',
    name: 'Sam',
    credentials: 'MSc',
    roles: ['supervisor'],
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

const rates = { reliableImprovement: null, reliableDeterioration: null, recovery: null, reliableRecovery: null };
const base = { reliableDeterioration: 0, atCaseness: 2, recovered: 1, reliablyRecovered: 1, rates };
const rows: OutcomeRow[] = [
  {
    ...base,
    clinicianId: 'u1',
    clinicianName: 'Robin',
    instrumentId: 'phq9',
    instrumentName: 'PHQ-9',
    period: '2026-Q4',
    clients: 4,
    reliableImprovement: 2,
  },
  {
    ...base,
    clinicianId: 'u2',
    clinicianName: 'Alex',
    instrumentId: 'gad7',
    instrumentName: 'GAD-7',
    period: '2026-Q4',
    clients: 2,
    reliableImprovement: 1,
  },
];

function serve(answer: (url: string) => Response) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return answer(url);
    }),
  );
  return urls;
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderPage(who: Me = me) {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionProvider me={who}>
        <OutcomesPage />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('OutcomesPage', () => {
  it('asks for the last twelve months by quarter, and filters by clinician and instrument', async () => {
    const urls = serve((url) => {
      const q = new URL(url, 'http://x').searchParams;
      const report: OutcomesReport = {
        from: q.get('from') ?? '',
        to: q.get('to') ?? '',
        period: 'quarter',
        clinicianId: null,
        rows,
      };
      return json(report);
    });
    renderPage();
    const table = await screen.findByRole('table', { name: 'Practice outcomes' });
    const first = new URL(urls[0] ?? '', 'http://x');
    expect(first.pathname).toBe('/api/v1/practice/outcomes');
    expect(first.searchParams.get('period')).toBe('quarter');
    expect(first.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header, two rows, totals

    fireEvent.change(screen.getByLabelText('Instrument'), { target: { value: 'gad7' } });
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('table').textContent).toContain('Alex');
    expect(screen.getByRole('table').textContent).not.toContain('Robin');

    fireEvent.change(screen.getByLabelText('Instrument'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Clinician'), { target: { value: 'u1' } });
    expect(screen.getByRole('table').textContent).toContain('Robin');
    expect(screen.getByRole('table').textContent).not.toContain('Alex');

    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'year' } });
    await waitFor(() => expect(urls.some((u) => u.includes('period=year'))).toBe(true));
  });

  it('says plainly when the role may not see outcomes', async () => {
    serve(() => json({ error: { code: 'forbidden', message: 'Forbidden.' } }, 403));
    renderPage({ ...me, user: { ...me.user, roles: ['admin'] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Practice outcomes are for clinicians, supervisors and auditors.',
    );
  });
});
