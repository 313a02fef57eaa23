/**
 * Live SMART feedback on a goal or objective (DESIGN 2.5): runs the goal-text analysis on every keystroke (well under a
 * millisecond for a typical goal; bench/web-goal-feedback.bench.ts) and shows each criterion met or not with its
 * reason, the target read out of the text for the clinician to confirm, the findings with their suggestions, and —
 * while Specific, Measurable or Time-bound is not met — one-click SMART rewrites built from the client's data.
 *
 * @example
 * <SmartFeedbackPanel text={goal} today="2026-11-27" rewrite={{ plan: { startDate, durationWeeks: 16 } }}
 *   onUseRewrite={(text) => setGoal(text)} />
 */
import { useDeferredValue, useId, useMemo } from 'react';
import {
  type GoalRewrite,
  type RewriteClientContext,
  suggestGoalRewrites,
} from '../../../domain/goal-assistant/suggest-goal-rewrites.js';
import { analyzeGoalText } from '../../../domain/goal-text/analyze-goal-text.js';
import type {
  CriterionVerdict,
  GoalAnalysis,
  GoalContext,
  GoalTextDeadline,
  GoalTextTarget,
  SmartVerdicts,
} from '../../../domain/goal-text/goal-analysis.js';
import { GOAL_TEXT_INSTRUMENTS, INSTRUMENTS } from '../../lib/instruments.js';
import { describeDeadline, describeParsedTarget } from './describe-parsed-target.js';

/**
 * What the rewrite assistant needs: when the goal starts and how long the plan runs, and what is known about the
 * client (latest scores, counted behaviours, formulation).
 *
 * @example
 * const rewrite: RewriteSetup = { plan: { startDate: '2026-11-27', durationWeeks: 16 }, client: { latestScores: { phq9: 18 } } };
 */
export interface RewriteSetup {
  readonly plan: { readonly startDate: string; readonly durationWeeks: number };
  readonly client?: RewriteClientContext;
}

export interface SmartFeedbackPanelProps {
  /** The goal or objective as typed. */
  readonly text: string;
  /** Today in the practice time zone. */
  readonly today: string;
  /** The client's data; with it Achievable and Relevant are judged. */
  readonly context?: GoalContext;
  /** Set to offer rewrites (needs `onUseRewrite` too). */
  readonly rewrite?: RewriteSetup | null;
  readonly onUseRewrite?: (text: string, rewrite: GoalRewrite) => void;
  /** Set to offer "Use as the structured target" for the target read from the text. */
  readonly onConfirmTarget?: (target: GoalTextTarget, deadline: GoalTextDeadline | null) => void;
  /** "goal" or "objective": only changes the wording. */
  readonly level?: 'goal' | 'objective';
}

const CRITERIA: readonly { readonly key: keyof SmartVerdicts; readonly name: string }[] = [
  { key: 'specific', name: 'Specific' },
  { key: 'measurable', name: 'Measurable' },
  { key: 'achievable', name: 'Achievable' },
  { key: 'relevant', name: 'Relevant' },
  { key: 'timeBound', name: 'Time-bound' },
];

function verdictWord(met: boolean | null): string {
  if (met === true) return 'met';
  if (met === false) return 'not met';
  return 'not judged';
}

function verdictMark(met: boolean | null): string {
  if (met === true) return '✓';
  if (met === false) return '✗';
  return '–';
}

/** True when the rewrite assistant should be offered: Specific, Measurable or Time-bound is not met. */
function needsRewrite(analysis: GoalAnalysis): boolean {
  const { specific, measurable, timeBound } = analysis.smart;
  return specific.met !== true || measurable.met !== true || timeBound.met !== true;
}

/**
 * The live SMART feedback panel.
 *
 * @example
 * <SmartFeedbackPanel text="Reduce anxiety" today="2026-11-27" />
 */
