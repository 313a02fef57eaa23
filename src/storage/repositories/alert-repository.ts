import type { Kysely } from 'kysely';
import type { StoredAlert } from '../../application/ports.js';
import type { Alert, AlertSubject } from '../../domain/alerts/alert.js';
import type { AlertAcknowledgement } from '../../domain/alerts/close-alert.js';
import type { AlertTable, Database } from '../tables/database.js';

/**
 * Kept alerts: raised by a use case, closed only by recording the clinician's action on the same row.
 *
 * @example
 * await insertAlerts(db, [{ id, clientId, alert, raisedAt: now, closure: null }]);
 * const open = await listAlerts(db, clientId, { open: true });
 * await recordAlertClosure(db, open[0].id, acknowledgement); // true
 */
export function storedAlertToRow(stored: StoredAlert): AlertTable {
  const { alert, closure } = stored;
  const subject: AlertSubject = alert.subject;
  return {
    id: stored.id,
    client_id: stored.clientId,
    code: alert.code,
    key: alert.key,
    severity: alert.severity,
    closing: alert.closing,
    subject_kind: subject.kind,
    administration_id: subject.kind === 'administration' ? subject.administrationId : null,
    instrument_id: subject.kind === 'administration' || subject.kind === 'instrument' ? subject.instrumentId : null,
    item: subject.kind === 'administration' ? subject.item : null,
    target_id: subject.kind === 'target' ? subject.targetId : null,
    goal_id: subject.kind === 'target' ? subject.goalId : null,
    subject: JSON.stringify(subject),
    data: JSON.stringify(alert.data),
    raised_on: alert.raisedOn,
    raised_at: stored.raisedAt,
    closed_at: closure?.at ?? null,
    closing_action: closure?.action ?? null,
    closing_note: closure?.note ?? null,
    closed_by: closure?.by ?? null,
  };
}

function alertRowToStoredAlert(row: AlertTable): StoredAlert {
  // The row was written from a domain Alert by storedAlertToRow; code, subject and data belong together.
  const alert = {
    key: row.key,
    code: row.code,
    severity: row.severity,
    closing: row.closing,
    raisedOn: row.raised_on,
    subject: JSON.parse(row.subject) as AlertSubject,
    data: JSON.parse(row.data) as unknown,
  } as Alert;
  const closure: AlertAcknowledgement | null =
    row.closed_at !== null && row.closing_action !== null && row.closed_by !== null
      ? {
          alertKey: row.key,
          action: row.closing_action as AlertAcknowledgement['action'],
          note: row.closing_note ?? '',
          by: row.closed_by,
          at: row.closed_at,
        }
      : null;
  return { id: row.id, clientId: row.client_id, alert, raisedAt: row.raised_at, closure };
}

export async function insertAlerts(db: Kysely<Database>, alerts: readonly StoredAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  await db.insertInto('alert').values(alerts.map(storedAlertToRow)).execute();
}

/** A client's kept alerts, newest first (then by key); with `open`, only those not closed. */
export async function listAlerts(
  db: Kysely<Database>,
  clientId: string,
  options: { readonly open?: boolean } = {},
): Promise<StoredAlert[]> {
  let q = db.selectFrom('alert').selectAll().where('client_id', '=', clientId);
  if (options.open) q = q.where('closed_at', 'is', null);
  const rows = await q.orderBy('raised_at', 'desc').orderBy('key').execute();
  return rows.map(alertRowToStoredAlert);
}

/** Closes an open alert with the recorded action; false when no open alert has that id. */
export async function recordAlertClosure(
  db: Kysely<Database>,
  alertId: string,
  closure: AlertAcknowledgement,
): Promise<boolean> {
  const result = await db
    .updateTable('alert')
    .set({ closed_at: closure.at, closing_action: closure.action, closing_note: closure.note, closed_by: closure.by })
    .where('id', '=', alertId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
