import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlertClosing, AlertCode, AlertSeverity } from '../alerts/alert.js';
import { AcknowledgementIssueCode, AlertAction } from '../alerts/close-alert.js';
import { ReviewReasonCode } from '../alerts/find-goals-needing-review.js';
import { BehaviorIssueCode } from './behavior-rate.js';
import { ToleranceBasis } from './progress-tolerance.js';
import { BaselineSource } from './resolve-baseline.js';
import { Better, GoalUnresolvedReason } from './resolve-target-goal.js';
import { ProgressWord } from './summarize-plan-progress.js';
import { TargetStatus, TargetStatusRule } from './target-status.js';

const doc = readFileSync(new URL('../../../docs/progress-rules.md', import.meta.url), 'utf8');

const catalogs = {
  TargetStatus,
  TargetStatusRule,
  ProgressWord,
  BaselineSource,
  Better,
  GoalUnresolvedReason,
  ToleranceBasis,
  BehaviorIssueCode,
  AlertCode,
  AlertSeverity,
  AlertClosing,
  AlertAction,
  AcknowledgementIssueCode,
  ReviewReasonCode,
};

describe('docs/progress-rules.md', () => {
  it.each(Object.entries(catalogs))('lists every code of %s in its code section', (name, catalog) => {
    const line = doc
      .slice(doc.indexOf('## 9. Codes'))
      .split('\n- ')
      .find((entry) => entry.startsWith(`\`${name}\``));
    expect(line, `${name} is missing from §9`).toBeDefined();
    for (const code of Object.values(catalog)) expect(line).toContain(`\`${code}\``);
  });

  it('documents every status rule in the rule table', () => {
    for (const rule of Object.values(TargetStatusRule)) expect(doc).toContain(`| \`${rule}\` |`);
  });
});
