import { z } from 'zod';
import type { MeasureDefinition } from '../domain/scoring/measure-definition.js';
import { scoreMeasure } from '../domain/scoring/score-measure.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { listMeasures } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Administration, Deps } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

/** Most entries one import may hold (a year of weekly PHQ-9, GAD-7 and PCL-5 with their Observations is ~320). */
export const MAX_IMPORT_ENTRIES = 2000;
/** Largest import body in bytes (the HTTP route's body limit; the CLI checks the file size against it too). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const LOINC = 'http://loinc.org';
/** Cairn's own canonical URLs and identifier systems (src/exports/fhir/fhir-codes.ts). */
const CAIRN_BASE = 'https://cairn.example.org/fhir';
const CAIRN_ADMINISTRATION_ID = `${CAIRN_BASE}/NamingSystem/id/administration`;
const CAIRN_INSTRUMENT = `${CAIRN_BASE}/CodeSystem/instrument`;

const identifier = z.object({ system: z.string().max(500).optional(), value: z.string().min(1).max(500) });
const coding = z.object({ system: z.string().max(500).optional(), code: z.string().min(1).max(200) });
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date and time with a zone' });

/** The QuestionnaireResponse Cairn accepts: completed, flat items with at most one coded or integer answer each. */
const questionnaireResponseSchema = z.object({
  resourceType: z.literal('QuestionnaireResponse'),
  id: z.string().max(64).optional(),
  identifier: identifier.optional(),
  questionnaire: z.string().min(1).max(500),
  status: z.enum(['completed', 'amended']),
  authored: instant,
  item: z
    .array(
      z.object({
        linkId: z.string().min(1).max(200),
        item: z.undefined({ message: 'nested item groups are not accepted' }).optional(),
        answer: z
          .array(z.object({ valueCoding: coding.optional(), valueInteger: z.number().int().optional() }))
          .max(1, 'at most one answer per item')
          .optional(),
      }),
    )
    .max(100),
});

/** The Observation Cairn accepts: a final total score of a known instrument, derived from a response in the Bundle. */
const observationSchema = z.object({
  resourceType: z.literal('Observation'),
  id: z.string().max(64).optional(),
  status: z.enum(['final', 'amended', 'corrected']),
  code: z.object({ coding: z.array(coding).max(20).optional() }),
  valueQuantity: z.object({ value: z.number() }).optional(),
  derivedFrom: z
    .array(z.object({ reference: z.string().max(200).optional() }))
    .max(20)
    .optional(),
});

const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.enum(['collection', 'transaction', 'batch', 'searchset', 'document']),
  entry: z
    .array(z.object({ fullUrl: z.string().max(500).optional(), resource: z.looseObject({ resourceType: z.string() }) }))
    .max(MAX_IMPORT_ENTRIES, `a Bundle may hold at most ${MAX_IMPORT_ENTRIES} entries`)
    .default([]),
});

const inputSchema = z.strictObject({ clientId: z.string().min(1).max(100), bundle: z.unknown() });

export type ImportFhirBundleInput = z.input<typeof inputSchema>;

/**
 * What an import did.
 *
 * @example
 * const r: ImportFhirBundleResult = { imported: 2, duplicates: 0, administrationIds: ['…', '…'], ignored: [] };
 */
export interface ImportFhirBundleResult {
  readonly imported: number;
  readonly duplicates: number;
  readonly administrationIds: readonly string[];
  /** Resources not imported, with the reason (`QuestionnaireResponse/…` or `entry 3`). */
  readonly ignored: readonly { readonly resource: string; readonly reason: string }[];
}

/** The instrument a questionnaire canonical names: LOINC `http://loinc.org/q/<panel>` or Cairn's own. */
function instrumentOfQuestionnaire(url: string): MeasureDefinition | undefined {
  const [base] = url.split('|');
  const loinc = base?.match(/^https?:\/\/loinc\.org\/q\/([0-9]+-[0-9])$/)?.[1];
  if (loinc) return listMeasures().find((m) => m.loincPanel === loinc);
  const own = base?.startsWith(`${CAIRN_BASE}/Questionnaire/`)
    ? base.slice(`${CAIRN_BASE}/Questionnaire/`.length)
    : null;
  return own ? listMeasures().find((m) => m.id === own) : undefined;
}

/** The instrument an Observation's code names (its LOINC total-score code or Cairn's instrument code). */
function instrumentOfObservation(codings: readonly z.infer<typeof coding>[]): MeasureDefinition | undefined {
  for (const c of codings) {
    if (c.system === CAIRN_INSTRUMENT) {
      const m = listMeasures().find((x) => x.id === c.code);
      if (m) return m;
    }
    if (c.system === LOINC) {
      const m = listMeasures().find((x) => x.loinc === c.code);
      if (m) return m;
    }
  }
  return undefined;
}

