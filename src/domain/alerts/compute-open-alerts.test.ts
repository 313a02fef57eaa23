import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizePlanProgress } from '../progress/summarize-plan-progress.js';
import { addDays } from '../shared/calendar-date.js';
import type { Goal } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { AlertAcknowledgement } from './close-alert.js';
import {
  type AdministrationRecord,
  type ClientAlertInput,
  computeOpenAlerts,
  type ReliableChangeInstrument,
} from './compute-open-alerts.js';

const instruments: Record<string, ReliableChangeInstrument> = {
  phq9: { reliableChangeThreshold: 6, direction: 'lower-is-better' },
  gad7: { reliableChangeThreshold: 4, direction: 'lower-is-better' },
  wsas: { reliableChangeThreshold: null, direction: 'lower-is-better' },
};
const lookup = (id: string) => instruments[id];

const adm = (
  id: string,
  instrumentId: string,
  date: string,
  total: number | null,
  flags: AdministrationRecord['flags'] = [],
) => ({ id, instrumentId, date, total, flags }) satisfies AdministrationRecord;

const base: ClientAlertInput = {
  today: '2026-10-14',
  administrations: [],
  acknowledgements: [],
  goals: [],
  progress: null,
  treatmentStartedOn: null,
  instruments: lookup,
};

const ack = (alertKey: string): AlertAcknowledgement => ({
  alertKey,
  action: 'risk-assessed',
  note: 'Assessed the same day; no plan or intent; safety plan reviewed.',
  by: 'user-1',
  at: '2026-10-13T16:00:00Z',
});