export function SmartFeedbackPanel(props: SmartFeedbackPanelProps) {
  const { text, today, context, rewrite, onUseRewrite, onConfirmTarget, level = 'goal' } = props;
  const headingId = useId();
  const analysis = useMemo(
    () =>
      analyzeGoalText(text, {
        today,
        instruments: GOAL_TEXT_INSTRUMENTS,
        ...(context ? { context } : {}),
      }),
    [text, today, context],
  );
  const empty = text.trim() === '';
  const metCount = CRITERIA.filter((c) => analysis.smart[c.key].met === true).length;
  const judgedCount = CRITERIA.filter((c) => analysis.smart[c.key].met !== null).length;

  return (
    <section className="smart-panel" aria-labelledby={headingId} data-testid="smart-panel">
      <header className="smart-panel__header">
        <h3 id={headingId} className="smart-panel__title">
          SMART check
        </h3>
        <p className="smart-panel__summary" aria-live="polite">
          {empty ? `Start typing the ${level} to check it.` : `${metCount} of ${judgedCount} judged criteria met`}
        </p>
      </header>
      {!empty && (
        <>
          <ul className="smart-criteria">
            {CRITERIA.map((c) => (
              <Criterion key={c.key} name={c.name} verdict={analysis.smart[c.key]} />
            ))}
          </ul>
          {rewrite && onUseRewrite && needsRewrite(analysis) && (
            <Rewrites text={text} today={today} setup={rewrite} onUse={onUseRewrite} />
          )}
          <ParsedTargets analysis={analysis} onConfirmTarget={onConfirmTarget} />
          {analysis.findings.length > 0 && (
            <div className="smart-panel__block">
              <h4 className="smart-panel__subtitle">What to improve</h4>
              <ul className="findings">
                {analysis.findings.map((f) => (
                  <li key={`${f.code}-${f.span?.start ?? ''}`} className={`finding finding--${f.severity}`}>
                    <span className="finding__severity">{f.severity}</span>
                    <span className="finding__message">{f.message}</span>
                    <span className="finding__suggestion">{f.suggestion}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Criterion({ name, verdict }: { readonly name: string; readonly verdict: CriterionVerdict }) {
  const state = verdict.met === true ? 'met' : verdict.met === false ? 'unmet' : 'unjudged';
  return (
    <li className={`criterion criterion--${state}`} data-criterion={name}>
      <span className="criterion__mark" aria-hidden="true">
        {verdictMark(verdict.met)}
      </span>
      <span className="criterion__name">
        {name} <span className="visually-hidden">{verdictWord(verdict.met)}</span>
      </span>
      <span className="criterion__reason">{verdict.reason}</span>
    </li>
  );
}

function ParsedTargets({
  analysis,
  onConfirmTarget,
}: {
  readonly analysis: GoalAnalysis;
  readonly onConfirmTarget: SmartFeedbackPanelProps['onConfirmTarget'];
}) {
  const deadline = describeDeadline(analysis.deadline);
  if (analysis.targets.length === 0 && deadline === null) return null;
  return (
    <div className="smart-panel__block">
      <h4 className="smart-panel__subtitle">What Cairn read — please confirm</h4>
      <dl className="parsed">
        {analysis.targets.map((target, index) => {
          const words = describeParsedTarget(target, GOAL_TEXT_INSTRUMENTS);
          const key = `${target.kind}-${target.measure ?? target.behavior ?? ''}-${index}`;
          return (
            <div className="parsed__row" key={key} data-testid="parsed-target">
              <dt>{target.kind === 'instrument' ? 'Measure' : target.kind === 'task' ? 'Task' : 'Counted'}</dt>
              <dd>
                <strong>{words.what}</strong>
                {words.direction && <span className="parsed__part">{words.direction}</span>}
                {words.baseline && <span className="parsed__part">{words.baseline}</span>}
                <span className="parsed__part">{words.goal ?? 'no target value'}</span>
                {onConfirmTarget && target.target && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onConfirmTarget(target, analysis.deadline)}
                  >
                    Use as the structured target
                  </button>
                )}
              </dd>
            </div>
          );
        })}
        <div className="parsed__row">
          <dt>Deadline</dt>
          <dd>{deadline ?? 'none given'}</dd>
        </div>
      </dl>
    </div>
  );
}

function Rewrites({
  text,
  today,
  setup,
  onUse,
}: {
  readonly text: string;
  readonly today: string;
  readonly setup: RewriteSetup;
  readonly onUse: (text: string, rewrite: GoalRewrite) => void;
}) {
  // Rewrites analyse several candidates: let typing stay ahead of them.
  const deferredText = useDeferredValue(text);
  const rewrites = useMemo(
    () =>
      suggestGoalRewrites({
        text: deferredText,
        today,
        instruments: INSTRUMENTS,
        plan: setup.plan,
        ...(setup.client ? { client: setup.client } : {}),
      }),
    [deferredText, today, setup],
  );
  if (rewrites.length === 0) {
    return (
      <div className="smart-panel__block">
        <h4 className="smart-panel__subtitle">SMART rewrites</h4>
        <p className="muted">
          No rewrite yet: record a baseline score or a counted behaviour for this client, or name the problem (for
          example "panic attacks" or "low mood").
        </p>
      </div>
    );
  }
  return (
    <div className="smart-panel__block">
      <h4 className="smart-panel__subtitle">SMART rewrites</h4>
      <ul className="rewrites">
        {rewrites.map((r) => (
          <li key={r.text} className="rewrite" data-testid="rewrite">
            <p className="rewrite__text">{r.text}</p>
            <details className="rewrite__why">
              <summary>Why this target</summary>
              <p>{r.explanation}</p>
            </details>
            <button type="button" className="button button--small button--primary" onClick={() => onUse(r.text, r)}>
              Use this wording
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
