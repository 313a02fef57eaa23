import { describe, expect, it } from 'vitest';
import { demoClientRecords } from '../../../test/demo-client-records.js';
import { buildTreatmentPlanDocument, type DocumentBlock } from './treatment-plan-document.js';

const records = demoClientRecords();

function textOf(blocks: readonly DocumentBlock[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'heading' || b.kind === 'paragraph') return b.text;
      if (b.kind === 'fields') return b.rows.map((r) => r.join(': ')).join('\n');
      return [b.columns, ...b.rows].map((r) => r.join(' | ')).join('\n');
    })
    .join('\n');
}

describe('buildTreatmentPlanDocument', () => {
  for (const [name, record] of Object.entries(records)) {
    it(`holds every payer element for the ${name} demo plan`, () => {
      const plan = record.plan;
      if (!plan) throw new Error('demo plan missing');
      const text = textOf(buildTreatmentPlanDocument(record).blocks);
      const expected = [
        `Record number: ${record.client.recordNumber}`,
        `Date established: ${plan.establishedDate}`,
        `Version: ${plan.version}`,
        'Diagnoses (ICD-10-CM)',
        plan.diagnoses[0]?.code ?? record.diagnoses[0]?.code ?? 'missing diagnosis',
        'Presenting problems',
        'Strengths',
        'In the client’s words',
        'Measure | Baseline | Target | Due date | Latest',
        'Intervention | Frequency | Delivered by',
        'Service type: Individual',
        `Planned session length: ${plan.sessionMinutes} minutes`,
        `Session frequency: ${plan.sessionFrequency}`,
        `Plan duration: ${plan.durationWeeks} weeks`,
        `Next review date: ${plan.nextReviewDate}`,
        'Discharge or transition criteria',
        'Referrals',
        'Client participation',
        'Endorsed by the client on',
        'Supervisor co-signature',
        'Periodic reviews',
      ];
      for (const element of expected) expect(text).toContain(element);
      const clinician = plan.clinicianSignature;
      expect(text).toContain(`Clinician | ${clinician?.name}, ${clinician?.credentials}`);
      for (const goal of plan.goals) if (goal.clientWords) expect(text).toContain(goal.clientWords);
    });
  }

  it('writes the PHQ-9 target as baseline 18, "≤ 9", its due date and the latest score', () => {
    const doc = buildTreatmentPlanDocument(records.depression);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows[0]?.[0] === 'PHQ-9 total');
    expect(table?.kind === 'table' && table.rows[0]).toEqual([
      'PHQ-9 total',
      '18',
      '≤ 9',
      records.depression.plan?.goals[0]?.targets[0]?.dueDate,
      '11 on 2026-11-26',
    ]);
  });

  it('refuses a record without a plan', () => {
    expect(() => buildTreatmentPlanDocument({ ...records.depression, plan: null })).toThrow(/no plan/);
  });

  it('matches the snapshot of the depression plan', () => {
    expect(buildTreatmentPlanDocument(records.depression)).toMatchSnapshot();
  });
});
