import { z } from 'zod';
import type { Review } from '../domain/reviews/review.js';
import { AppError } from '../domain/shared/app-error.js';
import { isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import type { ClientRecord } from '../exports/client-record.js';
import { administrationsToCsv } from '../exports/csv/administrations-to-csv.js';
import { behaviorLogsToCsv } from '../exports/csv/behavior-logs-to-csv.js';
import { clientRecordToFhirBundle } from '../exports/fhir/client-record-to-fhir-bundle.js';
import { buildAuditPacketDocument } from '../exports/pdf/audit-packet-document.js';
import { buildProgressReportDocument } from '../exports/pdf/progress-report-document.js';
import { buildReviewDocument } from '../exports/pdf/review-document.js';
import { buildTreatmentPlanDocument } from '../exports/pdf/treatment-plan-document.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { AuditEvent, Deps } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');

/** The documents of each format; the first is the default. */
const DOCUMENTS = {
  pdf: ['plan', 'progress', 'review', 'audit-packet'],
  fhir: ['bundle'],
  csv: ['scores', 'behavior-logs'],
} as const;

/**
 * Every document name `exportClientRecord` knows, for the CLI and API schemas.
 *
 * @example
 * EXPORT_DOCUMENTS.includes('progress') // true
 */
export const EXPORT_DOCUMENTS = [
  'plan',
  'progress',
  'review',
  'audit-packet',
  'bundle',
  'scores',
  'behavior-logs',
] as const;

const freeText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
    'must be one line of text',
  );

const inputSchema = z
  .strictObject({
    /** The client's id, or (from the CLI) the record number such as DEMO-001. */
    clientId: z.string().min(1).max(100),
    format: z.enum(['pdf', 'fhir', 'csv']),
    document: z.enum(EXPORT_DOCUMENTS).optional(),
    from: date.optional(),
    to: date.optional(),
    /** Why the record leaves (e.g. "payer audit"), written to the audit trail with the export. */
    purpose: freeText.optional(),
    /** To whom it goes (e.g. "Acme Health Plan"), written to the audit trail with the export. */
    recipient: freeText.optional(),
    /** The review to print (`document: review`); default the latest review dated in the period. */
    reviewId: z.string().min(1).max(100).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['from'] })
  .refine((v) => v.document === undefined || (DOCUMENTS[v.format] as readonly string[]).includes(v.document), {
    message:
      'the document does not exist in this format (pdf: plan, progress, review, audit-packet; csv: scores, behavior-logs; fhir: bundle)',
    path: ['document'],
  })
  .refine((v) => v.document !== 'audit-packet' || (v.from !== undefined && v.to !== undefined), {
    message: 'an audit packet needs the period: from and to',
    path: ['from'],
  });

export type ExportClientRecordInput = z.input<typeof inputSchema>;

/**
 * A finished export: bytes and how to name and serve them. The file name is opaque (no name or record number of
 * the client: file names end up in download folders, mail attachments and logs).
 *
 * @example
 * const file: ClientExport = { format: 'csv', document: 'scores', contentType: 'text/csv; charset=utf-8', fileName: 'cairn-scores-20261126-1a2b3c4d.csv', body: new Uint8Array() };
 */
export interface ClientExport {
  readonly format: 'pdf' | 'fhir' | 'csv';
  readonly document: (typeof EXPORT_DOCUMENTS)[number];
  readonly contentType: string;
  readonly fileName: string;
  readonly body: Uint8Array;
}

