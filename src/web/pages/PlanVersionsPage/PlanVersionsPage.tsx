/**
 * The versions of a client's plan (DESIGN 2.2: "any two versions can be compared"): every version newest first with
 * its status, who signed and co-signed it and when, its content hash and goal count; and the comparison of any two
 * (by default the latest two): the plan fields from → to, and the goals added, removed and changed (matched by
 * lineage across versions) with the fields that changed, objectives included.
 *
 * @example
 * <Route path="versions" element={<PlanVersionsPage clientId={clientId} />} />
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import {
  type PlanComparison,
  type PlanVersionSummary,
  useCosignPlan,
  usePlanComparison,
  usePlanVersions,
} from '../../api/plans-api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session/session.js';
import { shortHash } from '../PlanEditorPage/plan-draft.js';
import { defaultComparePair, fieldLabel, formatComparedValue, versionLabel } from './plan-comparison.js';

type FieldChange = PlanComparison['fields'][number];
type GoalChange = PlanComparison['goals'][number];

export function PlanVersionsPage({ clientId }: { readonly clientId: string }) {
  const id = useId();
  const { hasRole, user } = useSession();
  const versions = usePlanVersions(clientId);
  const cosign = useCosignPlan(clientId);
  // A supervisor co-signs a signed version someone else signed (the server also checks they supervise the signer).
  const canCosign = (v: PlanVersionSummary) =>
    hasRole('supervisor') &&
    v.status === 'signed' &&
    v.supervisorSignature === null &&
    v.contentHash !== null &&
    v.clinicianSignature !== null &&
    v.clinicianSignature.userId !== user.id;
  const items = versions.data?.items ?? [];
  const [picked, setPicked] = useState<{ from: string; to: string } | null>(null);
  const [compared, setCompared] = useState<{ from: string; to: string } | null>(null);

  // Once the versions load, pick and show the latest two.
  useEffect(() => {
    if (picked === null && versions.data) {
      const pair = defaultComparePair(versions.data.items);
      if (pair) {
        setPicked(pair);
        setCompared(pair);
      }
    }
  }, [picked, versions.data]);

  const comparison = usePlanComparison(clientId, compared?.from ?? null, compared?.to ?? null);

  if (versions.isPending) return <p className="muted">Loading…</p>;
  if (versions.isError) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(versions.error)}
      </p>
    );
  }
  if (items.length === 0) return <p className="muted">This client has no plan yet.</p>;

  const onCompare = (event: FormEvent) => {
    event.preventDefault();
    if (picked) setCompared({ ...picked });
  };
  const sameVersion = picked !== null && picked.from === picked.to;

  return (
    <div className="plan-versions">
      <h2 id={`${id}-list`}>Plan versions</h2>
      <div className="table-wrap">
        <table className="table table--compact" aria-labelledby={`${id}-list`} data-testid="plan-versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Signed</th>
              <th scope="col">Co-signed</th>
              <th scope="col">Content hash</th>
              <th scope="col">Goals</th>
              <th scope="col">Established</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id} data-testid="plan-version-row">
                <td>{v.status === 'draft' ? `${v.version} (revision ${v.revision})` : v.version}</td>
                <td>
                  <span className={`badge ${v.status === 'draft' ? 'badge--warning' : 'badge--neutral'}`}>
                    {v.status}
                  </span>
                </td>
                <td>
                  {v.clinicianSignature
                    ? `${v.clinicianSignature.name}, ${formatDateTime(v.clinicianSignature.signedAt)}`
                    : '—'}
                </td>
                <td>
                  {v.supervisorSignature
                    ? `${v.supervisorSignature.name}, ${formatDateTime(v.supervisorSignature.signedAt)}`
                    : v.status === 'draft'
                      ? '—'
                      : 'not yet'}{' '}
                  {canCosign(v) && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={cosign.isPending}
                      onClick={() => cosign.mutate({ planId: v.id, contentHash: v.contentHash ?? '' })}
                    >
                      Co-sign version {v.version}
                    </button>
                  )}
                </td>
                <td>{v.contentHash ? <code title={v.contentHash}>{shortHash(v.contentHash)}</code> : '—'}</td>
                <td>{v.goalCount}</td>
                <td>{formatDate(v.establishedDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {cosign.isError && (
        <p className="notice notice--error" role="alert">
          {errorMessage(cosign.error)}
        </p>
      )}
      {cosign.isSuccess && (
        <p className="notice notice--success" role="status">
          Co-signed version {cosign.data.version}.
        </p>
      )}
      <h2 id={`${id}-compare`}>Compare two versions</h2>
      {items.length < 2 ? (
        <p className="muted">There is only one version: nothing to compare yet.</p>
      ) : (
        <form className="form-row" aria-labelledby={`${id}-compare`} onSubmit={onCompare}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-from`}>
              From
            </label>
            <select
              id={`${id}-from`}
              className="select"
              value={picked?.from ?? ''}
              onChange={(e) => setPicked((p) => ({ from: e.target.value, to: p?.to ?? e.target.value }))}
            >
              {items.map((v) => (
                <option key={v.id} value={v.id}>
                  {versionLabel(v)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-to`}>
              To
            </label>
            <select
              id={`${id}-to`}
              className="select"
              value={picked?.to ?? ''}
              onChange={(e) => setPicked((p) => ({ from: p?.from ?? e.target.value, to: e.target.value }))}
            >
              {items.map((v) => (
                <option key={v.id} value={v.id}>
                  {versionLabel(v)}
                </option>
              ))}
            </select>
          </div>
          <div className="field" style={{ alignSelf: 'end' }}>
            <button type="submit" className="button button--primary" disabled={sameVersion}>
              Compare
            </button>
          </div>
          {sameVersion && <p className="field__hint">Pick two different versions.</p>}
        </form>
      )}
      <div aria-live="polite">
        {comparison.isFetching && <p className="muted">Comparing…</p>}
        {comparison.isError && (
          <p className="notice notice--error" role="alert">
            {errorMessage(comparison.error)}
          </p>
        )}
        {comparison.data && !comparison.isFetching && <ComparisonView comparison={comparison.data} />}
      </div>
    </div>
  );
}

function ChangesTable({ changes, caption }: { readonly changes: readonly FieldChange[]; readonly caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{fieldLabel(c.field)}</th>
              <td>
                <del>{formatComparedValue(c.from)}</del>
              </td>
              <td>
                <ins>{formatComparedValue(c.to)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function itemTitle(kind: 'Goal' | 'Objective', change: GoalChange | GoalChange['objectives'][number]): string {
  const position = change.toPosition ?? change.fromPosition;
  return `${kind} ${position ?? ''} ${change.change}`.replace(/\s+/g, ' ');
}

function ComparisonView({ comparison }: { readonly comparison: PlanComparison }) {
  const { summary } = comparison;
  const goals = comparison.goals.filter((g) => g.change !== 'unchanged');
  const unchanged = comparison.goals.length - goals.length;
  return (
    <section className="card plan-comparison" aria-label="Comparison" data-testid="plan-comparison">
      <h3 style={{ marginTop: 0 }}>
        Version {comparison.from.version} ({comparison.from.status}) → version {comparison.to.version} (
        {comparison.to.status})
      </h3>
      <p data-testid="comparison-summary">
        {summary.fieldsChanged} plan field{summary.fieldsChanged === 1 ? '' : 's'} changed · {summary.goalsAdded} goal
        {summary.goalsAdded === 1 ? '' : 's'} added · {summary.goalsRemoved} removed · {summary.goalsChanged} changed
      </p>
      <h4>Plan fields</h4>
      {comparison.fields.length === 0 ? (
        <p className="muted">No plan field changed.</p>
      ) : (
        <ChangesTable changes={comparison.fields} caption="Plan fields changed" />
      )}
      <h4>Goals</h4>
      {goals.length === 0 && <p className="muted">No goal changed.</p>}
      {goals.map((g) => (
        <article key={g.lineageId} className="plan-comparison__goal" data-testid="compared-goal" data-change={g.change}>
          <h5 style={{ marginBottom: '0.25rem' }}>
            {itemTitle('Goal', g)}
            <span className="visually-hidden">:</span>{' '}
            <span className={`badge ${g.change === 'removed' ? 'badge--warning' : 'badge--neutral'}`}>{g.change}</span>
          </h5>
          {g.change === 'added' && <p>{g.statement.to}</p>}
          {g.change === 'removed' && (
            <p>
              <del>{g.statement.from}</del>
            </p>
          )}
          {g.change === 'changed' && (
            <>
              {!g.fields.some((f) => f.field === 'statement') && <p className="muted">{g.statement.to}</p>}
              {g.fields.length > 0 && (
                <ChangesTable changes={g.fields} caption={`Fields changed in ${itemTitle('Goal', g)}`} />
              )}
              {g.objectives
                .filter((o) => o.change !== 'unchanged')
                .map((o) => (
                  <div key={o.lineageId} className="plan-comparison__objective" data-change={o.change}>
                    <p style={{ marginBottom: '0.25rem' }}>
                      <strong>{itemTitle('Objective', o)}</strong>
                      {o.change === 'added' && `: ${o.statement.to ?? ''}`}
                      {o.change === 'removed' && (
                        <>
                          : <del>{o.statement.from}</del>
                        </>
                      )}
                    </p>
                    {o.change === 'changed' && (
                      <ChangesTable changes={o.fields} caption={`Fields changed in ${itemTitle('Objective', o)}`} />
                    )}
                  </div>
                ))}
            </>
          )}
        </article>
      ))}
      {unchanged > 0 && (
        <p className="muted">
          {unchanged} goal{unchanged === 1 ? '' : 's'} unchanged.
        </p>
      )}
    </section>
  );
}
