/**
 * A goal or objective text box with the live SMART feedback beside it (DESIGN 2.5). Choosing a rewrite replaces the
 * text; the clinician can keep editing it.
 *
 * @example
 * <GoalTextField label="Goal 1" value={text} onChange={setText} today="2026-11-27"
 *   rewrite={{ plan: { startDate: '2026-11-27', durationWeeks: 16 } }} />
 */
import { type ReactNode, useId } from 'react';
import type { GoalContext, GoalTextDeadline, GoalTextTarget } from '../../../domain/goal-text/goal-analysis.js';
import { type RewriteSetup, SmartFeedbackPanel } from '../SmartFeedbackPanel/SmartFeedbackPanel.js';

export interface GoalTextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly today: string;
  readonly context?: GoalContext;
  readonly rewrite?: RewriteSetup | null;
  readonly onConfirmTarget?: (target: GoalTextTarget, deadline: GoalTextDeadline | null) => void;
  readonly level?: 'goal' | 'objective';
  readonly hint?: string;
  readonly disabled?: boolean;
  /** Shown under the text box, beside the feedback (the goal's other fields). */
  readonly children?: ReactNode;
}

/**
 * The text box and its SMART panel.
 *
 * @example
 * <GoalTextField label="Objective" level="objective" value={v} onChange={setV} today={today} />
 */
export function GoalTextField(props: GoalTextFieldProps) {
  const {
    label,
    value,
    onChange,
    today,
    context,
    rewrite,
    onConfirmTarget,
    level = 'goal',
    hint,
    disabled,
    children,
  } = props;
  const id = useId();
  return (
    <div className="goal-field">
      <div className="goal-field__input">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {hint && (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <textarea
          id={id}
          className="textarea"
          rows={Math.max(level === 'goal' ? 3 : 2, Math.ceil(value.length / 55))}
          value={value}
          maxLength={2000}
          disabled={disabled}
          spellCheck
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {children}
      </div>
      <SmartFeedbackPanel
        text={value}
        today={today}
        level={level}
        {...(context ? { context } : {})}
        {...(rewrite ? { rewrite, onUseRewrite: (text: string) => onChange(text) } : {})}
        {...(onConfirmTarget ? { onConfirmTarget } : {})}
      />
    </div>
  );
}