/**
 * Exports a client's record (DESIGN 2.7, 3.2):
 * - `pdf` `plan` (default): the current treatment plan, payer-ready;
 * - `pdf` `progress`: the progress report of the current plan for the period (`from` defaults to the plan's start,
 *   `to` to today in the practice time zone; statuses are judged as of `to`), with a chart per target;
 * - `pdf` `audit-packet` (needs `from` and `to`): the plan versions in force in the period with signatures and
 *   content hashes, the scores of the period (table and charts), the audit entries naming the client in the period;
 * - `pdf` `review`: a periodic review (`reviewId`, else the latest dated in the period; `not-found` when none);
 * - `fhir`: an R4 collection Bundle (with Provenance for the plan's signatures);
 * - `csv` `scores` (default, one row per administration) or `behavior-logs` (one row per logged period).
 * `from`/`to` (inclusive dates) limit the scores and logs of the plan, FHIR and CSV exports. Read access (auditors
 * may export); the export is audited as `export.<format>` naming the client, with a resource that says what left and,
 * when given, why and to whom (`client:<id>?document=progress&purpose=…&recipient=…`, URL-encoded). Exports are
 * disclosures: an accounting of disclosures comes with issue 12 — until then the audit trail is the record of them.
 *
 * The client may be named by id or by record number (the CLI accepts both); a record number is looked up in the
 * caller's practice and then goes through the same access rule, so an unknown number is `not-found` too.
 *
 * @example
 * const file = await exportClientRecord(deps, actor, { clientId, format: 'pdf', document: 'progress', purpose: 'payer review' });
 * file.contentType // 'application/pdf'
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
  const document = parsed.document ?? DOCUMENTS[parsed.format][0];
  const practice = await deps.store.findPractice();
  const client = await deps.store.findClientById(access.clientId);
  if (!practice || !client) throw new AppError(ErrorCode.notFound, 'No such client.');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const today = todayInTimeZone(nowDate, practice.timeZone);
  const [plan, diagnoses, administrations, behaviors] = await Promise.all([
    deps.store.findCurrentPlan(client.id),
    deps.store.listDiagnoses(client.id),
    deps.store.listAdministrations(client.id),
    deps.store.listBehaviors(client.id),
  ]);
  const logs = (await Promise.all(behaviors.map((b) => deps.store.listBehaviorLogs(b.id)))).flat();
  // The progress report needs the history before the period (baselines); the other documents only the period.
  const limit = document !== 'progress';
  const inRange = (day: string) => !limit || ((!parsed.from || day >= parsed.from) && (!parsed.to || day <= parsed.to));
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
  const fileName = (extension: string) =>
    `cairn-${document}-${today.replace(/-/g, '')}-${deps.ids.newId().replace(/-/g, '').slice(0, 12)}.${extension}`;
  let body: Uint8Array;
  let resource = `client:${client.id}`;
  switch (document) {
    case 'plan': {
      if (!plan) throw new AppError(ErrorCode.notFound, 'The client has no treatment plan.');
      body = await renderPdf(buildTreatmentPlanDocument(record));
      resource = `plan:${plan.id}`;
      break;
    }
    case 'progress': {
      if (!plan) throw new AppError(ErrorCode.notFound, 'The client has no treatment plan.');
      const to = parsed.to ?? (parsed.from && parsed.from > today ? parsed.from : today);
      body = await renderPdf(buildProgressReportDocument({ record, from: parsed.from ?? null, to }));
      resource = `plan:${plan.id}`;
      break;
    }
    case 'audit-packet': {
      const from = parsed.from ?? today;
      const to = parsed.to ?? today;
      const [planVersions, auditEvents, users, reviews] = await Promise.all([
        plansInForce(deps, client.id, from, to),
        auditEventsOf(deps, client.id, from, to, practice.timeZone),
        deps.store.listUsers(client.practiceId),
        deps.store.listReviews(client.id),
      ]);
      const inPeriod = reviews
        .filter((r) => r.reviewDate >= from && r.reviewDate <= to)
        .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
      const actorNames = Object.fromEntries(users.map((u) => [`user:${u.id}`, `${u.name} (${u.email})`]));
      // Sessions of the period with their progress notes (issue 11); psychotherapy notes are never read here.
      const notes = new Map((await deps.store.listProgressNotes(client.id)).map((n) => [n.sessionId, n]));
      const sessions = (await deps.store.listSessionRecords(client.id))
        .filter((s) => s.date >= from && s.date <= to)
        .reverse()
        .map((session) => ({ session, note: notes.get(session.id) ?? null }));
      body = await renderPdf(
        buildAuditPacketDocument({
          record,
          planVersions,
          reviews: inPeriod,
          sessions,
          auditEvents,
          from,
          to,
          actorNames,
        }),
      );
      break;
    }
    case 'review': {
      const review = await reviewToPrint(deps, client.id, parsed);
      body = await renderPdf(buildReviewDocument(record, review));
      resource = `review:${review.id}`;
      break;
    }
    case 'bundle':
      body = new TextEncoder().encode(`${JSON.stringify(clientRecordToFhirBundle(record), null, 2)}\n`);
      break;
    case 'scores':
      body = new TextEncoder().encode(administrationsToCsv(record));
      break;
    case 'behavior-logs':
      body = new TextEncoder().encode(behaviorLogsToCsv(record));
      break;
  }
  const file: ClientExport = {
    format: parsed.format,
    document,
    ...CONTENT[parsed.format],
    fileName: fileName(CONTENT[parsed.format].extension),
    body,
  };
  const details = new URLSearchParams({ document });
  if (parsed.from) details.set('from', parsed.from);
  if (parsed.to) details.set('to', parsed.to);
  if (parsed.purpose) details.set('purpose', parsed.purpose);
  if (parsed.recipient) details.set('recipient', parsed.recipient);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, `export.${parsed.format}`, client.id, `${resource}?${details.toString()}`)],
    now,
  );
  return file;
}

const CONTENT = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  fhir: { contentType: 'application/fhir+json', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
} as const;

/** Loaded on first use: pdfmake takes ~0.3 s to load, which the server's start-up should not pay. */
async function renderPdf(model: Parameters<typeof import('../exports/pdf/render-pdf.js').renderPdf>[0]) {
  return (await import('../exports/pdf/render-pdf.js')).renderPdf(model);
}

