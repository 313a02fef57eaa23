import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { ClientRecord } from '../exports/client-record.js';
import { administrationsToCsv } from '../exports/csv/administrations-to-csv.js';
import { clientRecordToFhirBundle } from '../exports/fhir/client-record-to-fhir-bundle.js';
import { buildTreatmentPlanDocument } from '../exports/pdf/treatment-plan-document.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';

const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');

const inputSchema = z
  .strictObject({
    /** The client's id, or (from the CLI) the record number such as DEMO-001. */
    clientId: z.string().min(1).max(100),
    format: z.enum(['pdf', 'fhir', 'csv']),
    /** Only `plan` exists today; progress, review and audit-packet are later slices. */
    document: z.literal('plan').optional(),
    from: date.optional(),
    to: date.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['from'] })
  .refine((v) => v.document === undefined || v.format === 'pdf', {
    message: 'a document is chosen only for the pdf format',
    path: ['document'],
  });

export type ExportClientRecordInput = z.input<typeof inputSchema>;

/**
 * A finished export: bytes and how to name and serve them.
 *
 * @example
 * const file: ClientExport = { format: 'csv', contentType: 'text/csv; charset=utf-8', fileName: 'DEMO-001-scores.csv', body: new Uint8Array() };
 */
export interface ClientExport {
  readonly format: 'pdf' | 'fhir' | 'csv';
  readonly contentType: string;
  readonly fileName: string;
  readonly body: Uint8Array;
}

/**
 * Exports a client's record (DESIGN 2.7): `pdf` the current treatment plan (payer-ready), `fhir` an R4 collection
 * Bundle of the plan, diagnoses and measures, `csv` the scores, one row per administration. `from`/`to` (inclusive
 * dates) limit the administrations and self-monitoring logs. Read access (auditors may export); the export is audited
 * as `export.<format>` naming the client. Exports are disclosures: an accounting of disclosures (to whom, why) comes
 * with issue 12 — until then the audit trail is the record of them.
 *
 * The client may be named by id or by record number (the CLI accepts both); a record number is looked up in the
 * caller's practice and then goes through the same access rule, so an unknown number is `not-found` too.
 *
 * @example
 * const file = await exportClientRecord(deps, actor, { clientId, format: 'pdf' });
 * file.fileName // 'DEMO-001-treatment-plan-v1.pdf'
 */
export async function exportClientRecord(
  deps: Deps,
  actor: Actor,
  input: ExportClientRecordInput,
): Promise<ClientExport> {
  const format = typeof input?.format === 'string' ? input.format : 'unknown';
  const access = await assertClientAccess(
    deps,
    actor,
    await resolveClientId(deps, actor, input),
    'read',
    `export.${format}`,
  );
  const parsed = parseInput(inputSchema, input);
  const practice = await deps.store.findPractice();
  const client = await deps.store.findClientById(access.clientId);
  if (!practice || !client) throw new AppError(ErrorCode.notFound, 'No such client.');
  const [plan, diagnoses, administrations, behaviors] = await Promise.all([
    deps.store.findCurrentPlan(client.id),
    deps.store.listDiagnoses(client.id),
    deps.store.listAdministrations(client.id),
    deps.store.listBehaviors(client.id),
  ]);
  const logs = (await Promise.all(behaviors.map((b) => deps.store.listBehaviorLogs(b.id)))).flat();
  const inRange = (day: string) => (!parsed.from || day >= parsed.from) && (!parsed.to || day <= parsed.to);
  const now = deps.clock.now().toISOString();
  const record: ClientRecord = {
    practiceName: practice.name,
    generatedAt: now,
    client,
    diagnoses,
    plan,
    administrations: administrations
      .filter((a) => inRange(a.administeredOn))
      .sort((a, b) => a.administeredAt.localeCompare(b.administeredAt)),
    behaviors,
    behaviorLogs: logs.filter((l) => inRange(l.periodStart)).sort((a, b) => a.periodStart.localeCompare(b.periodStart)),
  };
  let file: ClientExport;
  switch (parsed.format) {
    case 'pdf': {
      if (!plan) throw new AppError(ErrorCode.notFound, 'The client has no treatment plan.');
      file = {
        format: 'pdf',
        contentType: 'application/pdf',
        fileName: `${client.recordNumber}-treatment-plan-v${plan.version}.pdf`,
        // Loaded on first use: pdfmake takes ~0.3 s to load, which the server's start-up should not pay.
        body: await (await import('../exports/pdf/render-pdf.js')).renderPdf(buildTreatmentPlanDocument(record)),
      };
      break;
    }
    case 'fhir':
      file = {
        format: 'fhir',
        contentType: 'application/fhir+json',
        fileName: `${client.recordNumber}-fhir-bundle.json`,
        body: new TextEncoder().encode(`${JSON.stringify(clientRecordToFhirBundle(record), null, 2)}\n`),
      };
      break;
    case 'csv':
      file = {
        format: 'csv',
        contentType: 'text/csv; charset=utf-8',
        fileName: `${client.recordNumber}-scores.csv`,
        body: new TextEncoder().encode(administrationsToCsv(record)),
      };
      break;
  }
  const resource = parsed.format === 'pdf' && plan ? `plan:${plan.id}` : `client:${client.id}`;
  await deps.store.appendAudit([clientAuditEvent(actor, `export.${parsed.format}`, client.id, resource)], now);
  return file;
}

/** The client id named by the input: an id as is, or a record number of the caller's practice ('' when unknown). */
async function resolveClientId(deps: Deps, actor: Actor, input: unknown): Promise<string> {
  const ref = typeof input === 'object' && input !== null ? (input as { clientId?: unknown }).clientId : undefined;
  if (typeof ref !== 'string' || ref.length === 0 || ref.length > 100) return '';
  const byId = await deps.store.findClientById(ref);
  if (byId) return byId.id;
  const practiceId = actor.kind === 'user' ? actor.practiceId : (await deps.store.findPractice())?.id;
  if (!practiceId) return ref;
  const byNumber = await deps.store.findClientByRecordNumber(practiceId, ref);
  return byNumber?.id ?? ref;
}