/** Item answers in item order from a response's flat items; a string is the reason it cannot be read. */
function answersOf(
  def: MeasureDefinition,
  qr: z.infer<typeof questionnaireResponseSchema>,
): (number | null)[] | string {
  const answers: (number | null)[] = def.items.map(() => null);
  for (const item of qr.item) {
    const index = def.items.findIndex((it, i) =>
      it.loinc ? item.linkId === `/${it.loinc}` || item.linkId === it.loinc : item.linkId === `item-${i + 1}`,
    );
    const byNumber = item.linkId.match(/^item-(\d+)$/)?.[1];
    const i = index >= 0 ? index : byNumber ? Number(byNumber) - 1 : -1;
    const defItem = def.items[i];
    if (!defItem) continue; // items Cairn does not score (PHQ-9 item 10) are left out
    const answer = item.answer?.[0];
    if (!answer) continue;
    if (answer.valueInteger !== undefined) {
      if (!defItem.options.some((o) => o.value === answer.valueInteger)) {
        return `item ${item.linkId}: ${answer.valueInteger} is not an answer of ${def.shortName}`;
      }
      answers[i] = answer.valueInteger;
    } else if (answer.valueCoding) {
      const option = defItem.options.find((o) => o.loinc !== null && o.loinc === answer.valueCoding?.code);
      if (!option)
        return `item ${item.linkId}: answer code ${answer.valueCoding.code} is not an answer of ${def.shortName}`;
      answers[i] = option.value;
    }
  }
  return answers;
}

/**
 * Imports a FHIR R4 Bundle of QuestionnaireResponses (and their Observations) into one client's record (DESIGN 2.7).
 * What is accepted is our own schema, not all of FHIR: flat, completed responses to a questionnaire Cairn knows (LOINC
 * `http://loinc.org/q/<panel>` or Cairn's canonical), items by LOINC linkId (`/44250-9`) or `item-N`, answers as
 * LOINC answer codes or integers. Each response becomes an administration with source `import`, **scored by Cairn's
 * engine** (never by the sender's numbers); an Observation with the total, derived from a response in the Bundle, is
 * only compared — a different total is reported in `ignored`. Standalone Observations (a total without answers
 * cannot be scored) and other resource types are reported in `ignored`, not imported.
 *
 * Duplicates are skipped by identifier: a response's `identifier` (or its `id`) maps to a stable administration id
 * (Cairn's own identifiers of this client keep their id; others become a hash of client, system and value), so a
 * second import of the same Bundle imports nothing. Write access; one transaction; audited as
 * `administration.import` per administration plus one `import.fhir` event with the counts. No alerts are raised for
 * imported history (their flags are kept on the administration).
 *
 * @example
 * const r = await importFhirBundle(deps, clinician, { clientId, bundle });
 * r.imported // 12
 */
