/**
 * Administering an instrument in session (DESIGN 2.3): one row per scored item, fast keyboard entry (a digit picks
 * that answer and moves to the next item; Backspace clears), live scoring with the domain's engine (the same code the
 * server runs), and the critical-item flag (PHQ-9 item 9 > 0) shown at once, unmissably, before anything is saved.
 *
 * @example
 * <AdministrationForm measure={getMeasure('phq9')!} onSubmit={(answers) => save(answers)} />
 */
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import type { MeasureDefinition, MeasureItem } from '../../../domain/scoring/measure-definition.js';
import { type MeasureScore, scoreMeasure } from '../../../domain/scoring/score-measure.js';
import type { Issue } from '../../../domain/shared/issue.js';

export interface AdministrationFormProps {
  readonly measure: MeasureDefinition;
  /** Called with one answer per scored item (null = missing) and the live score. */
  readonly onSubmit?: (answers: readonly (number | null)[], score: MeasureScore) => void;
  /** True while the answers are being saved. */
  readonly submitting?: boolean;
  /** A message from the server after a failed save. */
  readonly error?: string | null;
  readonly submitLabel?: string;
}

/**
 * The live state of a partly filled form: the score when it can be scored, else why not.
 *
 * @example
 * const live: LiveScore = { kind: 'incomplete', answered: 3, total: 9, issues: [] };
 */
export type LiveScore =
  | { readonly kind: 'scored'; readonly score: MeasureScore }
  | {
      readonly kind: 'incomplete';
      readonly answered: number;
      readonly total: number;
      readonly issues: readonly Issue[];
    };

/**
 * Scores the answers so far: a score once the instrument's missing-item rule allows it, else how many are answered.
 *
 * @example
 * liveScore(getMeasure('phq9')!, [3, 3, 2, 2, 2, 2, 2, 1, 1]) // { kind: 'scored', score: { total: 18, … } }
 */
export function liveScore(measure: MeasureDefinition, answers: readonly (number | null)[]): LiveScore {
  const outcome = scoreMeasure(measure, answers);
  if (outcome.kind === 'scored') return { kind: 'scored', score: outcome.result };
  return {
    kind: 'incomplete',
    answered: answers.filter((a) => a !== null).length,
    total: measure.items.length,
    issues: outcome.issues,
  };
}

function itemHeading(item: MeasureItem): string {
  if (item.text) return item.text;
  if (item.label) return `Item ${item.number} (${item.label})`;
  return `Item ${item.number}`;
}

function optionLabel(value: number, label: string | null): string {
  return label ? `${value} · ${label}` : String(value);
}

/**
 * The administration form.
 *
 * @example
 * <AdministrationForm measure={phq9} onSubmit={save} submitting={saving} />
 */
