import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { OutcomePeriod, PracticeOutcomeCounts, PracticeOutcomesQuery } from '../../application/ports.js';
import type { Database } from '../tables/database.js';

/**
 * Practice outcomes in one SQL statement (docs/outcomes.md), the same text on SQLite and PostgreSQL:
 * 1. `params`: the instruments' reliable-change threshold, caseness cut-off and direction as a small VALUES table;
 * 2. `bounds`: per client and instrument, the first and last administration time in the date range and how many
 *    there were (a group-by over the covering index `administration_outcomes_idx`, no sort);
 * 3. `episode`: the first and last totals, each fetched by one index seek (ties on the instant broken by id);
 * 4. `classified`: reliable improvement / deterioration (change of at least the threshold in the better / worse
 *    direction), caseness at the first score, recovery (at caseness first, below it last), per episode, with the
 *    client's primary clinician;
 * 5. counts per clinician, instrument and period of the last administration.
 * Episodes need at least two administrations in the range. A rule without its parameter counts null.
 *
 * @example
 * const rows = await queryPracticeOutcomes(db, { from: '2026-01-01', to: '2026-12-31', period: 'quarter',
 *   clinicianId: null, instruments: [{ instrumentId: 'phq9', reliableChangeThreshold: 6, casenessCutoff: 10, lowerIsBetter: true }] });
 * // [{ clinicianId: 'u1', instrumentId: 'phq9', period: '2026-Q4', clients: 12, reliableImprovement: 7, … }]
 */
export async function queryPracticeOutcomes(
  db: Kysely<Database>,
  query: PracticeOutcomesQuery,
): Promise<PracticeOutcomeCounts[]> {
  if (query.instruments.length === 0) return [];
  const rows = await buildPracticeOutcomesQuery(query).execute(db);
  return rows.rows.map(rowToCounts).sort(compareCounts);
}

interface OutcomesRow {
  clinician_id: string | null;
  instrument_id: string;
  period: string;
  clients: number | string;
  improved: number | string | null;
  deteriorated: number | string | null;
  at_caseness: number | string | null;
  recovered: number | string | null;
  reliably_recovered: number | string | null;
}

const PERIOD_SQL: Readonly<Record<OutcomePeriod, RawBuilder<string>>> = {
  month: sql<string>`substr(e.last_on, 1, 7)`,
  quarter: sql<string>`substr(e.last_on, 1, 4) || '-Q' || cast((cast(substr(e.last_on, 6, 2) as integer) + 2) / 3 as text)`,
  year: sql<string>`substr(e.last_on, 1, 4)`,
};

/**
 * The statement itself (for EXPLAIN and compiled-SQL snapshots).
 *
 * @example
 * const { sql: text, parameters } = buildPracticeOutcomesQuery(query).compile(db);
 */
export function buildPracticeOutcomesQuery(query: PracticeOutcomesQuery): RawBuilder<OutcomesRow> {
  // Casts give every parameter a type: PostgreSQL would otherwise read untyped VALUES parameters as text.
  const values = sql.join(
    query.instruments.map(
      (i) =>
        sql`(cast(${i.instrumentId} as text), cast(${i.reliableChangeThreshold} as double precision), cast(${i.casenessCutoff} as double precision), cast(${i.lowerIsBetter ? 1 : -1} as integer))`,
    ),
  );
  const byClinician =
    query.clinicianId === null
      ? sql``
      : sql`and a.client_id in (select pa.client_id from client_assignment pa where pa.user_id = ${query.clinicianId} and pa.role = 'primary')`;
  return sql<OutcomesRow>`
with params (instrument_id, threshold, caseness, sign) as (values ${values}),
bounds as (
  select a.client_id, a.instrument_id, min(a.administered_at) as first_at, max(a.administered_at) as last_at,
         max(a.administered_on) as last_on
  from administration a
  where a.administered_on >= ${query.from} and a.administered_on <= ${query.to}
    ${byClinician}
  group by a.client_id, a.instrument_id
  having count(*) >= 2
),
episode as materialized (
  select b.client_id, b.instrument_id, b.last_on,
    (select f.total from administration f
      where f.client_id = b.client_id and f.instrument_id = b.instrument_id and f.administered_at = b.first_at
      order by f.id limit 1) as first_total,
    (select l.total from administration l
      where l.client_id = b.client_id and l.instrument_id = b.instrument_id and l.administered_at = b.last_at
      order by l.id desc limit 1) as last_total
  from bounds b
),
classified as (
  select ca.user_id as clinician_id, e.instrument_id, ${PERIOD_SQL[query.period]} as period,
    case when p.threshold is null then null
         when (e.first_total - e.last_total) * p.sign >= p.threshold then 1 else 0 end as improved,
    case when p.threshold is null then null
         when (e.last_total - e.first_total) * p.sign >= p.threshold then 1 else 0 end as deteriorated,
    case when p.caseness is null then null
         when e.first_total * p.sign >= p.caseness * p.sign then 1 else 0 end as at_caseness,
    case when p.caseness is null then null
         when e.first_total * p.sign >= p.caseness * p.sign and e.last_total * p.sign < p.caseness * p.sign then 1
         else 0 end as recovered
  from episode e
  join params p on p.instrument_id = e.instrument_id
  left join client_assignment ca on ca.client_id = e.client_id and ca.role = 'primary'
)
select clinician_id, instrument_id, period,
  count(*) as clients,
  sum(improved) as improved,
  sum(deteriorated) as deteriorated,
  sum(at_caseness) as at_caseness,
  sum(recovered) as recovered,
  sum(case when improved is null or recovered is null then null
           when improved = 1 and recovered = 1 then 1 else 0 end) as reliably_recovered
from classified
group by clinician_id, instrument_id, period`;
}

function count(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function rowToCounts(row: OutcomesRow): PracticeOutcomeCounts {
  return {
    clinicianId: row.clinician_id,
    instrumentId: row.instrument_id,
    period: row.period,
    clients: Number(row.clients),
    reliableImprovement: count(row.improved),
    reliableDeterioration: count(row.deteriorated),
    atCaseness: count(row.at_caseness),
    recovered: count(row.recovered),
    reliablyRecovered: count(row.reliably_recovered),
  };
}

/** Period, then clinician (none last), then instrument: code-point order, the same on every database. */
function compareCounts(a: PracticeOutcomeCounts, b: PracticeOutcomeCounts): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (a.period !== b.period) return text(a.period, b.period);
  if (a.clinicianId !== b.clinicianId) {
    if (a.clinicianId === null) return 1;
    if (b.clinicianId === null) return -1;
    return text(a.clinicianId, b.clinicianId);
  }
  return text(a.instrumentId, b.instrumentId);
}