export async function importFhirBundle(
  deps: Deps,
  actor: Actor,
  input: ImportFhirBundleInput,
): Promise<ImportFhirBundleResult> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'import.fhir');
  const v = parseInput(inputSchema, input);
  const bundle = parseInput(bundleSchema, v.bundle);
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('a client exists without a practice');
  const clientId = access.clientId;
  const existing = new Set((await deps.store.listAdministrations(clientId)).map((a) => a.id));
  const now = deps.clock.now();
  const ignored: { resource: string; reason: string }[] = [];
  const administrations: Administration[] = [];
  const byReference = new Map<string, Administration>();
  let duplicates = 0;

  bundle.entry.forEach((entry, n) => {
    const resource = entry.resource;
    const name = `${resource.resourceType}/${typeof resource.id === 'string' ? resource.id : `entry-${n + 1}`}`;
    if (resource.resourceType === 'Observation' || resource.resourceType === 'Patient') return; // second pass / context
    if (resource.resourceType !== 'QuestionnaireResponse') {
      ignored.push({ resource: name, reason: `${resource.resourceType} is not imported` });
      return;
    }
    const parsed = questionnaireResponseSchema.safeParse(resource);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      ignored.push({ resource: name, reason: `not accepted: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}` });
      return;
    }
    const qr = parsed.data;
    const def = instrumentOfQuestionnaire(qr.questionnaire);
    if (!def) {
      ignored.push({ resource: name, reason: `unknown questionnaire ${qr.questionnaire}` });
      return;
    }
    const answers = answersOf(def, qr);
    if (typeof answers === 'string') {
      ignored.push({ resource: name, reason: answers });
      return;
    }
    const scored = scoreMeasure(def, answers);
    if (scored.kind !== 'scored') {
      ignored.push({ resource: name, reason: `cannot be scored: ${scored.issues.map((i) => i.code).join(', ')}` });
      return;
    }
    const ident = qr.identifier ?? (qr.id ? { system: 'resource-id', value: qr.id } : null);
    if (!ident) {
      ignored.push({ resource: name, reason: 'no identifier or id, so a duplicate could not be recognised' });
      return;
    }
    const id =
      ident.system === CAIRN_ADMINISTRATION_ID && existing.has(ident.value)
        ? ident.value
        : uuidFromHash(deps.digest.sha256(`${clientId}\n${ident.system ?? ''}\n${ident.value}`));
    if (existing.has(id)) {
      duplicates += 1;
      return;
    }
    existing.add(id);
    const administeredAt = new Date(qr.authored);
    const administration: Administration = {
      id,
      clientId,
      instrumentId: def.id,
      instrumentVersion: scored.result.version,
      administeredAt: administeredAt.toISOString(),
      administeredOn: todayInTimeZone(administeredAt, practice.timeZone),
      source: 'import',
      answers,
      total: scored.result.total ?? 0,
      severity: scored.result.severity,
      prorated: scored.result.prorated,
      subscales: scored.result.subscales,
      flags: scored.result.flags.map((f) => ({ code: f.code, item: f.item })),
      recordedBy: actor.kind === 'user' ? actor.userId : null,
    };
    administrations.push(administration);
    if (qr.id) byReference.set(`QuestionnaireResponse/${qr.id}`, administration);
    if (entry.fullUrl) byReference.set(entry.fullUrl, administration);
  });

  bundle.entry.forEach((entry, n) => {
    const resource = entry.resource;
    if (resource.resourceType !== 'Observation') return;
    const name = `Observation/${typeof resource.id === 'string' ? resource.id : `entry-${n + 1}`}`;
    const parsed = observationSchema.safeParse(resource);
    const def = parsed.success ? instrumentOfObservation(parsed.data.code.coding ?? []) : undefined;
    if (!parsed.success || !def) {
      ignored.push({ resource: name, reason: 'not an instrument score Cairn knows (only totals of its instruments)' });
      return;
    }
    const from = (parsed.data.derivedFrom ?? [])
      .map((r) => (r.reference ? byReference.get(r.reference) : undefined))
      .find((a) => a !== undefined);
    const derivedFromImported = (parsed.data.derivedFrom ?? []).some((r) =>
      r.reference?.startsWith('QuestionnaireResponse/'),
    );
    if (!from) {
      if (!derivedFromImported) {
        ignored.push({
          resource: name,
          reason: 'a total without item answers cannot be scored by Cairn: not imported',
        });
      }
      return; // derived from a response that was a duplicate or was itself ignored (reported there)
    }
    const total = parsed.data.valueQuantity?.value;
    if (total !== undefined && def.scoring.total !== null && total !== from.total) {
      ignored.push({
        resource: name,
        reason: `its total ${total} differs from Cairn's score ${from.total} of the same answers; Cairn's is kept`,
      });
    }
  });

  const at = now.toISOString();
  const summary = new URLSearchParams({
    imported: String(administrations.length),
    duplicates: String(duplicates),
    ignored: String(ignored.length),
  });
  await deps.store.transaction(async (tx) => {
    if (administrations.length > 0) await tx.insertAdministrations(administrations, at);
    await tx.appendAudit(
      [
        ...administrations.map((a) =>
          clientAuditEvent(actor, 'administration.import', clientId, `administration:${a.id}`),
        ),
        clientAuditEvent(actor, 'import.fhir', clientId, `client:${clientId}?${summary.toString()}`),
      ],
      at,
    );
  });
  if (administrations.length === 0 && duplicates === 0 && ignored.length > 0 && bundle.entry.length > 0) {
    // Nothing usable: say so as a refusal, with the reasons (the audit event above records the attempt).
    throw new AppError(ErrorCode.invalidInput, `Nothing to import: ${ignored[0]?.resource}: ${ignored[0]?.reason}`);
  }
  return { imported: administrations.length, duplicates, administrationIds: administrations.map((a) => a.id), ignored };
}

/** A UUID-shaped id (version 8, RFC 9562 "custom") from a SHA-256 hex digest. */
function uuidFromHash(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '8';
  h[16] = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
