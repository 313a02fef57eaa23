/**
 * What a CLI command talks to. Commands return their exit status: 0 ok, 1 failure (e.g. a broken audit chain),
 * 2 bad input (a one-line message on stderr naming the problem, nothing on stdout).
 *
 * @example
 * export async function measuresCommand(args: readonly string[], io: CliIo): Promise<number> { io.out('…'); return 0; }
 */
export interface CliIo {
  /** Writes one line (a newline is added) to stdout. */
  readonly out: (line: string) => void;
  /** Writes one line (a newline is added) to stderr. */
  readonly err: (line: string) => void;
  /** Reads all of standard input as text. */
  readonly readStdin: () => Promise<string>;
  /** Reads standard input line by line (for --jsonl streaming). */
  readonly stdinLines: () => AsyncIterable<string>;
  /** True when stdout is a terminal (progress bars only then). */
  readonly isTty: boolean;
  /** Today's date in the practice time zone, YYYY-MM-DD. */
  readonly today: () => string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit statuses used by every command. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown by argument parsing helpers; main.ts prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
