/**
 * Alerts in words (DESIGN 2.3, 2.4): a short chip label and a sentence with the numbers, from the alert's own code and
 * data, so the wording always matches the rule that raised it.
 *
 * @example
 * describeAlert(alert) // { chip: 'Risk item', title: 'Risk item answered', detail: 'PHQ-9 item 9 answered at or above its threshold on 13 Oct 2026', tone: 'critical' }
 */
import type { Alert } from '../../domain/alerts/alert.js';
import { describeTargetProgress } from '../components/ProgressChart/describe-target-progress.js';
import { formatDate, formatNumber } from './format.js';
import { instrumentLabel } from './instrument-label.js';

/**
 * An alert's words.
 *
 * @example
 * const words: AlertWords = { chip: 'Off track', title: 'Target off track', detail: '…', tone: 'warning' };
 */
export interface AlertWords {
  readonly chip: string;
  readonly title: string;
  readonly detail: string;
  readonly tone: 'critical' | 'warning' | 'info';
}

/**
 * The words of one alert.
 *
 * @example
 * describeAlert({ code: 'no-recent-measure', data: { lastMeasuredOn: null, daysWithoutMeasure: 40, settingWeeks: 4 }, … }).chip // 'No recent measure'
 */
export function describeAlert(alert: Alert): AlertWords {
  switch (alert.code) {
    case 'critical-item-answered':
      return {
        chip: 'Risk item',
        title: 'Risk item answered',
        detail: `${instrumentLabel(alert.subject.instrumentId)} item ${alert.data.item} answered at or above its threshold on ${formatDate(alert.raisedOn)}`,
        tone: 'critical',
      };
    case 'critical-item-unanswered':
      return {
        chip: 'Risk item unanswered',
        title: 'Risk item unanswered',
        detail: `${instrumentLabel(alert.subject.instrumentId)} item ${alert.data.item} was left unanswered on ${formatDate(alert.raisedOn)}: risk is unknown`,
        tone: 'critical',
      };
    case 'reliable-deterioration': {
      const d = alert.data;
      return {
        chip: 'Deteriorating',
        title: 'Reliable deterioration',
        detail: `${instrumentLabel(alert.subject.instrumentId)} from ${formatNumber(d.from)} (${formatDate(d.fromDate)}) to ${formatNumber(d.to)} (${formatDate(d.toDate)}): ${d.change > 0 ? '+' : ''}${formatNumber(d.change)}, beyond the reliable-change threshold of ${formatNumber(d.threshold)}`,
        tone: 'warning',
      };
    }
    case 'target-off-track':
      return {
        chip: 'Off track',
        title: 'Target off track',
        detail: describeTargetProgress({ status: 'off-track', decision: alert.data.decision }),
        tone: 'warning',
      };
    case 'no-recent-measure':
      return {
        chip: 'No recent measure',
        title: 'No recent measure',
        detail:
          alert.data.lastMeasuredOn === null
            ? `Nothing measured in the ${alert.data.daysWithoutMeasure} days since treatment began (the practice asks every ${alert.data.settingWeeks} weeks)`
            : `Last measured on ${formatDate(alert.data.lastMeasuredOn)}, ${alert.data.daysWithoutMeasure} days ago (the practice asks every ${alert.data.settingWeeks} weeks)`,
        tone: 'info',
      };
  }
}
