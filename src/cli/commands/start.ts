import { startServer } from '../../http/server.js';
import type { CliIo } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const START_HELP = `Usage: cairn start [--port N] [--host H] [--data DIR]

Serves the web app and the API (default http://127.0.0.1:3000). The embedded SQLite database in --data
(or CAIRN_DATA_DIR, default ./data) is created and migrated when missing; with CAIRN_DATABASE_URL the server uses
PostgreSQL and refuses to start while migrations are pending (run \`cairn db migrate\`). Stops cleanly on SIGTERM/SIGINT.`;

/**
 * `cairn start`: runs the server until SIGTERM or SIGINT, then drains requests and closes the database.
 *
 * @example
 * await startCommand(['--port', '4000'], io, ctx) // resolves with 0 after SIGTERM
 */
export async function startCommand(args: readonly string[], io: CliIo, ctx: CommandContext): Promise<number> {
  const { values } = parseOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(START_HELP);
    return 0;
  }
  const config = ctx.loadConfig({
    ...(values.port !== undefined ? { port: values.port } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.data !== undefined ? { dataDir: values.data } : {}),
  });
  const started = Date.now();
  const server = await startServer(config, { warn: io.err });
  io.err(`Cairn listening on ${server.url} (ready in ${Date.now() - started} ms)`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.err(`${signal}: shutting down`);
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      resolve();
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  await server.close();
  return 0;
}
