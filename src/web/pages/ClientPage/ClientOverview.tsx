/**
 * The client overview: the plan at a glance (signature, review date, goals with their progress word), every target's
 * progress chart with its status in words, the latest scores, the formulation's problem areas, and the diagnoses (with
 * the form to record one).
 *
 * @example
 * <ClientOverview clientId={clientId} data={useClientData(clientId)} />
 */
import { Link } from 'react-router';
import { daysBetween } from '../../../domain/shared/calendar-date.js';
import { errorMessage } from '../../api/api-client.js';
import { DiagnosesCard } from '../../components/DiagnosesCard/DiagnosesCard.js';
import { STATUS_WORDS } from '../../components/ProgressChart/describe-target-progress.js';
import { TargetCharts } from '../../components/TargetCharts/TargetCharts.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { instrumentLabel } from '../../lib/instrument-label.js';
import { useSession } from '../../session/session.js';
import type { ClientData } from './use-client-data.js';

export function ClientOverview({ clientId, data }: { readonly clientId: string; readonly data: ClientData }) {
  const plan = data.plan.data;
  const progress = data.progress.data;
  const today = progress?.today ?? null;
  const { hasRole } = useSession();

  return (
    <div className="overview">
      <div className="grid-2">
        <section className="card" aria-labelledby="plan-summary">
          <div className="card__title">
            <h2 id="plan-summary">Treatment plan</h2>
            <Link to={`/clients/${clientId}/plan`} className="button button--small">
              Open the plan
            </Link>
          </div>
          {data.plan.isPending ? (
            <p className="muted">Loading…</p>
          ) : data.plan.isError ? (
            <p className="notice notice--error">{errorMessage(data.plan.error)}</p>
          ) : !plan ? (
            <p className="muted">No plan yet.</p>
          ) : (
            <>
              <dl className="dl">
                <dt>Version</dt>
                <dd>
                  {plan.status === 'draft'
                    ? `Draft (revision ${plan.revision})`
                    : `Version ${plan.version}, ${plan.status}`}
                  {plan.clinicianSignature &&
                    ` by ${plan.clinicianSignature.name}${plan.clinicianSignature.credentials ? `, ${plan.clinicianSignature.credentials}` : ''} on ${formatDateTime(plan.clinicianSignature.signedAt)}`}
                </dd>
                <dt>Established</dt>
                <dd>
                  {formatDate(plan.establishedDate)} · {plan.durationWeeks} weeks · {plan.sessionFrequency},{' '}
                  {plan.sessionMinutes} min
                </dd>
                <dt>Next review</dt>
                <dd>
                  {formatDate(plan.nextReviewDate)}
                  {today && <ReviewDue today={today} date={plan.nextReviewDate} />}
                </dd>
              </dl>
              <h3 className="overview__goals-title">Goals</h3>
              <ol className="goal-list">
                {plan.goals.map((goal) => {
                  const word = progress?.progress?.goals.find((g) => g.goalId === goal.id)?.overall;
                  return (
                    <li key={goal.id} className="goal-list__item">
                      <span>{goal.statement}</span>
                      <span className="chips">
                        {goal.status !== 'active' && <span className="badge badge--neutral">{goal.status}</span>}
                        {word && word !== 'no-targets' && (
                          <span className={`status-badge status-badge--${word}`}>{STATUS_WORDS[word]}</span>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </section>
        <div>
          <section className="card" aria-labelledby="latest-scores">
            <div className="card__title">
              <h2 id="latest-scores">Latest scores</h2>
              <Link to={`/clients/${clientId}/measures`} className="button button--small">
                Administer a measure
              </Link>
            </div>
            {(data.series.data?.instruments ?? []).length === 0 ? (
              <p className="muted">No scores yet.</p>
            ) : (
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">First</th>
                    <th scope="col">Latest</th>
                    <th scope="col">Date</th>
                  </tr>
                </thead>
                <tbody>
                  {(data.series.data?.instruments ?? []).map((s) => {
                    const first = s.points.find((p) => p.total !== null);
                    const last = [...s.points].reverse().find((p) => p.total !== null);
                    return (
                      <tr key={s.instrumentId}>
                        <td>{s.shortName ?? instrumentLabel(s.instrumentId)}</td>
                        <td className="num">{first?.total ?? '—'}</td>
                        <td className="num">
                          <strong>{last?.total ?? '—'}</strong>
                          {last?.severity ? <span className="muted"> {last.severity}</span> : null}
                        </td>
                        <td>{last ? formatDate(last.date) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="formulation">
            <h2 id="formulation">Formulation</h2>
            {!data.formulation.data ? (
              <p className="muted">{data.formulation.isPending ? 'Loading…' : 'No formulation yet.'}</p>
            ) : (
              <>
                <p>
                  <span className="muted">Problem areas: </span>
                  {data.formulation.data.problemAreas.join(', ') || '—'}
                </p>
                <ul className="formulation-list">
                  {data.formulation.data.elements.slice(0, 8).map((e) => (
                    <li key={e.id}>
                      <span className="muted">{e.kind.replace(/-/g, ' ')}:</span> {e.text}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {data.record.data && (
            <DiagnosesCard
              clientId={clientId}
              diagnoses={data.record.data.diagnoses}
              canEdit={hasRole('clinician', 'supervisor')}
            />
          )}
        </div>
      </div>
      <section aria-labelledby="progress-title" style={{ marginTop: '0.5rem' }}>
        <h2 id="progress-title">Progress</h2>
        {data.progress.isPending || data.plan.isPending ? (
          <p className="muted">Loading…</p>
        ) : data.progress.isError ? (
          <p className="notice notice--error">{errorMessage(data.progress.error)}</p>
        ) : plan && progress ? (
          <TargetCharts
            plan={plan}
            progress={progress}
            behaviors={(data.series.data?.behaviors ?? []).map((b) => b.behavior)}
          />
        ) : (
          <p className="muted">Progress appears once the client has a plan with targets.</p>
        )}
      </section>
    </div>
  );
}

function ReviewDue({ today, date }: { readonly today: string; readonly date: string }) {
  const days = daysBetween(today, date);
  if (days < 0)
    return (
      <span className="chip chip--warning" style={{ marginLeft: '0.5rem' }}>
        overdue by {-days} days
      </span>
    );
  if (days <= 14)
    return (
      <span className="chip chip--info" style={{ marginLeft: '0.5rem' }}>
        due in {days} days
      </span>
    );
  return null;
}
