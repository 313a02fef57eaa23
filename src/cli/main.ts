#!/usr/bin/env node
// The CLI's composition root (STYLE.md §2): the only CLI file that may import storage.
import { realpathSync } from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../application/actor.js';
import { type Config, loadConfig } from '../config/load-config.js';
import { isAppError } from '../domain/shared/app-error.js';
import { type CliIo, UsageError } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import type { DbKeyTools } from './commands/db.js';

type Command = (args: readonly string[], io: CliIo, ctx: CommandContext) => Promise<number>;

/** Commands are loaded on demand so `cairn goals check` does not pay for the server or the database driver. */
const COMMANDS: Readonly<Record<string, { readonly summary: string; readonly load: () => Promise<Command> }>> = {
  start: { summary: 'serve the app and API', load: async () => (await import('./commands/start.js')).startCommand },
  db: {
    summary: 'db migrate | encrypt | rekey: migrations, encryption at rest, key rotation',
    load: async () => {
      const { dbCommand } = await import('./commands/db.js');
      const tools = {
        encryptDatabase: async (...a: Parameters<DbKeyTools['encryptDatabase']>) =>
          (await import('../storage/key-rotation/encrypt-database.js')).encryptDatabase(...a),
        rekeyDatabase: async (...a: Parameters<DbKeyTools['rekeyDatabase']>) =>
          (await import('../storage/key-rotation/rekey-database.js')).rekeyDatabase(...a),
      } satisfies DbKeyTools;
      return (args, io, ctx) => dbCommand(args, io, ctx, tools);
    },
  },
  users: {
    summary: 'users add: create a staff account',
    load: async () => (await import('./commands/users.js')).usersCommand,
  },
  demo: { summary: 'load the demo practice', load: async () => (await import('./commands/demo.js')).demoCommand },
  goals: {
    summary: 'goals check: SMART analysis of goal texts',
    load: async () => (await import('./commands/goals.js')).goalsCommand,
  },
  measures: {
    summary: 'measures list | score | change: instruments and scoring',
    load: async () => (await import('./commands/measures.js')).measuresCommand,
  },
  audit: {
    summary: 'audit verify: check the audit chain',
    load: async () => (await import('./commands/audit.js')).auditCommand,
  },
  export: {
    summary: 'export a client record: plan PDF, FHIR R4 bundle, scores CSV',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  import: {
    summary: 'import a FHIR R4 bundle of questionnaire responses into a client record',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  backup: {
    summary: 'backup --out FILE: consistent, encrypted backup',
    load: async () => {
      const [{ backupCommand }, { createBackup }] = await Promise.all([
        import('./commands/backup.js'),
        import('../storage/backup/create-backup.js'),
      ]);
      return (args, io, ctx) => backupCommand(args, io, ctx, { createBackup });
    },
  },
  restore: {
    summary: 'restore FILE: restore a backup into an empty target',
    load: async () => {
      const [{ restoreCommand }, { restoreBackup }] = await Promise.all([
        import('./commands/restore.js'),
        import('../storage/backup/restore-backup.js'),
      ]);
      return (args, io, ctx) => restoreCommand(args, io, ctx, { restoreBackup });
    },
  },
};

const HELP = `Usage: cairn <command> [options]   (cairn <command> --help for details)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Configuration comes from the environment: CAIRN_DATA_DIR, CAIRN_DATABASE_URL, PORT, HOST, CAIRN_PUBLIC_URL,
CAIRN_SECRET_KEY, CAIRN_LOG_LEVEL (see README).`;

function todayIn(timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone || undefined,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return parts;
}

function createIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readStdin: async () => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinLines: () => readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }),
    isTty: Boolean(process.stdout.isTTY),
    today: () => todayIn(process.env.CAIRN_TIME_ZONE),
    env: process.env,
  };
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/**
 * Runs the CLI and returns the exit status: 0 ok, 1 failure or bug, 2 bad input (one line on stderr).
 *
 * @example
 * process.exitCode = await runCli(['goals', 'check', 'Reduce anxiety.'], createIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out('cairn 0.1.0');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`cairn: unknown command "${name}" (see cairn --help)`);
    return 2;
  }
  const ctx: CommandContext = {
    actor: { kind: 'cli', osUser: osUser() } satisfies Actor,
    loadConfig: (overrides) => loadConfig(process.env, overrides),
    openDeps: async (config: Config) => {
      const { openStore } = await import('../storage/open-store.js');
      const opened = await openStore(config, 'apply');
      if (opened.keys.warning) io.err(`warning: ${opened.keys.warning}`);
      return { deps: opened.deps, location: opened.database.location, applied: opened.applied, close: opened.close };
    },
  };
  try {
    const command = await entry.load();
    return await command(rest, io, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cairn ${name}: ${error.message}`);
      return 2;
    }
    if (isAppError(error)) {
      io.err(`cairn ${name}: ${error.message}`);
      return 2;
    }
    io.err(`cairn ${name}: internal error: ${(error as Error).message?.split('\n')[0] ?? 'unknown'}`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2), createIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cairn: internal error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
