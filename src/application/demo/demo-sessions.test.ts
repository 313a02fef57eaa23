import { describe, expect, it } from 'vitest';
import { checkNoteForSigning } from '../../domain/sessions/check-note-for-signing.js';
import { daysBetween } from '../../domain/shared/calendar-date.js';
import { getMeasure } from '../../measures/registry.js';
import { buildDepressionCase, buildPanicCase, buildPtsdCase, type DemoCaseInput } from './demo-cases.js';
import { buildDemoSessions } from './demo-sessions.js';

let n = 0;
const input: DemoCaseInput = {
  practiceId: 'p1',
  today: '2026-11-26',
  clinician: { id: 'u1', name: 'Dr Robin Demo', credentials: 'PhD' },
  newId: () => `id-${++n}`,
  measure: (id) => getMeasure(id)!,
  reviewIntervalDays: 90,
  signedAt: '2026-09-01T10:00:00.000Z',
};
const sessionsInput = { ...input, signedAt: '2026-11-26T12:00:00.000Z' };
const cases = [
  ['depression', buildDepressionCase(input)],
  ['panic', buildPanicCase(input)],
  ['ptsd', buildPtsdCase(input)],
] as const;

describe('buildDemoSessions', () => {
  it.each(cases)(
    '%s: several weeks of attended sessions, each with a signed note that passes the signing checks',
    (_n, c) => {
      const sessions = buildDemoSessions(c, sessionsInput);
      expect(sessions.length).toBeGreaterThanOrEqual(4);
      for (const { session, note } of sessions) {
        expect(daysBetween(session.date, input.today)).toBeGreaterThan(0);
        expect(daysBetween(session.date, input.today)).toBeLessThanOrEqual(42);
        expect(note).toMatchObject({ status: 'signed', sessionId: session.id, planId: c.plan.id });
        const openCriticalAlerts = c.administrations.filter(
          (a) => a.administeredOn <= session.date && a.flags.some((f) => f.code === 'critical-item'),
        ).length;
        expect(checkNoteForSigning({ note, attendance: session.attendance, openCriticalAlerts })).toEqual([]);
      }
    },
  );

  it.each(cases)(
    '%s: notes name only the plan’s goals and interventions and the case’s own administrations',
    (_n, c) => {
      const goals = new Set(c.plan.goals.map((g) => g.id));
      const interventions = new Set(
        c.plan.goals.flatMap((g) => g.objectives.flatMap((o) => o.interventions.map((i) => i.id))),
      );
      const administrations = new Map(c.administrations.map((a) => [a.id, a.administeredOn]));
      for (const { session, note } of buildDemoSessions(c, sessionsInput)) {
        for (const g of note.goalsAddressed) expect(goals.has(g.goalId)).toBe(true);
        for (const i of note.interventions) expect(interventions.has(i.interventionId ?? '')).toBe(true);
        for (const a of note.administrationIds) expect(administrations.get(a)).toBe(session.date);
      }
    },
  );
});
