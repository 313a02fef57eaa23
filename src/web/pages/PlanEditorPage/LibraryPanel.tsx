/**
 * "Start from the goal library": pick a problem model, see its goals and objectives drafted with this client's
 * baseline, tick what to adopt (the ready drafts are ticked), and add them to the plan in one action. Drafts that
 * still miss a baseline are shown with what is missing and left unticked.
 *
 * @example
 * <LibraryPanel context={libraryContext} open={draft.goals.length === 0} onAdopt={(goals) => …} />
 */
import { useId, useMemo, useState } from 'react';
import type { ProblemArea } from '../../../domain/formulation/formulation.js';
import { listProblemModels } from '../../../domain/goal-library/list-problem-models.js';
import type { PlanGoal } from '../../api/clients-api.js';
import {
  adoptLibraryDrafts,
  defaultPicks,
  isReady,
  type LibraryContext,
  libraryOffer,
  pickKey,
} from './plan-from-library.js';

/**
 * The model offered first: the formulation's first problem area; else the first model whose goal instrument the
 * client has a score on; else the first model.
 *
 * @example
 * preferredModel({ ...context, latestScores: { phq9: 17 } }) // 'depression'
 */
export function preferredModel(context: LibraryContext): ProblemArea {
  const models = listProblemModels();
  const fromFormulation = context.formulation?.problemAreas[0];
  if (fromFormulation) return fromFormulation;
  const scored = models.find((model) =>
    model.goals.some(
      (goal) =>
        goal.measure.kind === 'instrument' && goal.measure.instrumentIds.some((id) => id in context.latestScores),
    ),
  );
  return (scored ?? models[0])?.problemArea ?? 'depression';
}

export function LibraryPanel({
  context,
  open,
  onAdopt,
}: {
  readonly context: LibraryContext;
  /** Shown unfolded (a plan without goals starts here). */
  readonly open: boolean;
  readonly onAdopt: (make: (firstPosition: number) => PlanGoal[]) => void;
}) {
  const id = useId();
  const [area, setArea] = useState<ProblemArea>(() => preferredModel(context));
  const model = listProblemModels().find((m) => m.problemArea === area) ?? listProblemModels()[0];
  const offer = useMemo(() => (model ? libraryOffer(model, context) : null), [model, context]);
  const [picks, setPicks] = useState<ReadonlySet<string> | null>(null);
  const chosen = picks ?? (offer ? defaultPicks(offer) : new Set<string>());
  if (!offer) return null;

  const toggle = (key: string) => {
    const next = new Set(chosen);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setPicks(next);
  };
  const goalCount = offer.goals.filter((_, g) => chosen.has(pickKey(g))).length;
  const objectiveCount = offer.goals.reduce(
    (sum, goal, g) =>
      chosen.has(pickKey(g)) ? sum + goal.objectives.filter((_, o) => chosen.has(pickKey(g, o))).length : sum,
    0,
  );
  const missingNote = (missing: readonly string[]) =>
    missing.length > 0 ? ` — needs ${missing.map((slot) => `a ${slot}`).join(' and ')} before it is ready` : '';

  return (
    <details className="card plan-library" open={open} data-testid="plan-library">
      <summary>
        <h2 id={`${id}-title`} style={{ display: 'inline', fontSize: '1.1rem' }}>
          Start from the goal library
        </h2>
      </summary>
      <div className="field" style={{ marginTop: '0.75rem' }}>
        <label className="field__label" htmlFor={`${id}-model`}>
          Problem area
        </label>
        <select
          id={`${id}-model`}
          className="select"
          value={area}
          onChange={(e) => {
            setArea(e.target.value as ProblemArea);
            setPicks(null);
          }}
        >
          {listProblemModels().map((m) => (
            <option key={m.problemArea} value={m.problemArea}>
              {m.name}
            </option>
          ))}
        </select>
        <p className="field__hint">
          Drafted with this client's latest scores and counts; ticked items are ready as they stand. {offer.model.note}
        </p>
      </div>
      <ul className="plan-library__items" aria-label={`Goals from the ${offer.model.name} model`}>
        {offer.goals.map((goal, g) => (
          <li key={goal.libraryId}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(pickKey(g))}
                onChange={() => toggle(pickKey(g))}
                data-testid="library-goal"
              />
              <span>
                <strong>Goal:</strong> {goal.statement}
                {!isReady(goal) && <span className="muted">{missingNote(goal.missing)}</span>}
              </span>
            </label>
            {goal.objectives.length > 0 && (
              <ul>
                {goal.objectives.map((objective, o) => (
                  <li key={objective.libraryId}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={chosen.has(pickKey(g, o))}
                        disabled={!chosen.has(pickKey(g))}
                        onChange={() => toggle(pickKey(g, o))}
                      />
                      <span>
                        {objective.statement}{' '}
                        <span className="muted">
                          ({objective.interventions.map((i) => i.name).join(', ')})
                          {!isReady(objective) && missingNote(objective.missing)}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={goalCount === 0}
          onClick={() => {
            onAdopt((first) => adoptLibraryDrafts(offer, chosen, context.today, first));
            setPicks(null);
          }}
        >
          Add {goalCount} goal{goalCount === 1 ? '' : 's'} and {objectiveCount} objective
          {objectiveCount === 1 ? '' : 's'} to the plan
        </button>
      </div>
    </details>
  );
}
