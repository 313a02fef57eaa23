/**
 * The plan editor (DESIGN 2.2, 2.5): goals → objectives → interventions, started from the goal library with the
 * client's baseline filled in (LibraryPanel) or written by hand, with live SMART feedback on every goal and
 * objective (judged with the client's data: latest scores, formulation links, endorsement), one-click rewrites built
 * from that data, the structured target confirmed from the text, and the plan checks (SMART lint and payer
 * completeness) re-run as the plan changes.
 *
 * Save draft keeps the server's draft and its revision; Sign plan signs the saved draft the clinician read (the server's
 * blocking findings are listed with the plan checks); a stale revision (someone saved meanwhile) is said plainly, with
 * "Reload the latest" — the edits in the tab are never replaced without the clinician asking. Leaving with unsaved
 * changes asks first (beforeunload and a router blocker). A signed plan shows who signed, when, and its content hash;
 * the signing clinician's supervisor can co-sign it.
 *
 * @example
 * <Route path="plan" element={<PlanEditorPage clientId={clientId} data={data} />} />
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Formulation as DomainFormulation } from '../../../domain/formulation/formulation.js';
import type { RewriteClientContext } from '../../../domain/goal-assistant/suggest-goal-rewrites.js';
import type { GoalContext } from '../../../domain/goal-text/goal-analysis.js';
import { checkPayerCompleteness } from '../../../domain/plan-checks/check-payer-completeness.js';
import { checkPlan } from '../../../domain/plan-checks/check-plan.js';
import { type ApiIssue, errorMessage } from '../../api/api-client.js';
import type { Behavior, Plan, PlanGoal, PlanObjective, PlanTarget } from '../../api/clients-api.js';
import {
  isPlanIncomplete,
  isStaleRevision,
  useCosignPlan,
  useDiscardPlanDraft,
  useSavePlanDraft,
  useSignPlan,
} from '../../api/plans-api.js';
import { GoalTextField } from '../../components/GoalTextField/GoalTextField.js';
import type { RewriteSetup } from '../../components/SmartFeedbackPanel/SmartFeedbackPanel.js';
import {
  UnsavedChangesPrompt,
  useUnsavedChangesGuard,
} from '../../components/UnsavedChangesGuard/UnsavedChangesGuard.js';
import { comparatorSymbol, formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { findInstrument, INSTRUMENTS } from '../../lib/instruments.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useSession } from '../../session/session.js';
import type { ClientData } from '../ClientPage/use-client-data.js';
import { LibraryPanel } from './LibraryPanel.js';
import {
  addGoal,
  addObjective,
  draftFrom,
  localId,
  newPlanDraft,
  planActions,
  removeGoal,
  removeObjective,
  shortHash,
  targetFromText,
  updateGoal,
  updateObjective,
} from './plan-draft.js';
import { type LibraryContext, prefillPlanDetails } from './plan-from-library.js';

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
  // The findings the server gave when it refused to sign (409 plan-incomplete), shown with the plan checks.
  const [blocking, setBlocking] = useState<readonly ApiIssue[]>([]);

  const clientDiagnoses = data.record.data?.diagnoses;
  useEffect(() => {
    if (draft !== null || loaded === undefined) return;
    if (loaded) return setDraft(draftFrom(loaded));
    // A first plan starts with the client's recorded diagnoses (the clinician can untick any under plan details).
    if (clientDiagnoses) setDraft({ ...newPlanDraft(clientId, today), diagnoses: [...clientDiagnoses] });
  }, [draft, loaded, clientId, today, clientDiagnoses]);

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
  const libraryContext = useMemo<LibraryContext>(
    () => ({
      today,
      durationWeeks,
      latestScores: data.latestScores,
      behaviors,
      behaviorBaselines: data.behaviorBaselines,
      formulation,
    }),
    [today, durationWeeks, data.latestScores, behaviors, data.behaviorBaselines, formulation],
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
      <PlanWriting
        clientId={clientId}
        loaded={loaded ?? null}
        draft={draft}
        dirty={dirty}
        canEdit={canEdit}
        onSaved={(saved) => {
          setDraft(saved);
          setDirty(false);
        }}
        onReplaced={(plan) => {
          setDraft(plan ? draftFrom(plan) : newPlanDraft(clientId, today));
          setDirty(false);
        }}
        reload={async () => (await data.plan.refetch()).data ?? null}
        onSignRefused={setBlocking}
      />
      <div className="plan-editor__layout">
        <div className="plan-editor__main">
          {canEdit && (
            <LibraryPanel
              context={libraryContext}
              open={draft.goals.length === 0}
              onAdopt={(make) => {
                const adopted = make(draft.goals.length + 1);
                change(prefillPlanDetails({ ...draft, goals: [...draft.goals, ...adopted] }, adopted, formulation));
              }}
            />
          )}
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
          <PlanDetails plan={draft} clientDiagnoses={clientDiagnoses ?? []} disabled={!canEdit} onChange={change} />
        </div>
        <aside className="plan-editor__side" aria-label="Plan checks">
          <PlanChecks ctx={ctx} plan={draft} blocking={blocking} />
        </aside>
      </div>
    </div>
  );
}

/** The status line, the signatures, and Save draft / Discard draft / Sign plan / Co-sign. */
function PlanWriting({
  clientId,
  loaded,
  draft,
  dirty,
  canEdit,
  onSaved,
  onReplaced,
  reload,
  onSignRefused,
}: {
  readonly clientId: string;
  readonly loaded: Plan | null;
  readonly draft: Plan;
  readonly dirty: boolean;
  readonly canEdit: boolean;
  readonly onSaved: (saved: Plan) => void;
  readonly onReplaced: (plan: Plan | null) => void;
  readonly reload: () => Promise<Plan | null>;
  readonly onSignRefused: (issues: readonly ApiIssue[]) => void;
}) {
  const { hasRole, user } = useSession();
  const id = useId();
  const save = useSavePlanDraft(clientId);
  const discard = useDiscardPlanDraft(clientId);
  const sign = useSignPlan(clientId);
  const cosign = useCosignPlan(clientId);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [reloading, setReloading] = useState(false);
  const actions = planActions({ draft, dirty, isClinician: hasRole('clinician') });
  const busy = save.isPending || discard.isPending || sign.isPending || cosign.isPending || reloading;
  const writeError = [save, discard, sign, cosign].find((m) => m.isError)?.error ?? null;
  const stale = isStaleRevision(writeError);

  // Leaving with unsaved changes asks first: closing or reloading the tab, and moving elsewhere in the app.
  const blocker = useUnsavedChangesGuard(dirty);

  const reset = () => {
    for (const m of [save, discard, sign, cosign]) m.reset();
  };
  const doSave = () => {
    if (!actions.canSave || busy) return;
    reset();
    setMessage(null);
    save.mutate(draft, {
      onSuccess: (saved) => {
        onSaved(saved);
        setMessage(`Draft saved (revision ${saved.revision}).`);
      },
    });
  };
  const doDiscard = async () => {
    reset();
    setConfirmDiscard(false);
    setMessage(null);
    if (draft.revision > 0) {
      try {
        await discard.mutateAsync(draft.revision);
      } catch {
        return; // the mutation's error is shown (a stale revision offers "Reload the latest")
      }
    }
    const latest = await reload();
    onReplaced(latest);
    setMessage(draft.revision > 0 ? 'Draft discarded.' : 'Your unsaved changes were discarded.');
  };
  const doReload = async () => {
    reset();
    setReloading(true);
    try {
      const latest = await reload();
      onReplaced(latest);
      setMessage('Loaded the latest saved plan.');
    } finally {
      setReloading(false);
    }
  };
  const doSign = () => {
    if (!actions.canSign || busy) return;
    reset();
    setMessage(null);
    sign.mutate(draft.revision, {
      onError: (error) => onSignRefused(isPlanIncomplete(error) ? error.issues : []),
      onSuccess: (signed) => {
        onSignRefused([]);
        onReplaced(signed);
        setMessage(`Plan signed: version ${signed.version}.`);
      },
    });
  };

  // Ctrl+S / ⌘S saves the draft.
  const saveRef = useRef(doSave);
  saveRef.current = doSave;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const signed = loaded && loaded.status !== 'draft' ? loaded : null;
  const canCosign =
    signed !== null &&
    signed.status === 'signed' &&
    signed.supervisorSignature === null &&
    signed.contentHash !== null &&
    hasRole('supervisor') &&
    signed.clinicianSignature?.userId !== user.id;

  return (
    <section className="card plan-writing" aria-labelledby={`${id}-title`} data-testid="plan-writing">
      <h2 id={`${id}-title`} className="visually-hidden">
        Plan status and actions
      </h2>
      <p className="notice notice--info plan-editor__status" data-testid="plan-status">
        {loaded ? (
          loaded.status === 'draft' ? (
            <>
              Editing the draft of version {loaded.version} (
              <span data-testid="plan-revision">revision {loaded.revision}</span>).
            </>
          ) : (
            <>
              Version {loaded.version} is {loaded.status === 'superseded' ? 'superseded' : 'signed'} and cannot change:
              your edits make a draft of version {draft.version}.
            </>
          )
        ) : (
          <>This client has no plan yet: this is a new draft.</>
        )}{' '}
        {dirty ? <strong>You have unsaved changes.</strong> : loaded?.status === 'draft' ? 'All changes saved.' : ''}
      </p>
      {signed && <Signatures plan={signed} />}
      <div role="status" aria-live="polite" className="plan-writing__message">
        {message && <p className="notice notice--success">{message}</p>}
      </div>
      {writeError && !isPlanIncomplete(writeError) && (
        <div className="notice notice--error" role="alert">
          {stale ? (
            <>
              <p style={{ margin: 0 }}>
                <strong>This plan changed since you opened it</strong> (someone saved or signed it in another tab or
                session), so nothing was saved. Your edits are still here in this tab. To continue, copy anything you
                want to keep, then reload the latest saved plan — reloading replaces the edits in this tab.
              </p>
              <div className="actions" style={{ marginTop: '0.5rem' }}>
                <button type="button" className="button button--small" onClick={() => void doReload()} disabled={busy}>
                  Reload the latest
                </button>
              </div>
            </>
          ) : (
            errorMessage(writeError)
          )}
        </div>
      )}
      {isPlanIncomplete(writeError) && (
        <p className="notice notice--warning" role="alert">
          The plan was not signed: {writeError.issues.length} finding
          {writeError.issues.length === 1 ? '' : 's'} to fix first (listed under Plan checks).
        </p>
      )}
      {canEdit && (
        <div className="actions plan-writing__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={doSave}
            disabled={!actions.canSave || busy}
            aria-keyshortcuts="Control+S"
          >
            {save.isPending ? 'Saving…' : 'Save draft'}
          </button>
          {hasRole('clinician') && (
            <button
              type="button"
              className="button"
              onClick={doSign}
              disabled={!actions.canSign || busy}
              aria-describedby={actions.signBlocked ? `${id}-sign-why` : undefined}
            >
              {sign.isPending ? 'Signing…' : 'Sign plan'}
            </button>
          )}
          {!confirmDiscard ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setConfirmDiscard(true)}
              disabled={!actions.canDiscard || busy}
            >
              Discard draft
            </button>
          ) : (
            <fieldset className="actions plan-writing__confirm" style={{ border: 0, margin: 0, padding: 0 }}>
              <legend className="visually-hidden">Confirm discarding the draft</legend>
              <span>
                {draft.revision > 0
                  ? `Discard the saved draft (revision ${draft.revision})${dirty ? ' and your unsaved changes' : ''}?`
                  : 'Discard your unsaved changes?'}
              </span>
              <button type="button" className="button button--danger button--small" onClick={() => void doDiscard()}>
                Discard
              </button>
              <button type="button" className="button button--small" onClick={() => setConfirmDiscard(false)}>
                Keep it
              </button>
            </fieldset>
          )}
          <Link to={`/clients/${clientId}/versions`} className="button button--link">
            Versions and compare
          </Link>
        </div>
      )}
      {canEdit && actions.signBlocked && hasRole('clinician') && (
        <p id={`${id}-sign-why`} className="field__hint">
          {actions.signBlocked}
        </p>
      )}
      {canCosign && signed && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => {
              reset();
              setMessage(null);
              cosign.mutate(
                { planId: signed.id, contentHash: signed.contentHash ?? '' },
                { onSuccess: (plan) => setMessage(`Co-signed version ${plan.version}.`) },
              );
            }}
          >
            {cosign.isPending ? 'Co-signing…' : `Co-sign version ${signed.version}`}
          </button>
        </div>
      )}
      <UnsavedChangesPrompt blocker={blocker} what="this plan" />
    </section>
  );
}

