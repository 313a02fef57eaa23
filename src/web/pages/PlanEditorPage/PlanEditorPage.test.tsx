// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me } from '../../api/auth-api.js';
import type { Plan } from '../../api/clients-api.js';
import { SessionProvider } from '../../session/session.js';
import type { ClientData } from '../ClientPage/use-client-data.js';
import { PlanEditorPage } from './PlanEditorPage.js';
import { newPlanDraft } from './plan-draft.js';

afterEach(cleanup);

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

const data = {
  plan: query(plan),
  series: query({ clientId: plan.clientId, instruments: [], behaviors: [] }),
  formulation: query(null),
  latestScores: { phq9: 18 },
  behaviorBaselines: [],
} as unknown as ClientData;

function renderEditor() {
  return render(
    <SessionProvider me={me}>
      <PlanEditorPage clientId={plan.clientId} data={data} />
    </SessionProvider>,
  );
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
    expect(screen.getByRole('status').textContent).toContain('Version 1 is signed and cannot change');
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

  it('fills the structured target from the text on confirmation', () => {
    renderEditor();
    fireEvent.click(screen.getAllByRole('button', { name: 'Use as the structured target' })[0] as HTMLElement);
    expect(screen.getAllByTestId('structured-target')[0]?.textContent).toBe('PHQ-9: from 18 to ≤ 9 by 21 Feb 2027');
  });
});
