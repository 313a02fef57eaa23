/**
 * The client's sessions (DESIGN 2.9, issue 11): the list with attendance and note status, a form to record a
 * session, and the note editor beside the plan's goals — tick the goals and objectives addressed, pick the
 * interventions delivered (or add one), write the DAP or SOAP sections (optionally filled from the drafted note, each
 * sentence from the session's own entries), homework and the risk section; save with the revision read, sign (the
 * session's clinician), and add addenda to a signed note. Psychotherapy notes are not shown here.
 *
 * @example
 * <Route path="sessions" element={<SessionsPage clientId={clientId} />} />
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-client.js';
import {
  type CreateSessionBody,
  fetchNoteDraft,
  type SessionDetail,
  useAddAddendum,
  useClientSessions,
  useCreateSession,
  useSaveNote,
  useSessionDetail,
  useSignNote,
} from '../../api/sessions-api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';
import {
  addIntervention,
  fillFromDraft,
  type NoteForm,
  noteFormOf,
  SECTION_LABELS,
  saveBodyOf,
  sectionText,
  toggleAdministration,
  toggleGoal,
  toggleIntervention,
  toggleObjective,
  withSection,
} from './note-form.js';

const MODALITY: Record<string, string> = { 'in-person': 'In person', video: 'Video', audio: 'Audio' };
const ATTENDANCE: Record<string, string> = {
  attended: 'Attended',
  cancelled: 'Cancelled',
  'late-cancel': 'Late cancel',
  'no-show': 'No-show',
};

export function SessionsPage({ clientId }: { readonly clientId: string }) {
  const id = useId();
  const { hasRole } = useSession();
  const sessions = useClientSessions(clientId);
  const [selected, setSelected] = useState<string | null>(null);
  const canWrite = hasRole('clinician', 'supervisor');

  if (sessions.isPending) return <p className="muted">Loading…</p>;
  if (sessions.isError) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(sessions.error)}
      </p>
    );
  }
  const items = sessions.data.items;
  return (
    <div className="sessions">
      <h2 id={`${id}-list`}>Sessions</h2>
      {items.length === 0 ? (
        <p className="muted">No session recorded yet.</p>
      ) : (
        <table className="table" aria-labelledby={`${id}-list`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Time</th>
              <th scope="col">Modality</th>
              <th scope="col">Attendance</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ session, note }) => (
              <tr key={session.id} aria-current={selected === session.id ? 'true' : undefined}>
                <td>{formatDate(session.date)}</td>
                <td>
                  {session.startTime}–{session.endTime}
                </td>
                <td>{MODALITY[session.modality]}</td>
                <td>{ATTENDANCE[session.attendance]}</td>
                <td>{note === null ? 'None' : note.status === 'signed' ? 'Signed' : 'Draft'}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => setSelected(session.id)}>
                    {note?.status === 'signed' ? 'View note' : 'Write note'}
                    <span className="visually-hidden"> for {formatDate(session.date)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <NewSessionForm clientId={clientId} onCreated={setSelected} />}
      {selected && <SessionNote key={selected} clientId={clientId} sessionId={selected} />}
    </div>
  );
}

function NewSessionForm({
  clientId,
  onCreated,
}: {
  readonly clientId: string;
  readonly onCreated: (id: string) => void;
}) {
  const id = useId();
  const { today } = useSession();
  const create = useCreateSession(clientId);
  const [form, setForm] = useState<CreateSessionBody>({
    date: today,
    startTime: '09:00',
    endTime: '09:50',
    serviceType: 'individual',
    modality: 'in-person',
    attendance: 'attended',
  });
  const set = (changes: Partial<CreateSessionBody>) => setForm((f) => ({ ...f, ...changes }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form, { onSuccess: (s) => onCreated(s.id) });
  };
  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Record a session</h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-date`}>
          Date
        </label>
        <input
          id={`${id}-date`}
          type="date"
          required
          value={form.date}
          onChange={(e) => set({ date: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-start`}>
          Start
        </label>
        <input
          id={`${id}-start`}
          type="time"
          required
          value={form.startTime}
          onChange={(e) => set({ startTime: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-end`}>
          End
        </label>
        <input
          id={`${id}-end`}
          type="time"
          required
          value={form.endTime}
          onChange={(e) => set({ endTime: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-service`}>
          Service type
        </label>
        <select
          id={`${id}-service`}
          value={form.serviceType}
          onChange={(e) => set({ serviceType: e.target.value as CreateSessionBody['serviceType'] })}
        >
          <option value="individual">Individual</option>
          <option value="group">Group</option>
          <option value="family">Family</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-modality`}>
          Modality
        </label>
        <select
          id={`${id}-modality`}
          value={form.modality}
          onChange={(e) => set({ modality: e.target.value as CreateSessionBody['modality'] })}
        >
          {Object.entries(MODALITY).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-attendance`}>
          Attendance
        </label>
        <select
          id={`${id}-attendance`}
          value={form.attendance}
          onChange={(e) => set({ attendance: e.target.value as CreateSessionBody['attendance'] })}
        >
          {Object.entries(ATTENDANCE).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Record session
        </button>
        {create.isError && (
          <span className="notice notice--error" role="alert">
            {errorMessage(create.error)}
          </span>
        )}
      </div>
    </form>
  );
}

function SessionNote({ clientId, sessionId }: { readonly clientId: string; readonly sessionId: string }) {
  const detail = useSessionDetail(clientId, sessionId);
  if (detail.isPending) return <p className="muted">Loading the session…</p>;
  if (detail.isError) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(detail.error)}
      </p>
    );
  }
  return detail.data.note?.status === 'signed' ? (
    <SignedNote clientId={clientId} detail={detail.data} />
  ) : (
    <NoteEditor clientId={clientId} detail={detail.data} />
  );
}

function NoteEditor({ clientId, detail }: { readonly clientId: string; readonly detail: SessionDetail }) {
  const id = useId();
  const { user, hasRole } = useSession();
  const { session, note, plan, noteFormat: format } = detail;
  const save = useSaveNote(clientId);
  const sign = useSignNote(clientId);
  const [form, setForm] = useState<NoteForm>(() => noteFormOf(note, format));
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [added, setAdded] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);

  useEffect(() => {
    setForm(noteFormOf(note, format));
    setDirty(false);
  }, [note, format]);

  const edit = (next: NoteForm) => {
    setForm(next);
    setDirty(true);
    setMessage(null);
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { sessionId: session.id, body: saveBodyOf(form, note?.revision ?? 0) },
      { onSuccess: (n) => setMessage(`Saved (revision ${n.revision}).`) },
    );
  };
  const onDraft = async () => {
    setDraftError(null);
    try {
      edit(fillFromDraft(form, await fetchNoteDraft(clientId, session.id)));
    } catch (error) {
      setDraftError(errorMessage(error));
    }
  };
  const canSign = hasRole('clinician') && user.id === session.clinicianId && note !== null && !dirty;
  const goals = (plan?.goals ?? []).filter((g) => g.status === 'active');

  return (
    <form className="form note-editor" onSubmit={onSave} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Note for the session of {formatDate(session.date)}, {session.startTime}–{session.endTime} (
        {format.toUpperCase()})
      </h3>
      <div className="note-editor__columns">
        <fieldset className="note-editor__plan">
          <legend>Plan goals addressed{plan ? ` (plan version ${plan.planVersion})` : ''}</legend>
          {goals.length === 0 && <p className="muted">No active goals in a signed plan.</p>}
          {goals.map((g) => {
            const ticked = form.goalsAddressed.find((a) => a.goalId === g.id);
            return (
              <div key={g.id} className="note-editor__goal">
                <label>
                  <input type="checkbox" checked={ticked !== undefined} onChange={() => edit(toggleGoal(form, g.id))} />{' '}
                  {g.statement}
                </label>
                <ul>
                  {g.objectives.map((o) => (
                    <li key={o.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={ticked?.objectiveIds.includes(o.id) ?? false}
                          onChange={() => edit(toggleObjective(form, g.id, o.id))}
                        />{' '}
                        {o.statement}
                      </label>
                      {o.interventions.length > 0 && (
                        <ul aria-label="Interventions">
                          {o.interventions.map((i) => (
                            <li key={i.id}>
                              <label>
                                <input
                                  type="checkbox"
                                  checked={form.interventions.some((x) => x.interventionId === i.id)}
                                  onChange={() => edit(toggleIntervention(form, i))}
                                />{' '}
                                Delivered: {i.name}
                              </label>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          {form.interventions.some((i) => i.interventionId === null) && (
            <p>
              Also delivered:{' '}
              {form.interventions
                .filter((i) => i.interventionId === null)
                .map((i) => i.name)
                .join(', ')}
            </p>
          )}
          <div className="field">
            <label className="field__label" htmlFor={`${id}-added`}>
              Add an intervention not in the plan
            </label>
            <input id={`${id}-added`} value={added} onChange={(e) => setAdded(e.target.value)} />
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                edit(addIntervention(form, added));
                setAdded('');
              }}
            >
              Add
            </button>
          </div>
        </fieldset>
        <div className="note-editor__note">
          <fieldset>
            <legend>Scores given in this session</legend>
            {detail.administrations.length === 0 && <p className="muted">No score recorded on this date.</p>}
            {detail.administrations.map((a) => (
              <div key={a.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={form.administrationIds.includes(a.id)}
                    onChange={() => edit(toggleAdministration(form, a.id))}
                  />{' '}
                  {a.label} {a.total}
                  {a.severity ? ` (${a.severity})` : ''}, {formatDate(a.administeredOn)}
                </label>
              </div>
            ))}
            <p>
              <Link to={`/clients/${clientId}/measures`}>Administer a measure</Link> (then come back to link it).
            </p>
          </fieldset>
          <button type="button" className="button button--small" onClick={onDraft}>
            Fill empty sections from the session’s entries
          </button>
          {draftError && (
            <span className="notice notice--error" role="alert">
              {draftError}
            </span>
          )}
          {SECTION_LABELS[form.sections.kind].map(([name, label]) => (
            <div className="field" key={name}>
              <label className="field__label" htmlFor={`${id}-${name}`}>
                {label}
              </label>
              <textarea
                id={`${id}-${name}`}
                rows={4}
                value={sectionText(form, name)}
                onChange={(e) => edit(withSection(form, name, e.target.value))}
              />
            </div>
          ))}
          <div className="field">
            <label className="field__label" htmlFor={`${id}-homework`}>
              Homework
            </label>
            <textarea
              id={`${id}-homework`}
              rows={2}
              value={form.homework}
              onChange={(e) => edit({ ...form, homework: e.target.value })}
            />
          </div>
          <fieldset>
            <legend>Risk</legend>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-risk-level`}>
                Risk level
              </label>
              <select
                id={`${id}-risk-level`}
                value={form.risk?.level ?? ''}
                onChange={(e) =>
                  edit({
                    ...form,
                    risk: e.target.value
                      ? { level: e.target.value as NonNullable<NoteForm['risk']>['level'], text: form.risk?.text ?? '' }
                      : null,
                  })
                }
              >
                <option value="">Not assessed</option>
                <option value="none-identified">None identified</option>
                <option value="low">Low</option>
                <option value="moderate">Moderate</option>
                <option value="high">High</option>
              </select>
            </div>
            {form.risk && (
              <div className="field">
                <label className="field__label" htmlFor={`${id}-risk-text`}>
                  What was assessed and done
                </label>
                <textarea
                  id={`${id}-risk-text`}
                  rows={3}
                  value={form.risk.text}
                  onChange={(e) => edit({ ...form, risk: form.risk ? { ...form.risk, text: e.target.value } : null })}
                />
              </div>
            )}
          </fieldset>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {note ? 'Save note' : 'Open note'}
        </button>
        {hasRole('clinician') && user.id === session.clinicianId && (
          <button
            type="button"
            className="button"
            disabled={!canSign || sign.isPending}
            onClick={() => note && sign.mutate({ sessionId: session.id, revision: note.revision })}
          >
            Sign note
          </button>
        )}
        {dirty && <span className="muted">Unsaved changes: save before signing.</span>}
        {message && (
          <span className="notice notice--success" role="status">
            {message}
          </span>
        )}
        {save.isError && (
          <span className="notice notice--error" role="alert">
            {errorMessage(save.error)}
          </span>
        )}
        {sign.isError && (
          <span className="notice notice--error" role="alert">
            {errorMessage(sign.error)}
          </span>
        )}
      </div>
    </form>
  );
}

function SignedNote({ clientId, detail }: { readonly clientId: string; readonly detail: SessionDetail }) {
  const id = useId();
  const { hasRole } = useSession();
  const { session, note, plan } = detail;
  const addendum = useAddAddendum(clientId);
  const [text, setText] = useState('');
  if (!note) return null;
  const goalStatement = (goalId: string) => plan?.goals.find((g) => g.id === goalId)?.statement ?? goalId;
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    addendum.mutate({ sessionId: session.id, text }, { onSuccess: () => setText('') });
  };
  return (
    <section className="signed-note" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Signed note for the session of {formatDate(session.date)}, {session.startTime}–{session.endTime}
      </h3>
      {note.signature && (
        <p className="muted">
          Signed by {note.signature.name}
          {note.signature.credentials ? `, ${note.signature.credentials}` : ''} on{' '}
          {formatDateTime(note.signature.signedAt)}
        </p>
      )}
      <dl>
        {SECTION_LABELS[note.sections.kind].map(([name, label]) => (
          <div key={name}>
            <dt>{label}</dt>
            <dd>{(note.sections as unknown as Record<string, string>)[name] || '—'}</dd>
          </div>
        ))}
        <dt>Goals addressed</dt>
        <dd>{note.goalsAddressed.map((g) => goalStatement(g.goalId)).join('; ') || '—'}</dd>
        <dt>Interventions delivered</dt>
        <dd>{note.interventions.map((i) => i.name).join(', ') || '—'}</dd>
        <dt>Homework</dt>
        <dd>{note.homework || '—'}</dd>
        <dt>Risk</dt>
        <dd>{note.risk ? `${note.risk.level}: ${note.risk.text}` : 'Not assessed'}</dd>
      </dl>
      <h4>Addenda</h4>
      {note.addenda.length === 0 ? (
        <p className="muted">No addendum.</p>
      ) : (
        <ul>
          {note.addenda.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              <span className="muted">
                — {a.authorName}, {formatDateTime(a.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {hasRole('clinician', 'supervisor') && (
        <form className="form" onSubmit={onAdd}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-addendum`}>
              Addendum
            </label>
            <textarea id={`${id}-addendum`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={addendum.isPending || !text.trim()}>
              Add addendum
            </button>
            {addendum.isError && (
              <span className="notice notice--error" role="alert">
                {errorMessage(addendum.error)}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