/** Who signed a version and when, its content hash, and the co-signature. */
function Signatures({ plan }: { readonly plan: Plan }) {
  const clinician = plan.clinicianSignature;
  const supervisor = plan.supervisorSignature;
  return (
    <dl className="plan-signatures" data-testid="plan-signatures">
      <dt>Signed</dt>
      <dd>
        {clinician
          ? `${clinician.name}${clinician.credentials ? `, ${clinician.credentials}` : ''} on ${formatDateTime(clinician.signedAt)}`
          : 'not recorded'}
      </dd>
      <dt>Co-signed</dt>
      <dd>
        {supervisor
          ? `${supervisor.name}${supervisor.credentials ? `, ${supervisor.credentials}` : ''} on ${formatDateTime(supervisor.signedAt)}`
          : 'not yet'}
      </dd>
      {plan.contentHash && (
        <>
          <dt>Content hash</dt>
          <dd>
            <code title={plan.contentHash}>{shortHash(plan.contentHash)}</code>
          </dd>
        </>
      )}
    </dl>
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
  clientDiagnoses,
  disabled,
  onChange,
}: {
  readonly plan: Plan;
  readonly clientDiagnoses: readonly Plan['diagnoses'][number][];
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
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field__label">Diagnoses on the plan</legend>
          {/* The client's recorded diagnoses, plus any the plan still carries that the record no longer has. */}
          {[...clientDiagnoses, ...plan.diagnoses.filter((d) => !clientDiagnoses.some((c) => c.id === d.id))].map(
            (diagnosis) => {
              const on = plan.diagnoses.some((d) => d.id === diagnosis.id);
              return (
                <label key={diagnosis.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={disabled}
                    onChange={() =>
                      onChange({
                        ...plan,
                        diagnoses: on
                          ? plan.diagnoses.filter((d) => d.id !== diagnosis.id)
                          : [...plan.diagnoses, diagnosis],
                      })
                    }
                  />
                  <span>
                    {diagnosis.code} {diagnosis.description}
                    {diagnosis.primary ? ' (primary)' : ''}
                  </span>
                </label>
              );
            },
          )}
          {clientDiagnoses.length === 0 && plan.diagnoses.length === 0 && (
            <p className="field__hint">
              The client has no diagnosis recorded yet; add it on the client's record, then tick it here.
            </p>
          )}
        </fieldset>
      </div>
    </details>
  );
}

/** Where a finding points, in words ("Goal 2 · objective 1"). */
function findingPlace(path: readonly (string | number)[] = []): string {
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

function PlanChecks({
  ctx,
  plan: current,
  blocking,
}: {
  readonly ctx: EditorContext;
  readonly plan: Plan;
  readonly blocking: readonly ApiIssue[];
}) {
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
      {blocking.length > 0 && (
        <div className="plan-checks__blocking" data-testid="sign-blocking">
          <h3 style={{ marginBottom: '0.25rem' }}>Signing was refused: fix these first</h3>
          <ul className="findings">
            {blocking.map((f) => (
              <li
                key={`${f.code}-${(f.path ?? []).join('.')}-${f.message}`}
                className={`finding finding--${f.severity}`}
              >
                <span className="finding__severity">{f.severity}</span>
                <span className="finding__message">
                  <strong>{findingPlace(f.path)}:</strong> {f.message}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
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
              <strong>{findingPlace(f.path)}:</strong> {f.message}
            </span>
            <span className="finding__suggestion">{f.suggestion}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
