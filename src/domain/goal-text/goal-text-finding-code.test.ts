import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoalTextFindingCode } from './goal-text-finding-code.js';
import { GOAL_TEXT_MESSAGES } from './goal-text-messages.js';

const docs = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/goal-text.md'), 'utf8');
const documented = new Set([...docs.matchAll(/^\|\s*`(goal-[a-z0-9-]+)`\s*\|/gm)].map((m) => m[1]));
const codes = Object.values(GoalTextFindingCode);

describe('GoalTextFindingCode', () => {
  it('has unique kebab-case codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^goal-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('is listed in docs/goal-text.md, and the page lists no other code', () => {
    expect(codes.filter((c) => !documented.has(c))).toEqual([]);
    expect([...documented].filter((c) => !codes.includes(c as GoalTextFindingCode))).toEqual([]);
  });

  it('has a message and a suggestion for every code', () => {
    for (const code of codes) {
      const text = GOAL_TEXT_MESSAGES[code]({});
      expect(text.message.length, code).toBeGreaterThan(10);
      expect(text.suggestion.length, code).toBeGreaterThan(10);
    }
  });
});
