// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GoalTextField } from '../GoalTextField/GoalTextField.js';
import { SmartFeedbackPanel } from './SmartFeedbackPanel.js';

afterEach(cleanup);

const TODAY = '2026-11-27';
const PLAN = { plan: { startDate: TODAY, durationWeeks: 16 }, client: { latestScores: { gad7: 15 } } };

function Editor() {
  const [text, setText] = useState('');
  return <GoalTextField label="Goal" value={text} onChange={setText} today={TODAY} rewrite={PLAN} />;
}

function criterion(name: string): HTMLElement {
  const panel = screen.getByTestId('smart-panel');
  const item = panel.querySelector<HTMLElement>(`[data-criterion="${name}"]`);
  if (!item) throw new Error(`no criterion ${name}`);
  return item;
}

describe('SmartFeedbackPanel', () => {
  it('asks for text before there is any', () => {
    render(<SmartFeedbackPanel text="" today={TODAY} />);
    expect(screen.getByText('Start typing the goal to check it.')).toBeTruthy();
  });

  it('reacts to typing: a vague goal fails Specific, Measurable and Time-bound, with reasons and suggestions', () => {
    render(<Editor />);
    fireEvent.change(screen.getByLabelText('Goal'), { target: { value: 'Reduce anxiety' } });
    expect(criterion('Specific').className).toContain('criterion--unmet');
    expect(within(criterion('Specific')).getByText(/global state or trait/)).toBeTruthy();
    expect(criterion('Measurable').className).toContain('criterion--unmet');
    expect(criterion('Time-bound').className).toContain('criterion--unmet');
    expect(within(criterion('Achievable')).getByText('not judged')).toBeTruthy();
    expect(screen.getByText(/names a global state or trait/)).toBeTruthy();
    expect(screen.getByText(/Add when it is due/)).toBeTruthy();
  });

  it('turns criteria green as the goal becomes SMART, and shows the target it read', () => {
    render(<Editor />);
    const box = screen.getByLabelText('Goal');
    fireEvent.change(box, { target: { value: 'Reduce GAD-7 from 15 to 7 or below' } });
    expect(criterion('Measurable').className).toContain('criterion--met');
    expect(criterion('Time-bound').className).toContain('criterion--unmet');
    fireEvent.change(box, { target: { value: 'Reduce GAD-7 from 15 to 7 or below within 12 weeks' } });
    expect(criterion('Specific').className).toContain('criterion--met');
    expect(criterion('Time-bound').className).toContain('criterion--met');
    const parsed = screen.getByTestId('parsed-target');
    expect(parsed.textContent).toContain('GAD-7');
    expect(parsed.textContent).toContain('from 15');
    expect(parsed.textContent).toContain('to ≤ 7');
    expect(screen.getByText('within 12 weeks (due 19 Feb 2027)')).toBeTruthy();
    expect(screen.queryByText('SMART rewrites')).toBeNull();
  });

  it('offers SMART rewrites for a vague goal and puts the chosen one in the text box', () => {
    render(<Editor />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Goal');
    fireEvent.change(box, { target: { value: 'Reduce anxiety' } });
    const rewrites = screen.getAllByTestId('rewrite');
    expect(rewrites[0]?.textContent).toContain(
      'Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks',
    );
    fireEvent.click(within(rewrites[0] as HTMLElement).getByRole('button', { name: 'Use this wording' }));
    expect(box.value).toBe('Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks');
    expect(criterion('Specific').className).toContain('criterion--met');
    expect(criterion('Time-bound').className).toContain('criterion--met');
  });

  it('hands the parsed target to the caller for confirmation', () => {
    const confirmed: string[] = [];
    render(
      <SmartFeedbackPanel
        text="Lower PHQ-9 from 18 to 9 or below within 16 weeks"
        today={TODAY}
        onConfirmTarget={(target, deadline) => confirmed.push(`${target.measure} ${deadline?.dueDate}`)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use as the structured target' }));
    expect(confirmed).toEqual(['phq9 2027-03-19']);
  });
});
