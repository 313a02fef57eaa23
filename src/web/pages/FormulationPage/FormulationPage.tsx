/**
 * The formulation editor (DESIGN 2.1): the client's structured CBT formulation — problem areas, and elements by kind
 * (presenting problems, predisposing / precipitating / perpetuating / protective factors, the maintenance cycle, core
 * beliefs, rules and assumptions, safety behaviours, avoidance, strengths and values) — with the goal library's
 * pick-list of common maintaining factors for each chosen problem area (and the interventions that address them), and
 * the narrative drafted in the browser by `draftFormulation` as the clinician types. Every sentence of the draft shows
 * where it came from: a numbered note lists its elements, and hovering or focusing the sentence highlights them.
 *
 * Saving sends the whole formulation; kept elements send their ids (goals link to them). The state line says whether
 * everything is saved; leaving with unsaved changes asks first (beforeunload and a router blocker); Ctrl+S saves.
 * Auditors read it without editing.
 *
 * @example
 * <Route path="formulation" element={<FormulationPage clientId={clientId} data={data} />} />
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type DraftSentence, draftFormulation } from '../../../domain/formulation/draft-formulation.js';
import {
  type FormulationElementKind,
  ProblemArea,
  type ProblemArea as ProblemAreaName,
} from '../../../domain/formulation/formulation.js';
import { getCbtIntervention } from '../../../domain/goal-library/cbt-intervention.js';
import { getProblemModel, listProblemModels } from '../../../domain/goal-library/list-problem-models.js';
import type { MaintainingFactor } from '../../../domain/goal-library/problem-model.js';
import { errorMessage } from '../../api/api-client.js';
import { useSaveFormulation } from '../../api/formulation-api.js';
import {
  UnsavedChangesPrompt,
  useUnsavedChangesGuard,
} from '../../components/UnsavedChangesGuard/UnsavedChangesGuard.js';
import { useSession } from '../../session/session.js';
import type { ClientData } from '../ClientPage/use-client-data.js';
import {
  addElement,
  adoptSaved,
  type ElementEdit,
  editStateFrom,
  type FormulationEdit,
  isSameFormulation,
  removeElement,
  saveBodyOf,
  toDraftInput,
  toggleProblemArea,
  updateElementText,
} from './formulation-edit.js';
import { KIND_LABELS, KIND_SECTIONS } from './formulation-kinds.js';

const AREA_ORDER = Object.values(ProblemArea);
const MODEL_NAMES = new Map<string, string>(listProblemModels().map((m) => [m.id, m.name]));

export function FormulationPage({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const loaded = data.formulation;
  if (loaded.isPending) return <p className="page-loading">Loading the formulation…</p>;
  if (loaded.isError) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(loaded.error)}
      </p>
    );
  }
  const client = data.record.data?.client;
  const subject = client ? client.preferredName || client.firstName : undefined;
  return <FormulationEditor clientId={clientId} saved={loaded.data ?? null} subject={subject} />;
}

function FormulationEditor({
  clientId,
  saved,
  subject,
}: {
  readonly clientId: string;
  readonly saved: Parameters<typeof editStateFrom>[0];
  readonly subject: string | undefined;
}) {
  const { hasRole } = useSession();
  const readOnly = !hasRole('clinician', 'supervisor');
  const id = useId();
  const [baseline, setBaseline] = useState<FormulationEdit>(() => editStateFrom(saved));
  const [state, setState] = useState<FormulationEdit>(baseline);
  const [exists, setExists] = useState(saved !== null);
  const [highlight, setHighlight] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const focusKey = useRef<string | null>(null);
  const save = useSaveFormulation(clientId);
  const dirty = !isSameFormulation(state, baseline);

  // A newly added element takes the focus once it is on the page.
  useEffect(() => {
    if (focusKey.current === null) return;
    document.getElementById(elementFieldId(id, focusKey.current))?.focus();
    focusKey.current = null;
  });

  // Leaving with unsaved changes asks first: closing or reloading the tab, and moving elsewhere in the app.
  const blocker = useUnsavedChangesGuard(dirty);

  const doSave = () => {
    if (readOnly || !dirty || save.isPending) return;
    setMessage(null);
    const sent = state;
    save.mutate(saveBodyOf(sent), {
      onSuccess: (answer) => {
        const next = adoptSaved(sent, answer);
        setBaseline(next);
        setState(next);
        setExists(true);
        setMessage('Formulation saved.');
      },
    });
  };
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

  const add = (element: Parameters<typeof addElement>[1]) => {
    const result = addElement(state, element);
    focusKey.current = result.key;
    setState(result.state);
    setMessage(null);
  };
  const edit = (next: FormulationEdit) => {
    setState(next);
    setMessage(null);
  };

  const draft = useMemo(
    () => draftFormulation(toDraftInput(state, clientId), subject ? { subject } : {}),
    [state, clientId, subject],
  );
  const byKey = useMemo(() => new Map(state.elements.map((e) => [e.key, e])), [state.elements]);
  const pickedKeys = useMemo(
    () => new Set(state.elements.flatMap((e) => (e.libraryKey ? [e.libraryKey] : []))),
    [state.elements],
  );

  const stateText = save.isPending
    ? 'Saving…'
    : dirty
      ? 'Unsaved changes'
      : exists
        ? 'All changes saved'
        : 'No formulation saved yet';

  return (
    <div className="formulation-editor">
      <div className="formulation-editor__bar card">
        <p
          className={`formulation-editor__state ${dirty ? 'is-dirty' : 'is-saved'}`}
          role="status"
          data-testid="formulation-save-state"
        >
          {stateText}
        </p>
        {message && !dirty && <p className="muted formulation-editor__message">{message}</p>}
        {!readOnly && (
          <button
            type="button"
            className="button button--primary"
            onClick={doSave}
            disabled={!dirty || save.isPending}
            aria-keyshortcuts="Control+S"
          >
            {save.isPending ? 'Saving…' : 'Save formulation'}
          </button>
        )}
      </div>
      {save.isError && (
        <p className="notice notice--error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
      {readOnly && <p className="notice notice--info">You can read this formulation; your role does not edit it.</p>}
      <UnsavedChangesPrompt blocker={blocker} what="this formulation" />

      <div className="formulation-editor__layout">
        <div className="formulation-editor__main">
          <fieldset className="card formulation-areas" disabled={readOnly}>
            <legend className="card__title">
              <h2>Problem areas</h2>
            </legend>
            <p className="field__hint">Each area adds its list of common maintaining factors below.</p>
            <div className="formulation-areas__list">
              {listProblemModels().map((model) => (
                <label key={model.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={state.problemAreas.includes(model.problemArea)}
                    onChange={(e) => edit(toggleProblemArea(state, model.problemArea, e.target.checked, AREA_ORDER))}
                  />
                  <span>{model.name}</span>
                </label>
              ))}
            </div>
          </fieldset>

          {state.problemAreas.map((area) => (
            <PickList key={area} area={area} picked={pickedKeys} readOnly={readOnly} onPick={add} />
          ))}

          {KIND_SECTIONS.map((section) => (
            <section key={section.title} className="card formulation-section" aria-label={section.title}>
              <h2 className="card__title">{section.title}</h2>
              {section.kinds.map((kind) => (
                <KindGroup
                  key={kind}
                  baseId={id}
                  kind={kind}
                  elements={state.elements.filter((e) => e.kind === kind)}
                  highlight={highlight}
                  readOnly={readOnly}
                  onAdd={() => add({ kind })}
                  onChange={(key, text) => edit(updateElementText(state, key, text))}
                  onRemove={(key) => edit(removeElement(state, key))}
                />
              ))}
            </section>
          ))}
        </div>

        <aside className="formulation-editor__side card" aria-labelledby={`${id}-narrative`}>
          <h2 id={`${id}-narrative`} className="card__title">
            Narrative draft
          </h2>
          <Narrative
            baseId={id}
            sentences={draft.paragraphs.map((p) => p.sentences)}
            byKey={byKey}
            onHighlight={setHighlight}
          />
        </aside>
      </div>
    </div>
  );
}

/** An element's text without the quotation marks around it (the note adds its own). */
function unquoted(text: string): string {
  return text.trim().replace(/^["“'‘]+|["”'’]+$/g, '');
}

function elementFieldId(baseId: string, key: string): string {
  return `${baseId}-element-${key}`;
}

/** The pick-list of one problem area: its common maintaining factors, each addable as an element. */
function PickList({
  area,
  picked,
  readOnly,
  onPick,
}: {
  readonly area: ProblemAreaName;
  readonly picked: ReadonlySet<string>;
  readonly readOnly: boolean;
  readonly onPick: (element: { kind: FormulationElementKind; text: string; libraryKey: string }) => void;
}) {
  const model = getProblemModel(area);
  const headingId = useId();
  return (
    <section className="card formulation-picklist" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Common maintaining factors: {model.name}
      </h2>
      <p className="field__hint">{model.note}</p>
      <ul className="formulation-picklist__items">
        {model.maintainingFactors.map((factor) => (
          <FactorItem
            key={factor.key}
            factor={factor}
            added={picked.has(factor.key)}
            readOnly={readOnly}
            onPick={onPick}
          />
        ))}
      </ul>
    </section>
  );
}

function FactorItem({
  factor,
  added,
  readOnly,
  onPick,
}: {
  readonly factor: MaintainingFactor;
  readonly added: boolean;
  readonly readOnly: boolean;
  readonly onPick: (element: { kind: FormulationElementKind; text: string; libraryKey: string }) => void;
}) {
  const selectId = useId();
  const [kind, setKind] = useState<FormulationElementKind>(factor.elementKinds[0] ?? 'perpetuating');
  const interventions = [
    ...new Set(
      factor.objectives.flatMap((o) => o.interventions.map((i) => getCbtIntervention(i.interventionId)?.name ?? '')),
    ),
  ].filter((name) => name !== '');
  return (
    <li className="formulation-factor" data-testid="maintaining-factor">
      <div className="formulation-factor__text">
        <strong>{factor.name}</strong>
        <p className="muted">{factor.description}</p>
        {interventions.length > 0 && (
          <p className="formulation-factor__interventions">Addressed by: {interventions.join(', ')}</p>
        )}
      </div>
      {added ? (
        <span className="badge badge--neutral">In the formulation</span>
      ) : (
        !readOnly && (
          <div className="formulation-factor__actions">
            {factor.elementKinds.length > 1 && (
              <>
                <label className="visually-hidden" htmlFor={selectId}>
                  Record “{factor.name}” as
                </label>
                <select
                  id={selectId}
                  className="select"
                  value={kind}
                  onChange={(e) => setKind(e.target.value as FormulationElementKind)}
                >
                  {factor.elementKinds.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k].one}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button
              type="button"
              className="button button--small"
              aria-label={`Add “${factor.name}”`}
              onClick={() => onPick({ kind, text: factor.name, libraryKey: factor.key })}
            >
              Add
            </button>
          </div>
        )
      )}
    </li>
  );
}

/** The elements of one kind, each a text field, and the button to add one. */
function KindGroup({
  baseId,
  kind,
  elements,
  highlight,
  readOnly,
  onAdd,
  onChange,
  onRemove,
}: {
  readonly baseId: string;
  readonly kind: FormulationElementKind;
  readonly elements: readonly ElementEdit[];
  readonly highlight: ReadonlySet<string>;
  readonly readOnly: boolean;
  readonly onAdd: () => void;
  readonly onChange: (key: string, text: string) => void;
  readonly onRemove: (key: string) => void;
}) {
  const label = KIND_LABELS[kind];
  const headingId = `${baseId}-kind-${kind}`;
  return (
    <div className="formulation-kind">
      <h3 id={headingId} className="formulation-kind__title">
        {label.many} <span className="muted formulation-kind__prompt">{label.prompt}</span>
      </h3>
      {elements.length > 0 && (
        <ol className="formulation-kind__elements">
          {elements.map((element, index) => {
            const fieldId = elementFieldId(baseId, element.key);
            const list = element.libraryKey ? MODEL_NAMES.get(element.libraryKey.split('.')[0] ?? '') : undefined;
            return (
              <li
                key={element.key}
                className={`formulation-element${highlight.has(element.key) ? ' is-highlighted' : ''}`}
                data-testid="formulation-element"
              >
                <label className="visually-hidden" htmlFor={fieldId}>
                  {label.one} {index + 1}
                </label>
                <textarea
                  id={fieldId}
                  className="textarea formulation-element__text"
                  rows={1}
                  value={element.text}
                  readOnly={readOnly}
                  onChange={(e) => onChange(element.key, e.target.value)}
                />
                <div className="formulation-element__meta">
                  {list && <span className="badge badge--neutral">from the {list} list</span>}
                  {!readOnly && (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={`Remove ${label.one.toLowerCase()} ${index + 1}`}
                      onClick={() => onRemove(element.key)}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <button type="button" className="button button--small formulation-kind__add" onClick={onAdd}>
          Add {label.one.toLowerCase()}
        </button>
      )}
    </div>
  );
}

/**
 * The drafted narrative. Each sentence is a button: hovering or focusing it highlights its elements, pressing it moves
 * to the first one; its numbered note (read with it, through aria-describedby) lists the elements it came from.
 */
function Narrative({
  baseId,
  sentences,
  byKey,
  onHighlight,
}: {
  readonly baseId: string;
  readonly sentences: readonly (readonly DraftSentence[])[];
  readonly byKey: ReadonlyMap<string, ElementEdit>;
  readonly onHighlight: (keys: ReadonlySet<string>) => void;
}) {
  if (sentences.length === 0) {
    return (
      <p className="empty">
        Add elements (or pick from a problem area's list) and the narrative is drafted here, each sentence with the
        elements it came from.
      </p>
    );
  }
  let number = 0;
  const numbered = sentences.map((paragraph) => paragraph.map((sentence) => ({ sentence, n: ++number })));
  const noteId = (n: number) => `${baseId}-source-${n}`;
  const clear = () => onHighlight(new Set());
  return (
    <>
      <p className="field__hint">
        Drafted from the elements as you type; copy it into your notes to edit it. Hover or focus a sentence to
        highlight the elements it came from.
      </p>
      <div className="narrative" data-testid="formulation-narrative">
        {numbered.map((paragraph) => (
          <p key={paragraph[0]?.n}>
            {paragraph.map(({ sentence, n }) => (
              <Fragment key={n}>
                <button
                  type="button"
                  className="narrative__sentence"
                  aria-describedby={noteId(n)}
                  data-testid="narrative-sentence"
                  onMouseEnter={() => onHighlight(new Set(sentence.elementIds))}
                  onMouseLeave={clear}
                  onFocus={() => onHighlight(new Set(sentence.elementIds))}
                  onBlur={clear}
                  onClick={() => {
                    const first = sentence.elementIds[0];
                    if (first) document.getElementById(elementFieldId(baseId, first))?.focus();
                  }}
                >
                  {sentence.text}
                  <sup className="narrative__mark" aria-hidden="true">
                    {n}
                  </sup>
                </button>{' '}
              </Fragment>
            ))}
          </p>
        ))}
      </div>
      <h3 className="narrative__sources-title">Where each sentence came from</h3>
      <ol className="narrative__sources" data-testid="narrative-sources">
        {numbered.flat().map(({ sentence, n }) => (
          <li key={n} id={noteId(n)} value={n}>
            From{' '}
            {sentence.elementIds
              .map((key) => byKey.get(key))
              .filter((e): e is ElementEdit => e !== undefined)
              .map((e) => `${KIND_LABELS[e.kind].one.toLowerCase()} “${unquoted(e.text)}”`)
              .join('; ')}
            .
          </li>
        ))}
      </ol>
    </>
  );
}
