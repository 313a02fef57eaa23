import { z } from 'zod';
import type { Alert } from '../domain/alerts/alert.js';
import { type MeasureScore, scoreMeasureOrThrow } from '../domain/scoring/score-measure.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { issue } from '../domain/shared/issue.js';
import { getMeasure } from '../measures/registry.js';
import { alertsRaisedByAdministration } from './alerts-raised-by-administration.js';
import { clientIdOf } from './client-id-of.js';
import { assertRecordingAccess, type RecordingActor, recordingAuditEvent } from './link-actor.js';
import { parseInput } from './parse-input.js';
import type { Administration, Deps, StoredAlert } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

/** Most answers any instrument can have (the longest has 21 scored items); more is not worth scoring. */
const MAX_ANSWERS = 100;
/** How far in the future an administration time may be (clock skew between devices). */
const FUTURE_SKEW_MS = 5 * 60_000;

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  instrumentId: z.string().trim().min(1, 'must name an instrument').max(100),
  answers: z.array(z.number().nullable()).max(MAX_ANSWERS, `must have at most ${MAX_ANSWERS} answers`),
  /** When it was completed; default now. */
  administeredAt: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date and time' }).optional(),
  source: z.enum(['session', 'link', 'import']).optional(),
});

export type RecordAdministrationInput = z.input<typeof inputSchema>;

/**
 * What was stored: the administration (with its answers), the score, and the alerts it raised.
 *
 * @example
 * const { score, alerts } = result; // score.total 18, alerts[0].code 'critical-item-answered'
 */
export interface RecordAdministrationResult {
  readonly administration: Administration;
  readonly score: MeasureScore;
  /** Alerts raised by this administration (critical item answered or left unanswered); they stay open until acknowledged. */
  readonly alerts: readonly Alert[];
}

/**
 * Records one completed questionnaire for a client (in session by default): scores the answers with the domain engine
 * and stores the administration with its item answers, the score and the definition version used. A critical item
 * answered (PHQ-9 item 9 > 0) opens a `critical-item-answered` alert, and a critical item left unanswered a
 * `critical-item-unanswered` alert, in the same transaction; neither ever closes by itself (DESIGN 2.3): a clinician
 * records what was done (acknowledgeAlert). Bad input never half-writes: unscorable answers throw
 * AppError('unscorable-response') carrying the domain issues, malformed input AppError('invalid-input'), an unknown
 * instrument AppError('unknown-instrument'), and nothing is stored.
 *
 * @example
 * const result = await recordAdministration(deps, actor, { clientId, instrumentId: 'phq9', answers: [3, 3, 2, 2, 2, 2, 2, 1, 1] });
 * result.score.total // 18
 * result.alerts.map((a) => a.code) // ['critical-item-answered']
 */
export async function recordAdministration(
  deps: Deps,
  actor: RecordingActor,
  input: RecordAdministrationInput,
): Promise<RecordAdministrationResult> {
  const access = await assertRecordingAccess(deps, actor, clientIdOf(input), 'write', 'administration.create');
  const v = parseInput(inputSchema, input);
  const definition = getMeasure(v.instrumentId);
  if (!definition) throw new AppError(ErrorCode.unknownInstrument, 'No such instrument.');
  const score = scoreMeasureOrThrow(definition, v.answers);

  const now = deps.clock.now();
  const administeredAt = v.administeredAt ? new Date(v.administeredAt) : now;
  if (administeredAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new AppError(ErrorCode.invalidInput, 'administeredAt: must not be in the future', {
      issues: [
        issue('invalid-field', 'error', 'administeredAt: must not be in the future', {
          path: ['administeredAt'],
        }),
      ],
    });
  }
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('a client exists without a practice');

  const administration: Administration = {
    id: deps.ids.newId(),
    clientId: access.clientId,
    instrumentId: definition.id,
    instrumentVersion: score.version,
    administeredAt: administeredAt.toISOString(),
    administeredOn: todayInTimeZone(administeredAt, practice.timeZone),
    source: v.source ?? 'session',
    answers: v.answers,
    // An instrument reported only by subscales (DASS-21) has no total; 0 is stored and never read as one.
    total: score.total ?? 0,
    severity: score.severity,
    prorated: score.prorated,
    subscales: score.subscales,
    flags: score.flags.map((f) => ({ code: f.code, item: f.item })),
    recordedBy: actor.kind === 'user' ? actor.userId : null,
  };
  const alerts = alertsRaisedByAdministration(administration);

  const at = now.toISOString();
  const stored: StoredAlert[] = alerts.map((alert) => ({
    id: deps.ids.newId(),
    clientId: access.clientId,
    alert,
    raisedAt: at,
    closure: null,
  }));
  await deps.store.transaction(async (tx) => {
    await tx.insertAdministrations([administration], at);
    await tx.insertAlerts(stored);
    await tx.appendAudit(
      [
        recordingAuditEvent(actor, 'administration.create', access.clientId, `administration:${administration.id}`),
        ...stored.map((s) =>
          recordingAuditEvent(actor, `alert.raise.${s.alert.code}`, access.clientId, `alert:${s.id}`),
        ),
      ],
      at,
    );
  });
  return { administration, score, alerts };
}
