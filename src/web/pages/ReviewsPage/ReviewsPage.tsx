/**
 * The client's reviews (DESIGN 2.6): when the next review is due, the "review plan" tasks raised by lack of progress,
 * the open draft review — drafted from the data, per goal the score changes with reliable-change flags, objectives and
 * interventions, and the clinician's outcome, decision and note — with save and sign, and the signed reviews.
 * Signing sets each goal's lifecycle status; a `revise` decision leads to the plan tab to draft the next version.
 *
 * @example
 * <Route path="reviews" element={<ReviewsPage clientId={clientId} />} />
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-client.js';
import {
  type Review,
  type ReviewGoal,
  useClientReviews,
  useSaveReview,
  useSignReview,
  useStartReview,
} from '../../api/reviews-api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';
import {
  type ReviewForm,
  type ReviewFormGoal,
  reliableChangeWords,
  reviewFormOf,
  signBlockedReason,
  signedChange,
  taskWords,
} from './review-form.js';

const OUTCOMES = [
  ['met', 'Met'],
  ['partially-met', 'Partially met'],
  ['not-met', 'Not met'],
] as const;
const DECISIONS = [
  ['continue', 'Continue'],
  ['revise', 'Revise (new plan version)'],
  ['discontinue', 'Discontinue'],
] as const;

export function ReviewsPage({ clientId }: { readonly clientId: string }) {
  const id = useId();
  const { hasRole } = useSession();
  const reviews = useClientReviews(clientId);
  const start = useStartReview(clientId);
  const [signedMessage, setSignedMessage] = useState<{ text: string; revise: boolean } | null>(null);

  if (reviews.isPending) return <p className="muted">Loading…</p>;
  if (reviews.isError) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(reviews.error)}
      </p>
    );
  }
  const { schedule, tasks, items } = reviews.data;
  const draft = items.find((r) => r.status === 'draft') ?? null;
  const signed = items.filter((r) => r.status === 'signed');
  const canWrite = hasRole('clinician', 'supervisor');

  return (
    <div className="reviews">
      <h2 id={`${id}-schedule`}>Review schedule</h2>
      {schedule === null ? (
        <p className="muted">This client has no signed plan yet; a review follows the first signed version.</p>
      ) : (
        <p data-testid="review-due">
          Next review of plan version {schedule.planVersion} due <strong>{formatDate(schedule.dueDate)}</strong>
          {schedule.state === 'overdue' && (
            <span className="badge badge--overdue"> overdue by {schedule.days} days</span>
          )}
          {schedule.state === 'due' && <span className="badge badge--warning"> due in {schedule.days} days</span>}
          {schedule.state === 'not-due' && <span className="muted"> (in {schedule.days} days)</span>}
        </p>
      )}
      {tasks.length > 0 && (
        <section aria-labelledby={`${id}-tasks`}>
          <h3 id={`${id}-tasks`}>Review-plan tasks (lack of progress)</h3>
          <ul data-testid="review-tasks">
            {tasks.map((t) => (
              <li key={`${t.goalId}-${t.targetId}-${t.reason}`}>
                Goal {goalLabel(t.goalId, draft, signed)}: {taskWords(t)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {signedMessage && (
        <p className="notice notice--success" role="status">
          {signedMessage.text}{' '}
          {signedMessage.revise && (
            <Link to={`/clients/${clientId}/plan`}>Open the plan to draft the next version.</Link>
          )}
        </p>
      )}
      {draft && schedule !== null && draft.planId !== schedule.planId && canWrite && (
        <div className="notice notice--warning" role="status">
          This review was drafted on plan version {draft.planVersion}; version {schedule.planVersion} has been signed
          since.{' '}
          <button
            type="button"
            className="button button--small"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            Draft it again on version {schedule.planVersion}
          </button>
        </div>
      )}
      {draft ? (
        <DraftReview
          key={draft.id}
          clientId={clientId}
          review={draft}
          canWrite={canWrite}
          canSign={hasRole('clinician')}
          onSigned={(text, revise) => setSignedMessage({ text, revise })}
        />
      ) : (
        schedule !== null &&
        canWrite && (
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={start.isPending}
              onClick={() => {
                setSignedMessage(null);
                start.mutate();
              }}
            >
              {start.isPending ? 'Drafting…' : 'Start review'}
            </button>
            {start.isError && (
              <span className="notice notice--error" role="alert">
                {errorMessage(start.error)}
              </span>
            )}
          </div>
        )
      )}
      <h2 id={`${id}-signed`}>Signed reviews</h2>
      {signed.length === 0 ? (
        <p className="muted">No signed review yet.</p>
      ) : (
        signed.map((r) => <SignedReview key={r.id} review={r} />)
      )}
    </div>
  );
}

function goalLabel(goalId: string, draft: Review | null, signed: readonly Review[]): string {
  for (const r of [draft, ...signed]) {
    const g = r?.goals.find((x) => x.goalId === goalId);
    if (g) return `“${g.statement.length > 80 ? `${g.statement.slice(0, 80)}…` : g.statement}”`;
  }
  return '(not in a review yet)';
}

function DraftReview(props: {
  readonly clientId: string;
  readonly review: Review;
  readonly canWrite: boolean;
  readonly canSign: boolean;
  readonly onSigned: (text: string, revise: boolean) => void;
}) {
  const { clientId, review, canWrite, canSign, onSigned } = props;
  const id = useId();
  const save = useSaveReview(clientId);
  const sign = useSignReview(clientId);
  const [form, setForm] = useState<ReviewForm>(() => reviewFormOf(review));
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // A saved revision from the server replaces the form (after our own save, or a reload).
  useEffect(() => {
    setForm(reviewFormOf(review));
    setDirty(false);
  }, [review]);

  const edit = (changes: Partial<ReviewForm>) => {
    setForm((f) => ({ ...f, ...changes }));
    setDirty(true);
    setMessage(null);
  };
  const editGoal = (goalId: string, changes: Partial<ReviewFormGoal>) =>
    edit({ goals: form.goals.map((g) => (g.goalId === goalId ? { ...g, ...changes } : g)) });

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { reviewId: review.id, body: { ...form, revision: review.revision } },
      { onSuccess: (r) => setMessage(`Saved (revision ${r.revision}).`) },
    );
  };
  const blocked = signBlockedReason(form, dirty);
  const busy = save.isPending || sign.isPending;

  return (
    <form className="form review-draft" onSubmit={onSave} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Draft review of plan version {review.planVersion}{' '}
        <span className="badge badge--warning">revision {review.revision}</span>
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-date`}>
          Review date
        </label>
        <input
          id={`${id}-date`}
          type="date"
          value={form.reviewDate}
          disabled={!canWrite}
          onChange={(e) => edit({ reviewDate: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-next`}>
          Next review date
        </label>
        <input
          id={`${id}-next`}
          type="date"
          value={form.nextReviewDate}
          disabled={!canWrite}
          aria-describedby={`${id}-next-hint`}
          onChange={(e) => edit({ nextReviewDate: e.target.value })}
        />
        <p id={`${id}-next-hint`} className="field__hint">
          At most a year after the review date.
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-summary`}>
          Summary
        </label>
        <textarea
          id={`${id}-summary`}
          rows={3}
          value={form.summary}
          disabled={!canWrite}
          onChange={(e) => edit({ summary: e.target.value })}
        />
      </div>
      {review.goals.length === 0 && <p className="muted">No goal is still being worked on.</p>}
      {review.goals.map((goal, i) => {
        const value = form.goals.find((g) => g.goalId === goal.goalId);
        return (
          <fieldset key={goal.goalId} className="review-goal" data-testid="review-goal">
            <legend>
              Goal {i + 1}: {goal.statement}
            </legend>
            <GoalData goal={goal} />
            <div className="field">
              <label className="field__label" htmlFor={`${id}-${i}-outcome`}>
                Outcome
              </label>
              <select
                id={`${id}-${i}-outcome`}
                value={value?.outcome ?? ''}
                disabled={!canWrite}
                onChange={(e) =>
                  editGoal(goal.goalId, { outcome: e.target.value === '' ? null : (e.target.value as 'met') })
                }
              >
                <option value="">Choose…</option>
                {OUTCOMES.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-${i}-decision`}>
                Decision
              </label>
              <select
                id={`${id}-${i}-decision`}
                value={value?.decision ?? ''}
                disabled={!canWrite}
                onChange={(e) =>
                  editGoal(goal.goalId, { decision: e.target.value === '' ? null : (e.target.value as 'continue') })
                }
              >
                <option value="">Choose…</option>
                {DECISIONS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-${i}-note`}>
                Note
              </label>
              <textarea
                id={`${id}-${i}-note`}
                rows={2}
                value={value?.note ?? ''}
                disabled={!canWrite}
                onChange={(e) => editGoal(goal.goalId, { note: e.target.value })}
              />
            </div>
          </fieldset>
        );
      })}
      {canWrite && (
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !dirty}>
            {save.isPending ? 'Saving…' : 'Save draft'}
          </button>
          {canSign && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || blocked !== null}
              aria-describedby={blocked ? `${id}-sign-why` : undefined}
              onClick={() =>
                sign.mutate(
                  { reviewId: review.id, revision: review.revision },
                  {
                    onSuccess: (r) =>
                      onSigned(
                        `Review signed. The next review is due ${formatDate(r.review.nextReviewDate)}.`,
                        r.revisePlan,
                      ),
                  },
                )
              }
            >
              {sign.isPending ? 'Signing…' : 'Sign review'}
            </button>
          )}
        </div>
      )}
      {canSign && blocked && (
        <p id={`${id}-sign-why`} className="field__hint">
          {blocked}
        </p>
      )}
      {message && (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      )}
      {(save.isError || sign.isError) && (
        <p className="notice notice--error" role="alert">
          {errorMessage(save.error ?? sign.error)}
        </p>
      )}
    </form>
  );
}

/** The drafted data of one goal: targets with the change since the last review, objectives and interventions. */
function GoalData({ goal }: { readonly goal: ReviewGoal }) {
  return (
    <>
      <p className="muted">
        Progress: {goal.progress} · status when drafted: {goal.statusAtReview}
      </p>
      {goal.targets.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">Score changes since the last review or the baseline</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Change</th>
                <th scope="col">Reliable change</th>
                <th scope="col">Target status</th>
              </tr>
            </thead>
            <tbody>
              {goal.targets.map((t) => (
                <tr key={t.targetId}>
                  <td>{t.label}</td>
                  <td>
                    {t.from ?? '—'}{' '}
                    <span className="muted">({t.fromSource === 'last-review' ? 'last review' : 'baseline'})</span>
                  </td>
                  <td>
                    {t.to === null ? '—' : Math.round(t.to * 10) / 10}
                    {t.toDate && <span className="muted"> ({formatDate(t.toDate)})</span>}
                  </td>
                  <td>{signedChange(t.change)}</td>
                  <td>{reliableChangeWords(t.reliableChange)}</td>
                  <td>{t.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {goal.objectives.length > 0 && (
        <ul className="review-objectives">
          {goal.objectives.map((o) => (
            <li key={o.objectiveId}>
              {o.statement} <span className="muted">({o.progress})</span>
              {o.interventions.length > 0 && <span className="muted"> — {o.interventions.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {goal.tasks.length > 0 && (
        <p className="notice notice--warning">Review plan: {goal.tasks.map(taskWords).join('; ')}.</p>
      )}
    </>
  );
}

function SignedReview({ review }: { readonly review: Review }) {
  return (
    <details className="review-signed" data-testid="signed-review">
      <summary>
        {formatDate(review.reviewDate)} — plan version {review.planVersion}, signed by {review.signature?.name}
        {review.signature?.credentials ? `, ${review.signature.credentials}` : ''}
        {review.signature && ` on ${formatDateTime(review.signature.signedAt)}`}; next review{' '}
        {formatDate(review.nextReviewDate)}
      </summary>
      {review.summary && <p>{review.summary}</p>}
      <ul>
        {review.goals.map((g) => (
          <li key={g.goalId}>
            <strong>{g.statement}</strong>: {g.outcome ?? '—'}, {g.decision ?? '—'}
            {g.note && ` — ${g.note}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
