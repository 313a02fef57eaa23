import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PayerCheckCode } from './payer-check-code.js';
import { PlanCheckCode, UnachievableReason } from './plan-check-code.js';

const DOC = readFileSync(join(import.meta.dirname, '../../../docs/plan-checks.md'), 'utf8');
const documented = new Set([...DOC.matchAll(/`((?:plan|payer)-[a-z0-9-]+)`/g)].map((m) => m[1] ?? ''));

describe('PlanCheckCode', () => {
  it('has unique kebab-case codes that all start with plan-', () => {
    const codes = Object.values(PlanCheckCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^plan-[a-z]+(-[a-z]+)*$/);
  });

  it('is listed in docs/plan-checks.md, code for code, together with the payer codes', () => {
    const catalog = new Set<string>([...Object.values(PlanCheckCode), ...Object.values(PayerCheckCode)]);
    expect([...catalog].filter((code) => !documented.has(code))).toEqual([]);
    expect([...documented].filter((code) => !catalog.has(code))).toEqual([]);
  });
});

describe('UnachievableReason', () => {
  it('documents every reason of plan-target-not-achievable', () => {
    for (const reason of Object.values(UnachievableReason)) expect(DOC).toContain(`\`${reason}\``);
  });
});