/** The review named by `reviewId` (of this client), else the latest dated in the period; not-found when none. */
async function reviewToPrint(
  deps: Deps,
  clientId: string,
  v: { readonly reviewId?: string | undefined; readonly from?: string | undefined; readonly to?: string | undefined },
): Promise<Review> {
  if (v.reviewId) {
    const review = await deps.store.findReviewById(v.reviewId);
    if (!review || review.clientId !== clientId) throw new AppError(ErrorCode.notFound, 'No such review.');
    return review;
  }
  const latest = (await deps.store.listReviews(clientId))
    .filter((r) => (!v.from || r.reviewDate >= v.from) && (!v.to || r.reviewDate <= v.to))
    .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.updatedAt.localeCompare(b.updatedAt))
    .at(-1);
  if (!latest) {
    throw new AppError(
      ErrorCode.notFound,
      `No review is recorded for the client${v.from || v.to ? ' in the period' : ''}.`,
    );
  }
  return latest;
}

/**
 * The signed plan versions in force at some time in the period, oldest first: signed on or before `to`, and not
 * superseded (the next version signed) before `from`.
 */
async function plansInForce(deps: Deps, clientId: string, from: string, to: string): Promise<TreatmentPlan[]> {
  const versions = (await deps.store.listPlanVersions(clientId))
    .filter((v) => v.status !== 'draft' && v.clinicianSignature)
    .sort((a, b) => a.version - b.version);
  const signedOn = (v: (typeof versions)[number]) => v.clinicianSignature?.signedAt.slice(0, 10) ?? '';
  const chosen = versions.filter((v, i) => {
    const next = versions[i + 1];
    return signedOn(v) <= to && (!next || signedOn(next) >= from);
  });
  const plans = await Promise.all(chosen.map((v) => deps.store.findPlanById(v.id)));
  return plans.filter((p): p is TreatmentPlan => p !== null);
}

/** The audit entries naming the client whose date (in the practice time zone) is in the period, oldest first. */
async function auditEventsOf(
  deps: Deps,
  clientId: string,
  from: string,
  to: string,
  timeZone: string,
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await deps.store.listAuditNewestFirst({ limit: 500, clientId, ...(beforeSeq ? { beforeSeq } : {}) });
    for (const e of page) {
      const day = todayInTimeZone(new Date(e.at), timeZone);
      if (day < from) return events.reverse();
      if (day <= to) events.push(e);
    }
    const last = page.at(-1);
    if (page.length < 500 || !last) return events.reverse();
    beforeSeq = last.seq;
  }
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