describe('computeOpenAlerts', () => {
  describe('critical items', () => {
    const flagged = adm('adm-7', 'phq9', '2026-10-13', 14, [{ code: 'critical-item', item: 9 }]);

    it('opens an unmissable alert for a critical item answered', () => {
      expect(computeOpenAlerts({ ...base, administrations: [flagged] })).toEqual([
        {
          key: 'critical-item-answered:adm-7:9',
          code: 'critical-item-answered',
          severity: 'critical',
          closing: 'recorded-action',
          raisedOn: '2026-10-13',
          subject: { kind: 'administration', administrationId: 'adm-7', instrumentId: 'phq9', item: 9 },
          data: { item: 9 },
        },
      ]);
    });

    it('opens a warning when the critical item was left unanswered', () => {
      const missing = adm('adm-8', 'phq9', '2026-10-13', 12, [{ code: 'critical-item-missing', item: 9 }]);
      expect(computeOpenAlerts({ ...base, administrations: [missing] })).toMatchObject([
        { code: 'critical-item-unanswered', severity: 'warning', closing: 'recorded-action' },
      ]);
    });

    it('stays open after later administrations without the flag, however much time passes', () => {
      const later = [adm('adm-9', 'phq9', '2026-10-20', 8), adm('adm-10', 'phq9', '2026-12-20', 3)];
      const alerts = computeOpenAlerts({ ...base, today: '2027-06-01', administrations: [flagged, ...later] });
      expect(alerts.map((a) => a.code)).toContain('critical-item-answered');
    });

    it('closes only with a complete recorded action for that alert', () => {
      const open = (acknowledgements: AlertAcknowledgement[]) =>
        computeOpenAlerts({ ...base, administrations: [flagged], acknowledgements }).map((a) => a.code);
      expect(open([ack('critical-item-answered:adm-7:9')])).toEqual([]);
      expect(open([{ ...ack('critical-item-answered:adm-7:9'), note: '' }])).toEqual(['critical-item-answered']);
      expect(open([ack('critical-item-answered:adm-6:9')])).toEqual(['critical-item-answered']);
    });

    it('is never closed by anything but an acknowledgement of it (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 400 }),
          fc.array(fc.record({ offset: fc.integer({ min: 0, max: 300 }), total: fc.integer({ min: 0, max: 27 }) }), {
            maxLength: 6,
          }),
          (todayOffset, later) => {
            const administrations = [
              flagged,
              ...later.map((l, i) => adm(`later-${i}`, 'phq9', addDays('2026-10-13', l.offset), l.total)),
            ];
            const alerts = computeOpenAlerts({
              ...base,
              today: addDays('2026-10-13', todayOffset),
              administrations,
              treatmentStartedOn: '2026-09-01',
            });
            expect(alerts.filter((a) => a.code === 'critical-item-answered')).toHaveLength(1);
          },
        ),
      );
    });
  });

  describe('reliable deterioration', () => {
    it.each([
      ['PHQ-9 up 6 (the threshold)', 'phq9', 10, 16, true],
      ['PHQ-9 up 5', 'phq9', 10, 15, false],
      ['GAD-7 up 4 (the threshold)', 'gad7', 5, 9, true],
      ['PHQ-9 down 8', 'phq9', 18, 10, false],
      ['WSAS up 20 (no sourced threshold)', 'wsas', 10, 30, false],
    ])('%s', (_name, instrumentId, from, to, opens) => {
      const alerts = computeOpenAlerts({
        ...base,
        administrations: [adm('a1', instrumentId, '2026-09-01', from), adm('a2', instrumentId, '2026-10-13', to)],
      });
      expect(alerts.some((a) => a.code === 'reliable-deterioration')).toBe(opens);
    });

    it('compares the first and the latest administration and names the goals on that instrument', () => {
      const goal: Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'> = {
        id: 'g1',
        status: 'active',
        targets: [
          {
            id: 't1',
            measure: { kind: 'instrument', instrumentId: 'phq9' },
            direction: 'decrease',
            baseline: 12,
            goal: { kind: 'absolute', value: 5, comparator: '<' },
            per: null,
            startDate: '2026-09-01',
            dueDate: '2026-12-01',
          },
        ],
        objectives: [],
      };
      const alerts = computeOpenAlerts({
        ...base,
        goals: [goal],
        administrations: [
          adm('a2', 'phq9', '2026-09-15', 20),
          adm('a1', 'phq9', '2026-09-01', 12),
          adm('a3', 'phq9', '2026-10-13', 19),
          adm('a4', 'phq9', '2026-10-20', 5),
        ],
      });
      expect(alerts).toEqual([
        {
          key: 'reliable-deterioration:phq9:a1:a3',
          code: 'reliable-deterioration',
          severity: 'warning',
          closing: 'automatic',
          raisedOn: '2026-10-13',
          subject: {
            kind: 'instrument',
            instrumentId: 'phq9',
            fromAdministrationId: 'a1',
            toAdministrationId: 'a3',
            goalIds: ['g1'],
          },
          data: { from: 12, to: 19, fromDate: '2026-09-01', toDate: '2026-10-13', change: 7, threshold: 6 },
        },
      ]);
    });

    it('closes by itself once the latest score is no longer reliably worse', () => {
      const alerts = computeOpenAlerts({
        ...base,
        administrations: [
          adm('a1', 'phq9', '2026-09-01', 12),
          adm('a2', 'phq9', '2026-09-15', 20),
          adm('a3', 'phq9', '2026-10-13', 14),
        ],
      });
      expect(alerts).toEqual([]);
    });
  });

  describe('off track', () => {
    const target: Target = {
      id: 't1',
      measure: { kind: 'instrument', instrumentId: 'phq9' },
      direction: 'decrease',
      baseline: 18,
      goal: { kind: 'absolute', value: 7, comparator: '<=' },
      per: null,
      startDate: '2026-09-01',
      dueDate: '2026-11-24',
    };
    const goals: Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'>[] = [
      { id: 'g1', status: 'active', targets: [target], objectives: [] },
      { id: 'g2', status: 'revised', targets: [{ ...target, id: 't2' }], objectives: [] },
    ];
    const progress = summarizePlanProgress(
      goals,
      { t1: [{ date: '2026-10-13', value: 16 }], t2: [{ date: '2026-10-13', value: 16 }] },
      { today: '2026-10-14', instruments: lookup },
    );

    it('opens one alert per off-track target of an active goal, carrying the deciding rule', () => {
      const alerts = computeOpenAlerts({ ...base, goals, progress });
      expect(alerts).toMatchObject([
        {
          key: 'target-off-track:t1',
          code: 'target-off-track',
          severity: 'warning',
          closing: 'automatic',
          raisedOn: '2026-10-13',
          subject: { kind: 'target', targetId: 't1', goalId: 'g1', objectiveId: null },
          data: { decision: { rule: 'behind-expected-trajectory', data: { expected: 12.5, latest: 16, week: 6 } } },
        },
      ]);
    });

    it('opens nothing for targets on track', () => {
      const onTrack = summarizePlanProgress(
        goals,
        { t1: [{ date: '2026-10-13', value: 12 }] },
        { today: '2026-10-14' },
      );
      expect(computeOpenAlerts({ ...base, goals, progress: onTrack })).toEqual([]);
    });

    it('covers the targets of objectives too', () => {
      const withObjective = [
        {
          id: 'g3',
          status: 'active' as const,
          targets: [],
          objectives: [{ id: 'o1', position: 1, statement: '', targets: [target], dueDate: null, interventions: [] }],
        },
      ];
      const p = summarizePlanProgress(
        withObjective,
        { t1: [{ date: '2026-10-13', value: 16 }] },
        { today: '2026-10-14' },
      );
      expect(computeOpenAlerts({ ...base, goals: withObjective, progress: p })[0]?.subject).toEqual({
        kind: 'target',
        targetId: 't1',
        goalId: 'g3',
        objectiveId: 'o1',
      });
    });
  });

  describe('no recent measure', () => {
    it.each([
      ['not in treatment', null, [], [], '2026-12-01', false],
      ['27 days after the last administration', '2026-09-01', ['2026-09-10'], [], '2026-10-07', false],
      ['28 days after the last administration', '2026-09-01', ['2026-09-10'], [], '2026-10-08', true],
      ['28 days after treatment began, never measured', '2026-09-01', [], [], '2026-09-29', true],
      ['a behaviour record counts as a measure', '2026-09-01', ['2026-09-10'], ['2026-10-01'], '2026-10-08', false],
      [
        'a measure before treatment began does not delay the start',
        '2026-09-01',
        ['2026-06-01'],
        [],
        '2026-09-28',
        false,
      ],
      ['treatment starting in the future', '2026-11-01', [], [], '2026-10-14', false],
    ])('%s', (_name, started, admDates, otherDates, today, opens) => {
      const alerts = computeOpenAlerts({
        ...base,
        today,
        treatmentStartedOn: started,
        administrations: admDates.map((d, i) => adm(`a${i}`, 'phq9', d, 10)),
        otherMeasurementDates: otherDates,
      });
      expect(alerts.some((a) => a.code === 'no-recent-measure')).toBe(opens);
    });

    it('follows the practice setting and says how long it has been', () => {
      const alerts = computeOpenAlerts({
        ...base,
        today: '2026-10-20',
        treatmentStartedOn: '2026-09-01',
        administrations: [adm('a1', 'phq9', '2026-09-08', 10)],
        settings: { noMeasureWeeks: 6 },
      });
      expect(alerts).toEqual([
        {
          key: 'no-recent-measure',
          code: 'no-recent-measure',
          severity: 'info',
          closing: 'automatic',
          raisedOn: '2026-10-20',
          subject: { kind: 'client' },
          data: { lastMeasuredOn: '2026-09-08', daysWithoutMeasure: 42, settingWeeks: 6 },
        },
      ]);
    });
  });

  it('lists the most urgent first', () => {
    const alerts = computeOpenAlerts({
      ...base,
      today: '2026-12-01',
      treatmentStartedOn: '2026-09-01',
      administrations: [
        adm('a1', 'phq9', '2026-09-01', 10, [{ code: 'critical-item-missing', item: 9 }]),
        adm('a2', 'phq9', '2026-10-01', 17, [{ code: 'critical-item', item: 9 }]),
      ],
    });
    expect(alerts.map((a) => [a.code, a.severity])).toEqual([
      ['critical-item-answered', 'critical'],
      ['reliable-deterioration', 'warning'],
      ['critical-item-unanswered', 'warning'],
      ['no-recent-measure', 'info'],
    ]);
  });
});
