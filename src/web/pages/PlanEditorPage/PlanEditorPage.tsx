/**
 * The plan editor (DESIGN 2.2, 2.5): goals → objectives → interventions, with live SMART feedback on every goal and
 * objective (judged with the client's data: latest scores, formulation links, endorsement), one-click rewrites built
 * from that data, the structured target confirmed from the text, and the plan checks (SMART lint and payer
 * completeness) re-run as the plan changes.
 *
 * The server's plan API is read-only today (src/contract/plans.ts: "writing comes with the plan editor"), so edits
 * stay in this tab: the editor says so and offers no save button that would pretend to work.
 *
 * @example
 * <Route path="plan" element={<PlanEditorPage clientId={clientId} data={data} />} />
 */
import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { Formulation as DomainFormulation } from '../../../domain/formulation/formulation.js';
import type { RewriteClientContext } from '../../../domain/goal-assistant/suggest-goal-rewrites.js';
import type { GoalContext } from '../../../domain/goal-text/goal-analysis.js';
import { checkPayerCompleteness } from '../../../domain/plan-checks/check-payer-completeness.js';
import { checkPlan } from '../../../domain/plan-checks/check-plan.js';
import type { PlanFinding } from '../../../domain/plan-checks/plan-finding.js';
import { errorMessage } from '../../api/api-client.js';
import type { Behavior, Plan, PlanGoal, PlanObjective, PlanTarget } from '../../api/clients-api.js';
import { GoalTextField } from '../../components/GoalTextField/GoalTextField.js';
import type { RewriteSetup } from '../../components/SmartFeedbackPanel/SmartFeedbackPanel.js';
import { comparatorSymbol, formatDate, formatNumber } from '../../lib/format.js';
import { findInstrument, INSTRUMENTS } from '../../lib/instruments.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useSession } from '../../session/session.js';
import type { ClientData } from '../ClientPage/use-client-data.js';
import {
  addGoal,
  addObjective,
  draftFrom,
  localId,
  newPlanDraft,
  removeGoal,
  removeObjective,
  targetFromText,
  updateGoal,
  updateObjective,
} from './plan-draft.js';

const GOAL_STATUSES = ['active', 'met', 'partially-met', 'not-met', 'revised', 'discontinued'] as const;

interface EditorContext {
  readonly today: string;
  readonly durationWeeks: number;
  readonly latestScores: Readonly<Record<string, number>>;
  readonly behaviors: readonly Behavior[];
  readonly formulation: DomainFormulation | null;
  readonly client: RewriteClientContext;
}

