import type { Alert } from '../domain/alerts/alert.js';
import { computeOpenAlerts } from '../domain/alerts/compute-open-alerts.js';
import { getMeasure } from '../measures/registry.js';
import type { Administration } from './ports.js';

/**
 * The alerts one administration raises by itself: a critical item answered (PHQ-9 item 9 > 0) or left unanswered.
 * They close only by a recorded clinician action (DESIGN 2.3), never by themselves. The domain's alert rules, given
 * this administration alone, yield exactly these.
 *
 * @example
 * alertsRaisedByAdministration(phq9WithItem9AnsweredOne).map((a) => a.code) // ['critical-item-answered']
 */
export function alertsRaisedByAdministration(administration: Administration): Alert[] {
  return computeOpenAlerts({
    today: administration.administeredOn,
    administrations: [
      {
        id: administration.id,
        instrumentId: administration.instrumentId,
        date: administration.administeredOn,
        total: administration.total,
        flags: administration.flags.map((f) => ({ code: f.code, item: f.item ?? 0 })),
      },
    ],
    goals: [],
    progress: null,
    acknowledgements: [],
    treatmentStartedOn: null,
    instruments: getMeasure,
  }).filter((a) => a.closing === 'recorded-action');
}
