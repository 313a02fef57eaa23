import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ExportClientRecordInput, exportClientRecord } from '../../application/export-client-record.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const EXPORT_HELP = `Usage: cairn export --client ID --format pdf|fhir|csv [--document DOC] [--review ID] [--from D --to D]
                    [--purpose TEXT] [--recipient TEXT] [--out FILE]

Exports one client's record. --client takes the client's id or record number (e.g. DEMO-001).
  pdf    --document plan (default): the current treatment plan (payer-ready)
         --document progress: progress report of the current plan, a chart per target (--from defaults to the
           plan's start, --to to today; statuses are judged as of --to)
         --document audit-packet --from D --to D: plan versions with signatures and content hashes, scores,
           audit entries naming the client in the period
         --document review [--review ID]: a periodic review (default the latest dated in --from/--to)
  fhir   a FHIR R4 collection Bundle: Patient, Conditions, CarePlan, Goals, QuestionnaireResponses, Observations,
         Provenance for the plan's signatures
  csv    --document scores (default): one row per administration; --document behavior-logs: one row per logged period
--from/--to (YYYY-MM-DD, inclusive) limit the scores and self-monitoring logs.
--purpose and --recipient (one line each, at most 200 characters) are written to the audit trail with the export.
Without --out the export goes to stdout (a PDF only when stdout is not a terminal). The export is audited.`;

const DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  pdf: ['plan', 'progress', 'review', 'audit-packet'],
  fhir: ['bundle'],
  csv: ['scores', 'behavior-logs'],
};

/** Writes bytes to standard output; tests pass their own. */
export type BinaryOut = (bytes: Uint8Array) => Promise<void>;

/** Standard output; a reader that stops early (`| head`) closes the pipe, which is not an error of the export. */
const processStdout: BinaryOut = (bytes) =>
  new Promise((resolve, reject) => {
    const isEpipe = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
    if (process.stdout.listenerCount('error') === 0) {
      process.stdout.on('error', (error) => {
        if (!isEpipe(error)) throw error;
      });
    }
    process.stdout.write(bytes, (error) => (error && !isEpipe(error) ? reject(error) : resolve()));
  });

/**
 * `cairn export --client ID --format pdf|fhir|csv [--document DOC] [--from D --to D] [--purpose T] [--recipient T]
 * [--out FILE]` (DESIGN 3.2).
 * Bad input is one line on stderr and exit 2, with no file written: the export goes to a temporary file beside
 * FILE that is renamed into place only when complete.
 *
 * @example
 * await exportCommand(['--client', 'DEMO-001', '--format', 'pdf', '--out', 'plan.pdf'], io, ctx) // 0
 */
export async function exportCommand(
  args: readonly string[],
  io: CliIo,
  ctx: CommandContext,
  stdout: BinaryOut = processStdout,
): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      client: { type: 'string' },
      format: { type: 'string' },
      document: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      purpose: { type: 'string' },
      review: { type: 'string' },
      recipient: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(EXPORT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.client) throw new UsageError('--client ID is required');
  const format = values.format;
  if (format !== 'pdf' && format !== 'fhir' && format !== 'csv') {
    throw new UsageError('--format must be pdf, fhir or csv');
  }
  const document = values.document;
  if (document !== undefined) {
    const known = DOCUMENTS[format] ?? [];
    if (!known.includes(document)) {
      throw new UsageError(`--document for --format ${format} must be ${known.join(', ')}`);
    }
    if (document === 'audit-packet' && (values.from === undefined || values.to === undefined)) {
      throw new UsageError('--document audit-packet needs --from D and --to D');
    }
  }
  if (values.review !== undefined && document !== 'review')
    throw new UsageError('--review ID goes with --document review');
  const out = values.out === undefined ? null : path.resolve(values.out);
  if (out !== null) {
    if (values.out === '' || (fs.existsSync(out) && fs.statSync(out).isDirectory())) {
      throw new UsageError('--out must name a file');
    }
    if (!fs.existsSync(path.dirname(out)) || !fs.statSync(path.dirname(out)).isDirectory()) {
      throw new UsageError('--out: the folder does not exist');
    }
  } else if (format === 'pdf' && io.isTty) {
    throw new UsageError('refusing to write a PDF to a terminal: use --out FILE or redirect stdout');
  }
  const opened = await ctx.openDeps(ctx.loadConfig());
  let file: Awaited<ReturnType<typeof exportClientRecord>>;
  try {
    file = await exportClientRecord(opened.deps, ctx.actor, {
      clientId: values.client,
      format,
      ...(document !== undefined ? { document: document as ExportClientRecordInput['document'] } : {}),
      ...(values.purpose !== undefined ? { purpose: values.purpose } : {}),
      ...(values.review !== undefined ? { reviewId: values.review } : {}),
      ...(values.recipient !== undefined ? { recipient: values.recipient } : {}),
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values.to !== undefined ? { to: values.to } : {}),
    });
  } finally {
    await opened.close();
  }
  if (out === null) {
    await stdout(file.body);
    return 0;
  }
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, file.body, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return 0;
}
