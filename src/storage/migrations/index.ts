import type { Migration } from 'kysely';
import * as m20261126_2000 from './2026_11_26_2000_create_core_tables.js';
import * as m20261126_2100 from './2026_11_26_2100_create_auth_tables.js';
import * as m20261127_0900 from './2026_11_27_0900_create_alert_table.js';
import * as m20261127_0910 from './2026_11_27_0910_add_administration_outcomes_index.js';
import * as m20261203_1000 from './2026_12_03_1000_add_password_links_and_api_tokens.js';
import * as m20261203_1100 from './2026_12_03_1100_create_break_glass_grant.js';
import * as m20261203_1200 from './2026_12_03_1200_add_plan_lineage.js';
import * as m20261203_1300 from './2026_12_03_1300_add_client_contact_fields.js';
import * as m20261203_1400 from './2026_12_03_1400_create_review_table.js';
import * as m20261203_1500 from './2026_12_03_1500_create_client_link_tables.js';
import * as m20261203_1700 from './2026_12_03_1700_create_session_and_note_tables.js';
import * as m20261203_1800 from './2026_12_03_1800_add_consent_method.js';
import * as m20261203_1850 from './2026_12_03_1850_create_client_latest_score.js';

/**
 * Every migration, in order. Append-only: a merged entry is never edited or removed (a test compares the
 * names and contents against test/fixtures/migrations.lock).
 *
 * @example
 * Object.keys(MIGRATIONS)[0] // '2026_11_26_2000_create_core_tables'
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_26_2000_create_core_tables': m20261126_2000,
  '2026_11_26_2100_create_auth_tables': m20261126_2100,
  '2026_11_27_0900_create_alert_table': m20261127_0900,
  '2026_11_27_0910_add_administration_outcomes_index': m20261127_0910,
  '2026_12_03_1000_add_password_links_and_api_tokens': m20261203_1000,
  '2026_12_03_1100_create_break_glass_grant': m20261203_1100,
  '2026_12_03_1200_add_plan_lineage': m20261203_1200,
  '2026_12_03_1300_add_client_contact_fields': m20261203_1300,
  '2026_12_03_1400_create_review_table': m20261203_1400,
  '2026_12_03_1500_create_client_link_tables': m20261203_1500,
  '2026_12_03_1700_create_session_and_note_tables': m20261203_1700,
  '2026_12_03_1800_add_consent_method': m20261203_1800,
  '2026_12_03_1850_create_client_latest_score': m20261203_1850,
};
