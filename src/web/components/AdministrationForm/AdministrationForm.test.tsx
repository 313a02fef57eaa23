// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getMeasure } from '../../../measures/registry.js';
import { AdministrationForm, liveScore } from './AdministrationForm.js';

afterEach(cleanup);

const phq9 = getMeasure('phq9')!;

function itemGroup(number: number): HTMLElement {
  const group = document.querySelectorAll<HTMLElement>('fieldset')[number - 1];
  if (!group) throw new Error(`no item ${number}`);
  return group;
}

function firstRadio(number: number): HTMLElement {
  return itemGroup(number).querySelector('input') as HTMLElement;
}

function typeDigits(digits: string) {
  digits.split('').forEach((d, i) => {
    fireEvent.keyDown(firstRadio(i + 1), { key: d });
  });
}

describe('liveScore', () => {
  it('scores a complete PHQ-9 like the CLI does', () => {
    const live = liveScore(phq9, [3, 3, 2, 2, 2, 2, 2, 1, 1]);
    expect(live.kind === 'scored' && live.score.total).toBe(18);
  });

  it('says how many items are answered while the form cannot be scored yet', () => {
    expect(liveScore(phq9, [1, 1, null, null, null, null, null, null, null])).toMatchObject({
      kind: 'incomplete',
      answered: 2,
      total: 9,
    });
  });
});

describe('AdministrationForm', () => {
  it('scores live as digits are typed, each digit moving on to the next item', async () => {
    const saved: (number | null)[][] = [];
    render(<AdministrationForm measure={phq9} onSubmit={(answers) => saved.push([...answers])} />);
    expect(screen.getByTestId('live-score').textContent).toContain('0 of 9 answered');
    typeDigits('33222221');
    expect(screen.getByTestId('live-score').textContent).toContain('Total 19');
    expect(screen.getByTestId('live-score').textContent).toContain('prorated (item 9 missing)');
    await waitFor(() => expect(document.activeElement?.closest('fieldset')).toBe(itemGroup(9)));
    fireEvent.keyDown(firstRadio(9), { key: '0' });
    expect(screen.getByTestId('live-score').textContent).toContain('Total 17');
    expect(screen.getByTestId('live-score').textContent).toContain('moderately severe');
    fireEvent.click(screen.getByRole('button', { name: 'Record PHQ-9' }));
    expect(saved).toEqual([[3, 3, 2, 2, 2, 2, 2, 1, 0]]);
  });

  it('flags item 9 unmissably as soon as it is answered above 0', () => {
    render(<AdministrationForm measure={phq9} onSubmit={() => undefined} />);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(within(itemGroup(9)).getByLabelText('1 · Several days'));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Risk item answered');
    expect(alert.textContent).toContain('Item 9');
    expect(alert.textContent).toContain('Several days (1)');
    expect(alert.textContent).toContain('same-day suicide-risk assessment');
    fireEvent.click(within(itemGroup(9)).getByLabelText('0 · Not at all'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the risk item is the one left out of a prorated score', () => {
    render(<AdministrationForm measure={phq9} onSubmit={() => undefined} />);
    typeDigits('11111111');
    expect(screen.getByTestId('critical-missing').textContent).toContain('risk item (item 9) is unanswered');
  });

  it('cannot be recorded while too many items are missing, and Backspace clears an answer', () => {
    render(<AdministrationForm measure={phq9} onSubmit={() => undefined} />);
    typeDigits('1111111');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Record PHQ-9' }).disabled).toBe(false);
    fireEvent.keyDown(firstRadio(7), { key: 'Backspace' });
    expect(screen.getByTestId('live-score').textContent).toContain('6 of 9 answered');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Record PHQ-9' }).disabled).toBe(true);
  });
});
