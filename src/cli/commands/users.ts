import { addUser } from '../../application/add-user.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';
import { randomPassword } from '../random-password.js';

export const USERS_HELP = `Usage: cairn users add --email E --name N --role R[,R…] [--credentials C] [--password-stdin]

Creates a staff account (and the embedded database and the practice when missing). Roles: admin, clinician,
supervisor, auditor (admin,clinician for a solo practice). --password-stdin reads the password from the first line
of standard input (at least 12 characters); without it a random password is printed once.
Prints: email roles id`;

/**
 * `cairn users add`.
 *
 * @example
 * echo 'a long password' | cairn users add --email ana@example.org --name Ana --role admin,clinician --password-stdin
 * // ana@example.org admin,clinician 3f0c…
 */
export async function usersCommand(args: readonly string[], io: CliIo, ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      credentials: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(USERS_HELP);
    return 0;
  }
  if (positionals[0] !== 'add' || positionals.length > 1) {
    throw new UsageError(`unknown users command: ${positionals.join(' ') || '(none)'} (expected: add)`);
  }
  if (!values.email) throw new UsageError('--email is required');
  if (!values.name) throw new UsageError('--name is required');
  if (!values.role) throw new UsageError('--role is required (admin, clinician, supervisor, auditor)');
  let password: string;
  let generated = false;
  if (values['password-stdin']) {
    password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
    if (password.length < 12) throw new UsageError('the password from stdin must be at least 12 characters');
  } else {
    password = randomPassword();
    generated = true;
  }
  const roles = values.role
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const config = ctx.loadConfig();
  const opened = await ctx.openDeps(config);
  try {
    const user = await addUser(opened.deps, ctx.actor, {
      email: values.email,
      name: values.name,
      roles: roles as never,
      password,
      ...(values.credentials !== undefined ? { credentials: values.credentials } : {}),
    });
    io.out(`${user.email} ${user.roles.join(',')} ${user.id}`);
    if (generated) io.err(`password (shown once): ${password}`);
  } finally {
    await opened.close();
  }
  return 0;
}