export function AdministrationForm(props: AdministrationFormProps) {
  const { measure, onSubmit, submitting = false, error = null, submitLabel } = props;
  const formId = useId();
  const [answers, setAnswers] = useState<(number | null)[]>(() => measure.items.map(() => null));
  const groups = useRef<(HTMLFieldSetElement | null)[]>([]);
  const submitRef = useRef<HTMLButtonElement | null>(null);

  const live = useMemo(() => liveScore(measure, answers), [measure, answers]);
  const flags = live.kind === 'scored' ? live.score.flags : [];
  // A critical item answered at or above its threshold is flagged at once, even before the form can be scored.
  const criticalAnswered = measure.criticalItems.filter((c) => {
    const answer = answers[c.item - 1];
    return answer !== null && answer !== undefined && answer >= c.minValue;
  });
  const criticalMissing = flags.filter((f) => f.code === 'critical-item-missing');

  const setAnswer = (index: number, value: number | null) => {
    setAnswers((current) => current.map((a, i) => (i === index ? value : a)));
  };

  const focusItem = (index: number) => {
    const group = groups.current[index];
    if (!group) {
      submitRef.current?.focus();
      return;
    }
    const target =
      group.querySelector<HTMLInputElement>('input:checked') ?? group.querySelector<HTMLInputElement>('input');
    target?.focus();
  };

  const onKeyDown = (index: number, item: MeasureItem) => (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (/^[0-9]$/.test(event.key)) {
      const value = Number(event.key);
      if (item.options.some((o) => o.value === value)) {
        event.preventDefault();
        setAnswer(index, value);
        // Focus moves after React has rendered the checked state.
        requestAnimationFrame(() => focusItem(index + 1));
      }
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      setAnswer(index, null);
      if (event.key === 'Backspace' && index > 0) requestAnimationFrame(() => focusItem(index - 1));
    }
  };

  const canSubmit = live.kind === 'scored' && !submitting && onSubmit !== undefined;

  return (
    <form
      className="administration"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (live.kind === 'scored' && onSubmit) onSubmit(answers, live.score);
      }}
    >
      <header className="administration__header">
        <h3 id={`${formId}-title`}>
          {measure.shortName} <span className="muted">{measure.name}</span>
        </h3>
        {measure.instructions && <p className="administration__instructions">{measure.instructions}</p>}
        <p className="field__hint">
          Keyboard: type the answer's number to choose it and move to the next item; Backspace clears.
          {measure.content === 'score-only' && ' Item wording is not reproduced for this instrument (licence).'}
        </p>
        {measure.licence.requiredNotice && <p className="field__hint">{measure.licence.requiredNotice}</p>}
      </header>

      {criticalAnswered.length > 0 && (
        <div className="critical-banner" role="alert" data-testid="critical-flag">
          <strong className="critical-banner__title">Risk item answered</strong>
          {criticalAnswered.map((c) => {
            const item = measure.items[c.item - 1];
            const value = answers[c.item - 1];
            const option = item?.options.find((o) => o.value === value);
            return (
              <p key={c.item}>
                Item {c.item}
                {item?.text ? ` (“${item.text}”)` : ''}: {option?.label ? `${option.label} (${value})` : value}.{' '}
                {c.action}
              </p>
            );
          })}
          <p>Saving this administration opens a risk alert that stays open until you record what was done.</p>
        </div>
      )}

      <ol className="items">
        {measure.items.map((item, index) => {
          const critical = measure.criticalItems.find((c) => c.item === item.number);
          const flagged = criticalAnswered.some((c) => c.item === item.number);
          return (
            <li key={item.number} className={`item${flagged ? ' item--critical' : ''}`}>
              <fieldset
                ref={(el) => {
                  groups.current[index] = el;
                }}
                className="item__group"
                onKeyDown={onKeyDown(index, item)}
              >
                <legend className="item__legend">
                  <span className="item__number">{item.number}.</span> {itemHeading(item)}
                  {critical && <span className="item__critical-note"> (risk item)</span>}
                  {item.omittedWhen && <span className="muted"> — may be left out {item.omittedWhen}</span>}
                </legend>
                <div className="item__options">
                  {item.options.map((option) => (
                    <label key={option.value} className="option">
                      <input
                        type="radio"
                        name={`${formId}-item-${item.number}`}
                        value={option.value}
                        checked={answers[index] === option.value}
                        onChange={() => setAnswer(index, option.value)}
                      />
                      <span>{optionLabel(option.value, option.label)}</span>
                    </label>
                  ))}
                  {answers[index] !== null && (
                    <button type="button" className="button button--link" onClick={() => setAnswer(index, null)}>
                      Clear
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>

      <footer className="administration__footer">
        <LiveScoreView measure={measure} live={live} />
        {criticalMissing.length > 0 && (
          <p className="notice notice--warning" data-testid="critical-missing">
            The risk item (item {criticalMissing.map((f) => f.item).join(', ')}) is unanswered: risk is unknown. Ask the
            client before they leave.
          </p>
        )}
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        {onSubmit && (
          <button ref={submitRef} type="submit" className="button button--primary" disabled={!canSubmit}>
            {submitting ? 'Saving…' : (submitLabel ?? `Record ${measure.shortName}`)}
          </button>
        )}
      </footer>
    </form>
  );
}

function LiveScoreView({ measure, live }: { readonly measure: MeasureDefinition; readonly live: LiveScore }) {
  if (live.kind === 'incomplete') {
    const tooMany = live.issues.some((i) => i.code === 'too-many-missing-items');
    return (
      <output className="live-score live-score--incomplete" data-testid="live-score">
        {live.answered} of {live.total} answered
        {live.answered > 0 && tooMany && measure.missingItemRule.kind === 'prorate'
          ? ` — scorable with at most ${measure.missingItemRule.maxMissing} missing`
          : live.answered > 0 && measure.missingItemRule.kind === 'none'
            ? ' — every item is needed'
            : ''}
      </output>
    );
  }
  const { score } = live;
  const subscales = Object.entries(score.subscales);
  return (
    <output className="live-score" data-testid="live-score">
      {score.total !== null && (
        <span className="live-score__total">
          Total <strong>{score.total}</strong> <span className="muted">/ {measure.range.max}</span>
        </span>
      )}
      {score.severity && <span className="badge badge--neutral">{score.severity}</span>}
      {score.prorated && (
        <span className="badge badge--warning">prorated (item {score.missingItems.join(', ')} missing)</span>
      )}
      {subscales.length > 0 && (
        <span className="live-score__subscales">
          {subscales.map(([id, value]) => (
            <span key={id}>
              {id} {value}
              {score.subscaleSeverity[id] ? ` (${score.subscaleSeverity[id]})` : ''}
            </span>
          ))}
        </span>
      )}
    </output>
  );
}
