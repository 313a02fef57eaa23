/**
 * The client's diagnoses (ICD-10-CM) and a form to record one: type a code or words, pick from the offline list of
 * behavioural-health codes (reference/icd10cm-behavioral.tsv), mark it primary. The plan editor offers these
 * diagnoses for the plan (payers need at least one, with its code: reference/payer-requirements.md).
 *
 * @example
 * <DiagnosesCard clientId={clientId} diagnoses={record.diagnoses} canEdit />
 */
import { useId, useMemo, useState } from 'react';
import { findIcd10cm, searchIcd10cm } from '../../../domain/diagnoses/icd10cm.js';
import { errorMessage } from '../../api/api-client.js';
import { useAddDiagnosis } from '../../api/clients-api.js';

interface Diagnosis {
  readonly id: string;
  readonly code: string;
  readonly description: string;
  readonly primary: boolean;
}

export function DiagnosesCard({
  clientId,
  diagnoses,
  canEdit,
}: {
  readonly clientId: string;
  readonly diagnoses: readonly Diagnosis[];
  readonly canEdit: boolean;
}) {
  const id = useId();
  const add = useAddDiagnosis(clientId);
  const [query, setQuery] = useState('');
  const [primary, setPrimary] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const matches = useMemo(() => searchIcd10cm(query, 12), [query]);
  // The picked code: what was typed, when it is a listed code or an option's "code — description".
  const picked = findIcd10cm(query.split(' — ')[0] ?? '');
  const hasPrimary = diagnoses.some((d) => d.primary);

  const submit = () => {
    if (!picked) return;
    setMessage(null);
    add.mutate(
      { code: picked.code, description: picked.description, primary: primary && !hasPrimary },
      {
        onSuccess: () => {
          setMessage(`Recorded ${picked.code} ${picked.description}.`);
          setQuery('');
          setPrimary(false);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="diagnoses">
      <h2 id={`${id}-title`}>Diagnoses</h2>
      {diagnoses.length === 0 ? (
        <p className="muted">No diagnosis recorded.</p>
      ) : (
        <ul className="plain-list">
          {diagnoses.map((d) => (
            <li key={d.id}>
              <strong>{d.code}</strong> {d.description}
              {d.primary && <span className="badge badge--neutral"> primary</span>}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-code`}>
              Add a diagnosis (ICD-10-CM code or words)
            </label>
            <input
              id={`${id}-code`}
              className="input"
              list={`${id}-codes`}
              autoComplete="off"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-describedby={`${id}-hint`}
            />
            <datalist id={`${id}-codes`}>
              {matches.map((c) => (
                <option key={c.code} value={`${c.code} — ${c.description}`} />
              ))}
            </datalist>
            <p id={`${id}-hint`} className="field__hint">
              {picked
                ? `${picked.code}: ${picked.description}`
                : query.trim() === ''
                  ? 'From the ICD-10-CM behavioural-health codes, e.g. F32.1 or "panic".'
                  : matches.length === 0
                    ? 'No listed code matches.'
                    : 'Pick a code from the list.'}
            </p>
          </div>
          {!hasPrimary && (
            <label className="checkbox">
              <input type="checkbox" checked={primary} onChange={(e) => setPrimary(e.target.checked)} />
              <span>Primary diagnosis</span>
            </label>
          )}
          <div className="actions">
            <button type="submit" className="button button--small" disabled={!picked || add.isPending}>
              {add.isPending ? 'Recording…' : 'Record diagnosis'}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {message && <p className="notice notice--success">{message}</p>}
            {add.isError && <p className="notice notice--error">{errorMessage(add.error)}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
