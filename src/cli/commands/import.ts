import fs from 'node:fs';
import path from 'node:path';
import { importFhirBundle, MAX_IMPORT_BYTES } from '../../application/import-fhir-bundle.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const IMPORT_HELP = `Usage: cairn import --client ID --file FILE [--json]

Imports a FHIR R4 Bundle (JSON, at most 2 MiB) of QuestionnaireResponses into one client's record. --client takes
the client's id or record number (e.g. DEMO-001). Each response to an instrument Cairn knows (LOINC or Cairn
questionnaire) becomes an administration with source "import", scored by Cairn's engine; responses already
imported (same identifier) are skipped; Observations with a total are compared with Cairn's score; other
resources are listed as ignored. Prints "imported N, duplicates N, ignored N" and one line per ignored resource
(--json: one object). Nothing usable in the file is exit 2. The import is audited.`;

/**
 * `cairn import --client ID --file FILE [--json]` (issue 8 item 4): the CLI face of `importFhirBundle`.
 *
 * @example
 * await importCommand(['--client', 'DEMO-001', '--file', 'bundle.json'], io, ctx) // "imported 12, duplicates 0, ignored 3", exit 0
 */
export async function importCommand(args: readonly string[], io: CliIo, ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      client: { type: 'string' },
      file: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.client) throw new UsageError('--client ID is required');
  if (!values.file) throw new UsageError('--file FILE is required');
  const file = path.resolve(values.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError('--file: no such file');
  if (fs.statSync(file).size > MAX_IMPORT_BYTES) throw new UsageError('--file: larger than 2 MiB');
  let bundle: unknown;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError('--file: not JSON');
  }
  const opened = await ctx.openDeps(ctx.loadConfig());
  try {
    const store = opened.deps.store;
    const byId = await store.findClientById(values.client);
    const practice = byId ? null : await store.findPractice();
    const byNumber = practice ? await store.findClientByRecordNumber(practice.id, values.client) : null;
    const clientId = byId?.id ?? byNumber?.id ?? values.client;
    const result = await importFhirBundle(opened.deps, ctx.actor, { clientId, bundle });
    if (values.json) {
      io.out(JSON.stringify(result));
      return 0;
    }
    io.out(`imported ${result.imported}, duplicates ${result.duplicates}, ignored ${result.ignored.length}`);
    for (const i of result.ignored) io.out(`ignored ${i.resource}: ${i.reason}`);
    return 0;
  } finally {
    await opened.close();
  }
}