export function PlanEditorPage({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const { today, hasRole } = useSession();
  const loaded = data.plan.data;
  const [draft, setDraft] = useState<Plan | null>(null);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (draft === null && loaded !== undefined) setDraft(loaded ? draftFrom(loaded) : newPlanDraft(clientId, today));
  }, [draft, loaded, clientId, today]);

  const behaviors = useMemo(() => (data.series.data?.behaviors ?? []).map((b) => b.behavior), [data.series.data]);
  const formulation = (data.formulation.data ?? null) as DomainFormulation | null;
  const client = useMemo<RewriteClientContext>(
    () => ({
      latestScores: data.latestScores,
      behaviorBaselines: data.behaviorBaselines,
      ...(formulation ? { formulation } : {}),
    }),
    [data.latestScores, data.behaviorBaselines, formulation],
  );

  const durationWeeks = draft?.durationWeeks ?? 16;
  const ctx = useMemo<EditorContext>(
    () => ({ today, durationWeeks, latestScores: data.latestScores, behaviors, formulation, client }),
    [today, durationWeeks, data.latestScores, behaviors, formulation, client],
  );
  // Stable callbacks: editing one goal re-renders only that goal (GoalEditor is memoised).
  const onGoalChange = useCallback((goalId: string, next: PlanGoal) => {
    setDraft((d) => (d ? updateGoal(d, goalId, () => next) : d));
    setDirty(true);
  }, []);
  const onGoalRemove = useCallback((goalId: string) => {
    setDraft((d) => (d ? removeGoal(d, goalId) : d));
    setDirty(true);
  }, []);

  if (data.plan.isPending || draft === null) {
    return data.plan.isError ? (
      <p className="notice notice--error">{errorMessage(data.plan.error)}</p>
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  const canEdit = hasRole('clinician', 'supervisor');
  const change = (next: Plan) => {
    setDraft(next);
    setDirty(true);
  };
  return (
    <div className="plan-editor">
      <div className="notice notice--info plan-editor__status" role="status">
        {loaded ? (
          loaded.status === 'draft' ? (
            <>Editing the draft plan (revision {loaded.revision}).</>
          ) : (
            <>
              Version {loaded.version} is signed and cannot change: your edits make a draft of version {draft.version}.
            </>
          )
        ) : (
          <>This client has no plan yet: this is a new draft.</>
        )}{' '}
        Saving and signing need the plan-writing API, which this server does not offer yet, so changes stay in this tab
        {dirty ? ' (you have unsaved changes)' : ''}.
      </div>
      <div className="plan-editor__layout">
        <div className="plan-editor__main">
          {draft.goals.map((goal, index) => (
            <GoalEditor
              key={goal.id}
              goal={goal}
              index={index}
              ctx={ctx}
              disabled={!canEdit}
              onChange={onGoalChange}
              onRemove={onGoalRemove}
            />
          ))}
          {canEdit && (
            <button type="button" className="button" onClick={() => change(addGoal(draft, today))}>
              Add a goal
            </button>
          )}
          <PlanDetails plan={draft} disabled={!canEdit} onChange={change} />
        </div>
        <aside className="plan-editor__side" aria-label="Plan checks">
          <PlanChecks ctx={ctx} plan={draft} />
        </aside>
      </div>
    </div>
  );
}

const GoalEditor = memo(function GoalEditor({
  goal,
  index,
  ctx,
  disabled,
  onChange,
  onRemove,
}: {
  readonly goal: PlanGoal;
  readonly index: number;
  readonly ctx: EditorContext;
  readonly disabled: boolean;
  readonly onChange: (goalId: string, goal: PlanGoal) => void;
  readonly onRemove: (goalId: string) => void;
}) {
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const endorsed = goal.endorsement !== null;
  const context = useMemo<GoalContext>(
    () => ({
      latestScores: ctx.latestScores,
      startDate: goal.startDate,
      formulationElementIds: goal.formulationElementIds,
      endorsed,
    }),
    [ctx.latestScores, goal.startDate, goal.formulationElementIds, endorsed],
  );
  const rewrite = useMemo<RewriteSetup>(
    () => ({
      plan: { startDate: goal.startDate, durationWeeks: ctx.durationWeeks },
      // A rewrite is a proposal to agree with the client: "not endorsed yet" must not rule it out.
      client: endorsed ? { ...ctx.client, endorsed } : ctx.client,
    }),
    [goal.startDate, ctx.durationWeeks, ctx.client, endorsed],
  );
  const targetContext = {
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    durationWeeks: ctx.durationWeeks,
    latestScores: ctx.latestScores,
    behaviors: ctx.behaviors,
  };

  return (
    <section className="plan-goal" aria-labelledby={`${id}-title`} data-testid="plan-goal">
      <header className="plan-goal__header">
        <h2 id={`${id}-title`} style={{ margin: 0 }}>
          Goal {index + 1}
        </h2>
        <div className="actions">
          <label className="visually-hidden" htmlFor={`${id}-status`}>
            Lifecycle status of goal {index + 1}
          </label>
          <select
            id={`${id}-status`}
            className="select"
            style={{ width: 'auto' }}
            value={goal.status}
            disabled={disabled}
            onChange={(e) => onChange(goal.id, { ...goal, status: e.target.value as PlanGoal['status'] })}
          >
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {!disabled && (
            <button type="button" className="button button--ghost button--small" onClick={() => onRemove(goal.id)}>
              Remove goal
            </button>
          )}
        </div>
      </header>
      <div className="plan-goal__body">
        <GoalTextField
          label={`Goal ${index + 1}, in the clinician's words`}
          value={goal.statement}
          onChange={(statement) => onChange(goal.id, { ...goal, statement })}
          today={ctx.today}
          context={context}
          rewrite={disabled ? null : rewrite}
          disabled={disabled}
          onConfirmTarget={
            disabled
              ? undefined
              : (parsed, deadline) => {
                  const made = targetFromText(parsed, deadline, targetContext);
                  if (made.kind === 'refused') return setNotice(made.reason);
                  setNotice(null);
                  onChange(goal.id, {
                    ...goal,
                    targets: [made.target],
                    dueDate: made.target.dueDate,
                  });
                }
          }
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-words`}>
              In the client's own words
            </label>
            <input
              id={`${id}-words`}
              className="input"
              value={goal.clientWords ?? ''}
              disabled={disabled}
              onChange={(e) =>
                onChange(goal.id, { ...goal, clientWords: e.target.value === '' ? null : e.target.value })
              }
            />
            <p className="field__hint">
              {goal.endorsement
                ? `Endorsed by the client on ${formatDate(goal.endorsement.date)} (${goal.endorsement.method}).`
                : 'Not yet endorsed by the client.'}
            </p>
          </div>
          <TargetsSummary targets={goal.targets} behaviors={ctx.behaviors} />
          {notice && (
            <p className="notice notice--warning" role="status">
              {notice}
            </p>
          )}
          <FormulationLinks goal={goal} ctx={ctx} disabled={disabled} onChange={(next) => onChange(goal.id, next)} />
        </GoalTextField>
        <h3 className="plan-goal__section">Objectives</h3>
        {goal.objectives.length === 0 && <p className="muted">No objective yet: a goal needs measurable steps.</p>}
        {goal.objectives.map((objective, oi) => (
          <ObjectiveEditor
            key={objective.id}
            label={`Objective ${index + 1}.${oi + 1}`}
            objective={objective}
            ctx={ctx}
            startDate={goal.startDate}
            disabled={disabled}
            onChange={(next) =>
              onChange(
                goal.id,
                updateObjective(goal, objective.id, () => next),
              )
            }
            onRemove={() => onChange(goal.id, removeObjective(goal, objective.id))}
          />
        ))}
        {!disabled && (
          <div>
            <button
              type="button"
              className="button button--small"
              onClick={() => onChange(goal.id, addObjective(goal))}
            >
              Add an objective
            </button>
          </div>
        )}
      </div>
    </section>
  );
});

function ObjectiveEditor({
  label,
  objective,
  ctx,
  startDate,
  disabled,
  onChange,
  onRemove,
}: {
  readonly label: string;
  readonly objective: PlanObjective;
  readonly ctx: EditorContext;
  readonly startDate: string;
  readonly disabled: boolean;
  readonly onChange: (objective: PlanObjective) => void;
  readonly onRemove: () => void;
}) {
  const context = useMemo<GoalContext>(
    () => ({ latestScores: ctx.latestScores, startDate }),
    [ctx.latestScores, startDate],
  );
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="plan-objective" data-testid="plan-objective">
      <GoalTextField
        label={label}
        level="objective"
        value={objective.statement}
        onChange={(statement) => onChange({ ...objective, statement })}
        today={ctx.today}
        context={context}
        disabled={disabled}
        onConfirmTarget={
          disabled
            ? undefined
            : (parsed, deadline) => {
                const made = targetFromText(parsed, deadline, {
                  startDate,
                  dueDate: objective.dueDate,
                  durationWeeks: ctx.durationWeeks,
                  latestScores: ctx.latestScores,
                  behaviors: ctx.behaviors,
                });
                if (made.kind === 'refused') return setNotice(made.reason);
                setNotice(null);
                onChange({ ...objective, targets: [made.target], dueDate: made.target.dueDate });
              }
        }
      >
        <TargetsSummary targets={objective.targets} behaviors={ctx.behaviors} />
        {notice && (
          <p className="notice notice--warning" role="status">
            {notice}
          </p>
        )}
      </GoalTextField>
      <Interventions objective={objective} disabled={disabled} onChange={onChange} />
      {!disabled && (
        <div>
          <button type="button" className="button button--ghost button--small" onClick={onRemove}>
            Remove {label.toLowerCase()}
          </button>
        </div>
      )}
    </div>
  );
}

function describeTarget(target: PlanTarget, behaviors: readonly Behavior[]): string {
  const what =
    target.measure.kind === 'instrument'
      ? (findInstrument(target.measure.instrumentId)?.shortName ?? target.measure.instrumentId)
      : target.measure.kind === 'behavior'
        ? (behaviors.find((b) => target.measure.kind === 'behavior' && b.id === target.measure.behaviorId)?.name ??
          'counted behaviour')
        : 'goal attainment scale';
  const per = target.per ? ` per ${target.per}` : '';
  const goal =
    target.goal.kind === 'absolute'
      ? `${comparatorSymbol(target.goal.comparator)} ${formatNumber(target.goal.value)}${per}`
      : target.goal.kind === 'change'
        ? `${target.goal.change > 0 ? '+' : ''}${formatNumber(target.goal.change)} points`
        : target.goal.kind === 'change-percent'
          ? `${formatNumber(target.goal.changePercent)}%`
          : 'reliable improvement';
  const baseline = target.baseline === null ? 'baseline to record' : `from ${formatNumber(target.baseline)}${per}`;
  return `${what}: ${baseline} to ${goal} by ${formatDate(target.dueDate)}`;
}

function TargetsSummary({
  targets,
  behaviors,
}: {
  readonly targets: readonly PlanTarget[];
  readonly behaviors: readonly Behavior[];
}) {
  return (
    <p className="target-summary">
      <span className="muted">Structured target: </span>
      {targets.length === 0 ? (
        <span className="muted">none yet — confirm the one read from the text above</span>
      ) : (
        targets.map((t) => (
          <span key={t.id} className="parsed__part" data-testid="structured-target">
            {describeTarget(t, behaviors)}
          </span>
        ))
      )}
    </p>
  );
}

function FormulationLinks({
  goal,
  ctx,
  disabled,
  onChange,
}: {
  readonly goal: PlanGoal;
  readonly ctx: EditorContext;
  readonly disabled: boolean;
  readonly onChange: (goal: PlanGoal) => void;
}) {
  const elements = ctx.formulation?.elements ?? [];
  if (elements.length === 0) return null;
  const toggle = (elementId: string, on: boolean) =>
    onChange({
      ...goal,
      formulationElementIds: on
        ? [...goal.formulationElementIds, elementId]
        : goal.formulationElementIds.filter((x) => x !== elementId),
    });
  return (
    <details className="formulation-links">
      <summary>
        Addresses {goal.formulationElementIds.length} formulation element
        {goal.formulationElementIds.length === 1 ? '' : 's'}
      </summary>
      <ul className="checks">
        {elements.map((e) => (
          <li key={e.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                disabled={disabled}
                checked={goal.formulationElementIds.includes(e.id)}
                onChange={(ev) => toggle(e.id, ev.target.checked)}
              />
              <span>
                <span className="muted">{e.kind.replace(/-/g, ' ')}:</span> {e.text}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Interventions({
  objective,
  disabled,
  onChange,
}: {
  readonly objective: PlanObjective;
  readonly disabled: boolean;
  readonly onChange: (objective: PlanObjective) => void;
}) {
  const id = useId();
  const set = (index: number, field: 'name' | 'deliveredBy' | 'frequency', value: string) =>
    onChange({
      ...objective,
      interventions: objective.interventions.map((x, i) => (i === index ? { ...x, [field]: value } : x)),
    });
  return (
    <div className="plan-interventions">
      <span className="field__label">Interventions</span>
      {objective.interventions.length === 0 && <p className="muted">None yet.</p>}
      {objective.interventions.map((intervention, i) => (
        <div className="intervention-row" key={intervention.id}>
          <div className="field">
            <label className="field__hint" htmlFor={`${id}-${i}-name`}>
              Intervention
            </label>
            <input
              id={`${id}-${i}-name`}
              className="input"
              list={`${id}-library`}
              value={intervention.name}
              disabled={disabled}
              onChange={(e) => set(i, 'name', e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__hint" htmlFor={`${id}-${i}-by`}>
              Delivered by
            </label>
            <input
              id={`${id}-${i}-by`}
              className="input"
              value={intervention.deliveredBy}
              disabled={disabled}
              onChange={(e) => set(i, 'deliveredBy', e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__hint" htmlFor={`${id}-${i}-freq`}>
              How often
            </label>
            <input
              id={`${id}-${i}-freq`}
              className="input"
              value={intervention.frequency}
              disabled={disabled}
              onChange={(e) => set(i, 'frequency', e.target.value)}
            />
          </div>
          {!disabled && (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={`Remove ${intervention.name || 'intervention'}`}
              onClick={() =>
                onChange({ ...objective, interventions: objective.interventions.filter((_, j) => j !== i) })
              }
            >
              Remove
            </button>
          )}
        </div>
      ))}
      <datalist id={`${id}-library`}>
        {INTERVENTION_NAMES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {!disabled && (
        <div>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              onChange({
                ...objective,
                interventions: [
                  ...objective.interventions,
                  {
                    id: localId('intervention'),
                    libraryId: null,
                    name: '',
                    deliveredBy: 'clinician',
                    frequency: 'weekly',
                  },
                ],
              })
            }
          >
            Add an intervention
          </button>
        </div>
      )}
    </div>
  );
}

/** Common CBT interventions offered as suggestions (free text stays allowed). */
const INTERVENTION_NAMES = [
  'Behavioural activation',
  'Activity scheduling',
  'Cognitive restructuring (thought records)',
  'Exposure hierarchy (in vivo)',
  'Interoceptive exposure',
  'Imaginal exposure',
  'Safety-behaviour dropping',
  'Behavioural experiments',
  'Sleep hygiene',
  'Stimulus control (CBT-I)',
  'Sleep restriction (CBT-I)',
  'Cognitive processing therapy',
  'Prolonged exposure',
  'Problem solving',
  'Applied relaxation',
  'Worry time / worry postponement',
  'Relapse-prevention planning',
];

function PlanDetails({
  plan,
  disabled,
  onChange,
}: {
  readonly plan: Plan;
  readonly disabled: boolean;
  readonly onChange: (plan: Plan) => void;
}) {
  const id = useId();
  const text = (
    field: 'presentingProblems' | 'dischargeCriteria' | 'referrals' | 'strengths' | 'clientParticipation',
    label: string,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <textarea
        id={`${id}-${field}`}
        className="textarea"
        rows={2}
        disabled={disabled}
        value={plan[field]}
        onChange={(e) => onChange({ ...plan, [field]: e.target.value })}
      />
    </div>
  );
  return (
    <details className="card plan-details" style={{ marginTop: '1.25rem' }}>
      <summary>
        <strong>Plan details for payers</strong>{' '}
        <span className="muted">
          ({plan.sessionFrequency}, {plan.sessionMinutes} min, {plan.durationWeeks} weeks; review{' '}
          {formatDate(plan.nextReviewDate)})
        </span>
      </summary>
      <div className="form" style={{ marginTop: '0.75rem' }}>
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-freq`}>
              Session frequency
            </label>
            <input
              id={`${id}-freq`}
              className="input"
              disabled={disabled}
              value={plan.sessionFrequency}
              onChange={(e) => onChange({ ...plan, sessionFrequency: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-minutes`}>
              Session minutes
            </label>
            <input
              id={`${id}-minutes`}
              className="input"
              inputMode="numeric"
              disabled={disabled}
              value={plan.sessionMinutes}
              onChange={(e) => onChange({ ...plan, sessionMinutes: Number(e.target.value) || 0 })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-weeks`}>
              Duration (weeks)
            </label>
            <input
              id={`${id}-weeks`}
              className="input"
              inputMode="numeric"
              disabled={disabled}
              value={plan.durationWeeks}
              onChange={(e) => onChange({ ...plan, durationWeeks: Number(e.target.value) || 0 })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-review`}>
              Next review
            </label>
            <input
              id={`${id}-review`}
              className="input"
              type="date"
              disabled={disabled}
              value={plan.nextReviewDate}
              onChange={(e) => onChange({ ...plan, nextReviewDate: e.target.value })}
            />
          </div>
        </div>
        {text('presentingProblems', 'Presenting problems')}
        {text('strengths', 'Strengths')}
        {text('dischargeCriteria', 'Discharge criteria')}
        {text('referrals', 'Referrals')}
        {text('clientParticipation', 'Client participation')}
        <p className="field__hint">
          Diagnoses: {plan.diagnoses.map((d) => `${d.code} ${d.description}`).join('; ') || 'none on the plan'}
        </p>
      </div>
    </details>
  );
}

/** Where a finding points, in words ("Goal 2 · objective 1"). */
function findingPlace(finding: PlanFinding): string {
  const path = finding.path;
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const next = path[i + 1];
    if (segment === 'goals' && typeof next === 'number') {
      parts.push(`Goal ${next + 1}`);
      i++;
    } else if (segment === 'objectives' && typeof next === 'number') {
      parts.push(`objective ${next + 1}`);
      i++;
    } else if (segment === 'targets' && typeof next === 'number') {
      parts.push(`target ${next + 1}`);
      i++;
    } else if (typeof segment === 'string' && segment !== 'goals') {
      parts.push(segment.replace(/([A-Z])/g, ' $1').toLowerCase());
    }
  }
  return parts.join(' · ') || 'Plan';
}

function PlanChecks({ ctx, plan: current }: { readonly ctx: EditorContext; readonly plan: Plan }) {
  // The checks read the whole plan (about 10 ms): they run when typing pauses.
  const plan = useDebouncedValue(current, 250);
  const findings = useMemo(() => {
    const context = {
      today: ctx.today,
      instruments: INSTRUMENTS,
      latestScores: ctx.latestScores,
      formulation: ctx.formulation,
    };
    return [...checkPlan(plan, context), ...checkPayerCompleteness(plan, context)];
  }, [plan, ctx.today, ctx.latestScores, ctx.formulation]);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section className="card plan-checks" aria-labelledby="plan-checks-title" data-testid="plan-checks">
      <h2 id="plan-checks-title">Plan checks</h2>
      <p className="muted" aria-live="polite">
        {sorted.length === 0
          ? 'No findings: the plan is SMART and complete for payers.'
          : `${sorted.length} finding${sorted.length === 1 ? '' : 's'} (${sorted.filter((f) => f.severity === 'error').length} to fix before signing)`}
      </p>
      <ul className="findings">
        {sorted.map((f) => (
          <li key={`${f.code}-${f.path.join('.')}-${f.message}`} className={`finding finding--${f.severity}`}>
            <span className="finding__severity">{f.severity}</span>
            <span className="finding__message">
              <strong>{findingPlace(f)}:</strong> {f.message}
            </span>
            <span className="finding__suggestion">{f.suggestion}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
