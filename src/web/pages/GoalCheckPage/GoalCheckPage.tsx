/**
 * Goal check: the SMART analysis and the rewrite assistant on any wording, without a client record (the web twin of
 * `cairn goals check`). Optional baseline scores let the assistant build rewrites from numbers; nothing typed here is
 * sent to the server or stored.
 *
 * @example
 * { path: '/goal-check', element: <GoalCheckPage /> }
 */
import { useMemo, useState } from 'react';
import { GoalTextField } from '../../components/GoalTextField/GoalTextField.js';
import type { RewriteSetup } from '../../components/SmartFeedbackPanel/SmartFeedbackPanel.js';
import { INSTRUMENTS } from '../../lib/instruments.js';
import { useSession } from '../../session/session.js';

export function GoalCheckPage() {
  const { today } = useSession();
  const [text, setText] = useState('');
  const [weeks, setWeeks] = useState('16');
  const [instrumentId, setInstrumentId] = useState('phq9');
  const [score, setScore] = useState('');

  const instrument = INSTRUMENTS.find((m) => m.id === instrumentId);
  const scoreValue = score.trim() === '' ? null : Number(score);
  const validScore =
    scoreValue !== null &&
    Number.isInteger(scoreValue) &&
    instrument !== undefined &&
    scoreValue >= instrument.range.min &&
    scoreValue <= instrument.range.max;
  const durationWeeks = Math.min(104, Math.max(1, Number(weeks) || 16));

  const rewrite = useMemo<RewriteSetup>(
    () => ({
      plan: { startDate: today, durationWeeks },
      client: validScore && scoreValue !== null ? { latestScores: { [instrumentId]: scoreValue } } : {},
    }),
    [today, durationWeeks, validScore, scoreValue, instrumentId],
  );
  const context = useMemo(
    () =>
      validScore && scoreValue !== null
        ? { latestScores: { [instrumentId]: scoreValue }, startDate: today }
        : undefined,
    [validScore, scoreValue, instrumentId, today],
  );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Goal check</h1>
          <p className="page-header__sub">
            Type a goal or objective to see how SMART it is. Nothing here is saved or sent to the server.
          </p>
        </div>
      </header>
      <section className="card" aria-label="Client context for rewrites">
        <h2 className="card__title">For rewrites (optional)</h2>
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor="gc-instrument">
              Baseline instrument
            </label>
            <select
              id="gc-instrument"
              className="select"
              value={instrumentId}
              onChange={(e) => setInstrumentId(e.target.value)}
            >
              {INSTRUMENTS.filter((m) => m.scoring.total !== null).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.shortName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="gc-score">
              Latest score
            </label>
            <input
              id="gc-score"
              className="input"
              inputMode="numeric"
              value={score}
              onChange={(e) => setScore(e.target.value)}
              aria-invalid={score !== '' && !validScore}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="gc-weeks">
              Plan length (weeks)
            </label>
            <input
              id="gc-weeks"
              className="input"
              inputMode="numeric"
              value={weeks}
              onChange={(e) => setWeeks(e.target.value)}
            />
          </div>
        </div>
        {score !== '' && !validScore && instrument && (
          <p className="field__error">
            A {instrument.shortName} score is a whole number from {instrument.range.min} to {instrument.range.max}.
          </p>
        )}
      </section>
      <section className="card" aria-label="Goal">
        <GoalTextField
          label="Goal or objective"
          value={text}
          onChange={setText}
          today={today}
          rewrite={rewrite}
          {...(context ? { context } : {})}
          hint='For example: "Reduce PHQ-9 from 18 to 9 or below within 16 weeks".'
        />
      </section>
    </div>
  );
}
