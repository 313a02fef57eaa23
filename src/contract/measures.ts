import { z } from 'zod';
import { AlertAction } from '../domain/alerts/close-alert.js';
import { Id } from './common.js';

/**
 * Administrations of instruments (scored on the server), behaviours and their logs, and a client's series.
 *
 * @example
 * const body: z.infer<typeof RecordAdministrationRequest> = { instrument: 'phq9', answers: [3, 3, 2, 2, 2, 2, 2, 1, 1] };
 */
const Flag = z.looseObject({ code: z.string(), item: z.number().int().optional() });

export const ScoreView = z.looseObject({
  instrument: z.string(),
  version: z.string(),
  total: z.number().nullable(),
  severity: z.string().nullable(),
  prorated: z.boolean(),
  subscales: z.record(z.string(), z.number()),
  flags: z.array(Flag),
});

export const AlertView = z.looseObject({
  key: z.string(),
  code: z.string(),
  severity: z.string(),
  closing: z.string(),
  raisedOn: z.string(),
  subject: z.looseObject({ kind: z.string() }),
});

/**
 * An administration as the API shows it (issue 5 contract: `{id, administeredAt, …}` and the score object of
 * `cairn measures score --json`).
 */
export const AdministrationView = z
  .object({
    id: Id,
    clientId: Id,
    instrument: z.string().describe('Instrument id, e.g. phq9.'),
    instrumentVersion: z.string(),
    administeredAt: z.string(),
    administeredOn: z.string().describe('The date in the practice time zone.'),
    source: z.enum(['session', 'link', 'import']),
    answers: z.array(z.number().nullable()),
    score: ScoreView,
    recordedBy: z.string().nullable(),
  })
  .meta({ id: 'Administration' });

export const RecordAdministrationRequest = z.strictObject({
  instrument: z.string().max(100).describe('Instrument id: phq9, gad7, pcl5, …'),
  answers: z.array(z.number().nullable()).max(100).describe('Item answers in item order; null for a missing item.'),
  administeredAt: z.string().max(40).optional().describe('ISO-8601; default now.'),
  source: z.enum(['session', 'link', 'import']).optional(),
});

export const RecordAdministrationResponse = AdministrationView.extend({
  alerts: z
    .array(AlertView)
    .describe('Alerts raised by this administration (critical items); open until acknowledged.'),
});

export const BehaviorView = z.object({
  id: Id,
  clientId: Id,
  name: z.string(),
  period: z.enum(['day', 'week', 'month']),
  direction: z.enum(['decrease', 'increase']),
  unit: z.string().nullable(),
});

export const DefineBehaviorRequest = z.strictObject({
  name: z.string().max(200),
  period: z.enum(['day', 'week', 'month']),
  direction: z.enum(['decrease', 'increase']),
  unit: z.string().max(50).nullable().optional(),
});

export const BehaviorParams = z.strictObject({ clientId: Id, behaviorId: Id });

export const RecordBehaviorLogRequest = z.strictObject({
  periodStart: z.string().max(10).describe('First day of the counted period, YYYY-MM-DD.'),
  count: z.number(),
  source: z.enum(['session', 'link', 'import']).optional(),
});

export const BehaviorLogView = z.object({
  id: Id,
  behaviorId: Id,
  clientId: Id,
  periodStart: z.string(),
  count: z.number(),
  source: z.enum(['session', 'link', 'import']),
  recordedBy: z.string().nullable(),
});

export const SeriesQuery = z.strictObject({ instrumentId: z.string().max(100).optional() });

export const SeriesView = z.object({
  clientId: Id,
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      shortName: z.string().nullable(),
      points: z.array(
        z.looseObject({
          administrationId: z.string(),
          date: z.string(),
          administeredAt: z.string(),
          total: z.number().nullable(),
          severity: z.string().nullable(),
        }),
      ),
    }),
  ),
  behaviors: z.array(
    z.object({
      behavior: BehaviorView,
      points: z.array(z.object({ logId: z.string(), periodStart: z.string(), count: z.number() })),
    }),
  ),
});

/** The plan's progress: per goal and target, the status and the rule that decided it (see docs/progress-rules.md). */
export const ProgressView = z.object({
  clientId: Id,
  today: z.string(),
  plan: z.object({ id: Id, version: z.number().int(), status: z.string() }).nullable(),
  progress: z.looseObject({}).nullable(),
  seriesByTargetId: z.record(z.string(), z.array(z.looseObject({}))),
});

export const StoredAlertView = z.object({
  id: z.string(),
  clientId: Id,
  raisedAt: z.string(),
  alert: AlertView,
  closure: z
    .object({ alertKey: z.string(), action: z.string(), note: z.string(), by: z.string(), at: z.string() })
    .nullable(),
});

export const AlertsQuery = z.strictObject({
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const AcknowledgeAlertRequest = z.strictObject({
  alertKey: z.string().max(300),
  action: z.enum(Object.values(AlertAction) as [AlertAction, ...AlertAction[]]),
  note: z.string().max(4000).describe('What was done and found.'),
});

export const ClosedAlertView = z.object({
  alert: AlertView,
  acknowledgement: z.object({
    alertKey: z.string(),
    action: z.string(),
    note: z.string(),
    by: z.string(),
    at: z.string(),
  }),
  closedAt: z.string(),
});

export const OutcomesQuery = z.strictObject({
  from: z.string().max(10),
  to: z.string().max(10),
  period: z.enum(['month', 'quarter', 'year']).optional(),
  clinicianId: Id.optional(),
});

export const OutcomesView = z.object({
  from: z.string(),
  to: z.string(),
  period: z.enum(['month', 'quarter', 'year']),
  clinicianId: z.string().nullable(),
  rows: z.array(
    z.looseObject({
      clinicianId: z.string().nullable(),
      clinicianName: z.string().nullable(),
      instrumentId: z.string(),
      instrumentName: z.string(),
      period: z.string(),
      clients: z.number().int(),
    }),
  ),
});
