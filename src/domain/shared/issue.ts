/**
 * A finding about user input. Analyzers and validators return these; they never throw.
 * Codes are stable kebab-case and listed in docs/errors.md.
 *
 * @example
 * const issue: Issue = { code: 'item-out-of-range', severity: 'error', message: 'Item 3 must be 0–3', path: ['answers', 2] };
 */
export const Severity = { error: 'error', warning: 'warning', info: 'info' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** A half-open character range [start, end) in an input text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly span?: Span;
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * Builds an issue.
 *
 * @example
 * issue('goal-missing-deadline', 'warning', 'The goal has no deadline.')
 */
export function issue(
  code: string,
  severity: Severity,
  message: string,
  extra: Omit<Issue, 'code' | 'severity' | 'message'> = {},
): Issue {
  return { code, severity, message, ...extra };
}
