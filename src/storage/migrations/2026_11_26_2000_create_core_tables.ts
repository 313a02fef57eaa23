// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Written once for both dialects with Kysely's schema builder. Ids are random UUIDs kept as text; dates are
// ISO text (YYYY-MM-DD), timestamps ISO-8601 UTC text; booleans are 0/1 integers; JSON is text.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  const float = sql`double precision`;
  const bigint = pg ? sql`bigint` : sql`integer`;

  await db.schema
    .createTable('practice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credentials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('supervision')
    .addColumn('supervisor_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_pk', ['supervisor_id', 'clinician_id'])
    .execute();
  await db.schema.createIndex('supervision_clinician_idx').on('supervision').column('clinician_id').execute();

  await db.schema
    .createTable('client')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id'))
    .addColumn('record_number', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('client_record_number_uq', ['practice_id', 'record_number'])
    .execute();

  await db.schema
    .createTable('client_assignment')
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_assignment_pk', ['client_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('client_assignment_user_idx')
    .on('client_assignment')
    .columns(['user_id', 'role'])
    .execute();
  await db.schema
    .createIndex('client_assignment_one_primary_uq')
    .on('client_assignment')
    .column('client_id')
    .unique()
    .where(sql.ref('role'), '=', 'primary')
    .execute();

  await db.schema
    .createTable('diagnosis')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('onset_date', 'text')
    .addColumn('resolved_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('diagnosis_client_idx').on('diagnosis').column('client_id').execute();

  await db.schema
    .createTable('formulation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().unique().references('client.id'))
    .addColumn('problem_areas', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('formulation_element')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('formulation_id', 'text', (c) => c.notNull().references('formulation.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('library_key', 'text')
    .execute();
  await db.schema
    .createIndex('formulation_element_formulation_idx')
    .on('formulation_element')
    .column('formulation_id')
    .execute();

  await db.schema
    .createTable('treatment_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_version_id', 'text', (c) => c.references('treatment_plan.id'))
    .addColumn('established_date', 'text', (c) => c.notNull())
    .addColumn('presenting_problems', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('session_minutes', 'integer', (c) => c.notNull())
    .addColumn('session_frequency', 'text', (c) => c.notNull())
    .addColumn('duration_weeks', 'integer', (c) => c.notNull())
    .addColumn('review_interval_days', 'integer', (c) => c.notNull())
    .addColumn('next_review_date', 'text', (c) => c.notNull())
    .addColumn('discharge_criteria', 'text', (c) => c.notNull())
    .addColumn('referrals', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('client_participation', 'text', (c) => c.notNull())
    .addColumn('clinician_signature', 'text')
    .addColumn('supervisor_signature', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('treatment_plan_version_uq', ['client_id', 'version'])
    .execute();

  await db.schema
    .createTable('plan_diagnosis')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plan.id').onDelete('cascade'))
    .addColumn('diagnosis_id', 'text', (c) => c.notNull().references('diagnosis.id'))
    .addPrimaryKeyConstraint('plan_diagnosis_pk', ['plan_id', 'diagnosis_id'])
    .execute();

  await db.schema
    .createTable('goal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('client_words', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('endorsed_on', 'text')
    .addColumn('endorsement_method', 'text')
    .addColumn('endorsement_words', 'text')
    .execute();
  await db.schema.createIndex('goal_plan_idx').on('goal').column('plan_id').execute();

  await db.schema
    .createTable('goal_formulation_element')
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('element_id', 'text', (c) => c.notNull().references('formulation_element.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_formulation_element_pk', ['goal_id', 'element_id'])
    .execute();

  await db.schema
    .createTable('objective')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .execute();
  await db.schema.createIndex('objective_goal_idx').on('objective').column('goal_id').execute();

  await db.schema
    .createTable('intervention')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objective.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('library_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('delivered_by', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intervention_objective_idx').on('intervention').column('objective_id').execute();

  await db.schema
    .createTable('behavior')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('behavior_client_idx').on('behavior').column('client_id').execute();

  await db.schema
    .createTable('target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_id', 'text', (c) => c.references('goal.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.references('objective.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('measure_kind', 'text', (c) => c.notNull())
    .addColumn('instrument_id', 'text')
    .addColumn('subscale', 'text')
    .addColumn('behavior_id', 'text', (c) => c.references('behavior.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('baseline', float)
    .addColumn('goal_kind', 'text', (c) => c.notNull())
    .addColumn('goal_value', float)
    .addColumn('comparator', 'text')
    .addColumn('per', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addCheckConstraint('target_owner_ck', sql`(goal_id is null) <> (objective_id is null)`)
    .execute();
  await db.schema.createIndex('target_goal_idx').on('target').column('goal_id').execute();
  await db.schema.createIndex('target_objective_idx').on('target').column('objective_id').execute();

  await db.schema
    .createTable('administration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('administered_at', 'text', (c) => c.notNull())
    .addColumn('administered_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // Item answers as a JSON array in item order (null = missing): always read and written with the administration,
    // and a row per item would multiply the table's size by the item count (2.3 M rows for the M data set).
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('total', float, (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('prorated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('subscales', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('administration_client_instrument_idx')
    .on('administration')
    .columns(['client_id', 'instrument_id', 'administered_at'])
    .execute();
  await db.schema
    .createIndex('administration_instrument_on_idx')
    .on('administration')
    .columns(['instrument_id', 'administered_on'])
    .execute();

  await db.schema
    .createTable('behavior_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('behavior_id', 'text', (c) => c.notNull().references('behavior.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('count', float, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('behavior_log_behavior_idx')
    .on('behavior_log')
    .columns(['behavior_id', 'period_start'])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('seq', bigint, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource', 'text')
    .addColumn('client_ids', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('origin', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_event',
    'behavior_log',
    'administration',
    'target',
    'behavior',
    'intervention',
    'objective',
    'goal_formulation_element',
    'goal',
    'plan_diagnosis',
    'treatment_plan',
    'formulation_element',
    'formulation',
    'diagnosis',
    'client_assignment',
    'client',
    'supervision',
    'user_role',
    'app_user',
    'practice',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
