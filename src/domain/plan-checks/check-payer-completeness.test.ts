import { describe, expect, it } from 'vitest';
import { TEST_INSTRUMENTS } from '../goal-library/testing/test-instruments.js';
import type { TreatmentPlan } from '../treatment-plans/treatment-plan.js';
import { checkPayerCompleteness, ICD10CM_CODE } from './check-payer-completeness.js';
import { PayerCheckCode } from './payer-check-code.js';
import type { PlanCheckContext } from './plan-finding.js';
import {
  buildSecondTestGoal,
  buildTestGoal,
  buildTestObjective,
  buildTestPlan,
  TEST_TODAY,
} from './testing/build-test-plan.js';

const context: PlanCheckContext = {
  today: TEST_TODAY,
  instruments: TEST_INSTRUMENTS,
  signer: { name: 'Dr A. Clinician', credentials: 'Clinical psychologist, BABCP accredited' },
};

const codes = (plan: TreatmentPlan, ctx: PlanCheckContext = context) =>
  checkPayerCompleteness(plan, ctx).map((finding) => finding.code);

describe('checkPayerCompleteness', () => {
  it('finds nothing missing in a complete plan about to be signed', () => {
    expect(checkPayerCompleteness(buildTestPlan(), context)).toEqual([]);
  });

  it.each([
    ['presentingProblems', 'payer-missing-presenting-problems'],
    ['strengths', 'payer-missing-strengths'],
    ['dischargeCriteria', 'payer-missing-discharge-criteria'],
    ['referrals', 'payer-missing-referrals'],
    ['clientParticipation', 'payer-missing-client-participation'],
    ['sessionFrequency', 'payer-missing-session-frequency'],
    ['clientId', 'payer-missing-client-id'],
  ] as const)('says exactly that %s is missing when it is blank', (field, code) => {
    const findings = checkPayerCompleteness(buildTestPlan({ [field]: '  ' }), context);
    expect(findings).toEqual([
      expect.objectContaining({
        code,
        severity: 'error',
        path: [field],
        data: { source: 'reference/payer-requirements.md' },
      }),
    ]);
  });

  it('requires at least one diagnosis and ICD-10-CM shaped codes', () => {
    expect(codes(buildTestPlan({ diagnoses: [] }))).toEqual(['payer-missing-diagnosis']);
    const bad = buildTestPlan({ diagnoses: [{ id: 'd1', code: '296.2', description: 'DSM-IV code', primary: true }] });
    expect(checkPayerCompleteness(bad, context)[0]).toMatchObject({
      code: 'payer-invalid-diagnosis-code',
      path: ['diagnoses', 0, 'code'],
      data: { diagnosisId: 'd1', code: '296.2' },
    });
  });

  it('requires the service type, session length and a duration under one year', () => {
    const plan = buildTestPlan({
      serviceType: '' as TreatmentPlan['serviceType'],
      sessionMinutes: 0,
      durationWeeks: 52,
    });
    expect(codes(plan)).toEqual([
      'payer-missing-service-type',
      'payer-missing-session-length',
      'payer-duration-over-one-year',
    ]);
    expect(codes(buildTestPlan({ durationWeeks: 0 }))).toEqual(['payer-missing-duration']);
  });

  it('requires a valid date established, no older than one year, and a next review date', () => {
    expect(codes(buildTestPlan({ establishedDate: '2026-02-30' }))).toContain('payer-missing-established-date');
    expect(codes(buildTestPlan({ nextReviewDate: '' }))).toEqual(['payer-missing-next-review-date']);
    const old = buildTestPlan({ establishedDate: '2025-11-09' });
    expect(codes(old, { ...context, lastReviewDate: '2026-06-01' })).toEqual(['payer-plan-too-old']);
  });

  it('requires at least one active goal', () => {
    expect(codes(buildTestPlan({ goals: [] }))).toEqual(['payer-missing-goals']);
  });

  it('points at the goal that lacks the client’s own words', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal(), buildSecondTestGoal({ clientWords: null })] });
    expect(checkPayerCompleteness(plan, context)).toEqual([
      expect.objectContaining({
        code: 'payer-goal-missing-client-words',
        path: ['goals', 1, 'clientWords'],
        message: 'Goal 2 is not written in the client’s own words.',
        data: { goalId: 'g2', source: 'reference/payer-requirements.md' },
      }),
    ]);
  });

  it('points at each objective element that is missing', () => {
    const objective = buildTestObjective({
      targets: [{ ...buildTestObjective().targets[0]!, baseline: null }],
      dueDate: null,
      interventions: [{ id: 'i9', libraryId: null, name: 'Problem solving', deliveredBy: '', frequency: ' ' }],
    });
    const plan = buildTestPlan({ goals: [buildTestGoal({ objectives: [objective] }), buildSecondTestGoal()] });
    expect(checkPayerCompleteness(plan, context).map((f) => [f.code, f.path])).toEqual([
      ['payer-objective-missing-baseline', ['goals', 0, 'objectives', 0, 'targets', 0, 'baseline']],
      ['payer-objective-missing-due-date', ['goals', 0, 'objectives', 0, 'dueDate']],
      ['payer-intervention-missing-frequency', ['goals', 0, 'objectives', 0, 'interventions', 0, 'frequency']],
      ['payer-intervention-missing-responsible', ['goals', 0, 'objectives', 0, 'interventions', 0, 'deliveredBy']],
    ]);
  });

  it('reports goals without objectives and objectives without a measure or interventions', () => {
    const plan = buildTestPlan({
      goals: [
        buildTestGoal({ objectives: [buildTestObjective({ targets: [], interventions: [] })] }),
        buildSecondTestGoal({ objectives: [] }),
      ],
    });
    expect(codes(plan)).toEqual([
      'payer-objective-missing-measure',
      'payer-objective-missing-interventions',
      'payer-goal-missing-objectives',
    ]);
  });

  it('requires a clinician signature or signer, with credentials', () => {
    expect(codes(buildTestPlan(), { ...context, signer: null })).toEqual(['payer-missing-clinician-signature']);
    expect(codes(buildTestPlan(), { ...context, signer: { name: 'A', credentials: '' } })).toEqual([
      'payer-missing-clinician-credentials',
    ]);
    const signed = buildTestPlan({
      status: 'signed',
      clinicianSignature: { userId: 'u1', name: 'A', credentials: 'LCSW', signedAt: '2026-09-02T10:00:00Z' },
    });
    expect(codes(signed, { ...context, signer: null })).toEqual([]);
  });

  it('asks for a supervisor co-signature only when the practice requires one, as an error once signed', () => {
    const settings = { requireSupervisorCoSignature: true, requireClientSignature: false };
    const draft = checkPayerCompleteness(buildTestPlan(), { ...context, settings });
    expect(draft).toEqual([
      expect.objectContaining({ code: 'payer-missing-supervisor-signature', severity: 'warning' }),
    ]);
    const signed = buildTestPlan({
      status: 'signed',
      clinicianSignature: { userId: 'u1', name: 'A', credentials: 'LCSW', signedAt: '2026-09-02T10:00:00Z' },
    });
    expect(checkPayerCompleteness(signed, { ...context, settings })[0]?.severity).toBe('error');
    expect(codes(buildTestPlan())).toEqual([]);
  });

  it('asks for the client’s signature only when the programme requires it', () => {
    const settings = { requireSupervisorCoSignature: false, requireClientSignature: true };
    expect(codes(buildTestPlan(), { ...context, settings })).toEqual(['payer-missing-client-signature']);
    const clientSignature = { date: '2026-09-02', signedBy: 'guardian' } as const;
    expect(codes(buildTestPlan(), { ...context, settings, clientSignature })).toEqual([]);
  });

  it('asks for a periodic review once the plan is older than its review interval', () => {
    const later = { ...context, today: '2026-12-05' };
    expect(codes(buildTestPlan(), later)).toEqual(['payer-missing-periodic-review']);
    expect(codes(buildTestPlan(), { ...later, lastReviewDate: '2026-11-28' })).toEqual([]);
  });

  it('gives each code in the catalog a distinct value', () => {
    const values = Object.values(PayerCheckCode);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((code) => code.startsWith('payer-'))).toBe(true);
  });
});

describe('ICD10CM_CODE', () => {
  it.each(['F32.1', 'F41.1', 'F43.10', 'F40.00', 'Z63.0', 'F32.A'])('accepts %s', (code) => {
    expect(ICD10CM_CODE.test(code)).toBe(true);
  });

  it.each(['296.2', 'f32.1', 'F3', 'U07.1x', 'F32.12345', 'F32A'])('rejects %s', (code) => {
    expect(ICD10CM_CODE.test(code)).toBe(false);
  });
});
