// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/auth-api.js';
import type { PlanComparison, PlanVersionSummary } from '../../api/plans-api.js';
import { SessionProvider } from '../../session/session.js';
import { PlanVersionsPage } from './PlanVersionsPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const signature = (name: string) => ({ userId: 'u1', name, credentials: 'PhD', signedAt: '2026-11-27T10:00:00.000Z' });
const version = (n: number, status: PlanVersionSummary['status']): PlanVersionSummary => ({
  id: `v${n}`,
  version: n,
  revision: 2,
  status,
  previousVersionId: n > 1 ? `v${n - 1}` : null,
  establishedDate: '2026-11-01',
  clinicianSignature: status === 'draft' ? null : signature('Robin Demo'),
  supervisorSignature: n === 1 ? signature('Lee Supervisor') : null,
  contentHash: status === 'draft' ? null : `${n}`.repeat(64),
  goalCount: 3,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
});
const versions = [version(3, 'draft'), version(2, 'signed'), version(1, 'superseded')];

function comparison(from: string, to: string): PlanComparison {
  const ref = (id: string) => {
    const v = versions.find((x) => x.id === id) ?? versions[0]!;
    return { id, version: v.version, status: v.status, contentHash: v.contentHash };
  };
  return {
    from: ref(from),
    to: ref(to),
    fields: [{ field: 'sessionMinutes', from: 50, to: 45 }],
    goals: [
      {
        lineageId: 'g1',
        change: 'changed',
        fromPosition: 1,
        toPosition: 1,
        statement: { from: 'Reduce PHQ-9 to 9', to: 'Reduce PHQ-9 to 8' },
        fields: [{ field: 'statement', from: 'Reduce PHQ-9 to 9', to: 'Reduce PHQ-9 to 8' }],
        objectives: [],
      },
      {
        lineageId: 'g2',
        change: 'added',
        fromPosition: null,
        toPosition: 2,
        statement: { from: null, to: 'Walk three times a week' },
        fields: [],
        objectives: [],
      },
      {
        lineageId: 'g3',
        change: 'unchanged',
        fromPosition: 2,
        toPosition: 3,
        statement: { from: 'Sleep', to: 'Sleep' },
        fields: [],
        objectives: [],
      },
    ],
    summary: { fieldsChanged: 1, goalsAdded: 1, goalsRemoved: 0, goalsChanged: 1 },
  };
}

function person(roles: Me['user']['roles']): Me {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000009',
      email: 'lee@example.org',
      name: 'Lee',
      credentials: 'PsyD',
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
  };
}

function renderPage(me: Me = person(['clinician'])) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const u = new URL(url, 'http://localhost');
    const body = u.pathname.endsWith('/cosign')
      ? { ...version(2, 'signed'), supervisorSignature: signature('Lee'), body: init?.body }
      : u.pathname.endsWith('/plans/compare')
        ? comparison(u.searchParams.get('from') ?? '', u.searchParams.get('to') ?? '')
        : { items: versions };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionProvider me={me}>
        <PlanVersionsPage clientId="c1" />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return fetchMock;
}

describe('PlanVersionsPage', () => {
  it('lists every version with its status, signatures, short hash and goal count', async () => {
    renderPage();
    const rows = await screen.findAllByTestId('plan-version-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('3 (revision 2)');
    expect(rows[1]?.textContent).toContain('Robin Demo, 27 Nov 2026');
    expect(rows[1]?.textContent).toContain('not yet');
    expect(rows[2]?.textContent).toContain('Lee Supervisor');
    expect(
      within(rows[1] as HTMLElement)
        .getByText('22222222')
        .getAttribute('title'),
    ).toBe('2'.repeat(64));
  });

  it('compares the latest two by default and shows the fields and goals that changed', async () => {
    const fetchMock = renderPage();
    const view = await screen.findByTestId('plan-comparison');
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain('/api/v1/clients/c1/plans/compare?from=v2&to=v3');
    expect(view.textContent).toContain('Version 2 (signed) → version 3 (draft)');
    expect(view.textContent).toContain('Session minutes5045');
    const goals = screen.getAllByTestId('compared-goal');
    expect(goals.map((g) => g.getAttribute('data-change'))).toEqual(['changed', 'added']);
    expect(goals[0]?.textContent).toContain('Reduce PHQ-9 to 9');
    expect(goals[0]?.textContent).toContain('Reduce PHQ-9 to 8');
    expect(goals[1]?.textContent).toContain('Walk three times a week');
    expect(view.textContent).toContain('1 goal unchanged.');
  });

  it('compares any two versions the user picks', async () => {
    const fetchMock = renderPage();
    await screen.findByTestId('plan-comparison');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: 'v1' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: 'v2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(screen.getByTestId('plan-comparison').textContent).toContain('Version 1 (superseded)'));
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain('/api/v1/clients/c1/plans/compare?from=v1&to=v2');
  });

  it('offers a supervisor the co-signature of the signed version only, and sends its content hash', async () => {
    renderPage();
    await screen.findAllByTestId('plan-version-row');
    expect(screen.queryByRole('button', { name: /Co-sign/ })).toBeNull();
    cleanup();
    const fetchMock = renderPage(person(['supervisor']));
    const button = await screen.findByRole('button', { name: 'Co-sign version 2' });
    expect(screen.getAllByRole('button', { name: /Co-sign/ })).toHaveLength(1);
    fireEvent.click(button);
    await screen.findByText('Co-signed version 2.');
    const call = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/plans/v2/cosign'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ contentHash: '2'.repeat(64) });
  });
});
