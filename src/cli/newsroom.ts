/**
 * The newsroom command line: `npx tsx src/cli/newsroom.ts <command> …` (or `npm run cli -- …`).
 * Plain Node over the same services the app uses; see docs/export.md. Exit codes: 0 done (for
 * verify: the chain is intact), 1 the export failed or the chain is broken, 2 a usage error.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isArticleId } from '../shared/article/ids';
import { AppFailure } from '../shared/contract/errors';
import { EXPORT_FORMATS, exportFileName, isExportFormat } from '../shared/export/formats';
import { exportGate } from '../shared/export/gate';
import { systemClock } from '../main/services/clock';
import { writeExport } from '../main/services/export/write-export';
import { Workspace } from '../main/services/workspace';
import { workspaceLayout } from '../main/services/workspace-layout';
import { printable } from './output';
import { verifyArticle } from './verify';

export const USAGE = `Usage:
  newsroom export --workspace DIR --article ID --format FORMAT --out PATH [--draft]
  newsroom verify --workspace DIR --article ID
  newsroom help

export   Writes one article. FORMAT is one of: ${EXPORT_FORMATS.join(', ')}.
         PATH is the file to write; for html-folder, the folder to write index.html and
         images/ into. md and ninjs put their pictures in images/ beside the file. If PATH
         is an existing folder, the file is named after the headline inside it.
         Only signed-off copy is exported, unless --draft is given: the copy is then
         marked DRAFT (watermark, and "-DRAFT" in the file name).
verify   Prints the article's review chain (seq, action, stage, time, person, opinion
         of every record), whether every record's hash and link checks out, and
         whether the approvals cover the copy as it stands.

Exit codes: 0 done (verify: the chain is intact); 1 the export failed, or the chain
is broken; 2 usage error (bad arguments, no such workspace or article).
`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(command: string | undefined, message: string): void {
  const known = command === 'export' || command === 'verify';
  process.stderr.write(`newsroom${known ? ` ${command}` : ''}: ${message}\n`);
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** The workspace folder and article folder, checked without creating or changing anything. */
async function locate(values: Record<string, unknown>): Promise<{ root: string; id: string; articleDir: string }> {
  const root = resolve(required(values, 'workspace'));
  const id = required(values, 'article');
  const layout = workspaceLayout(root);
  const manifest = await stat(layout.manifest).catch(() => null);
  if (!manifest?.isFile()) throw new UsageError(`${root} is not a workspace (it has no workspace.json)`);
  if (!isArticleId(id)) throw new UsageError(`"${printable(id)}" is not an article id`);
  const articleDir = layout.articleDir(id);
  if (!(await stat(articleDir).catch(() => null))?.isDirectory()) {
    const trashed = (await stat(layout.trashDir(id)).catch(() => null))?.isDirectory();
    throw new UsageError(trashed ? `article ${id} is in the trash; restore it first` : `there is no article ${id} in ${root}`);
  }
  return { root, id, articleDir };
}

async function exportCommand(values: Record<string, unknown>): Promise<number> {
  const { root, id } = await locate(values);
  const format = required(values, 'format');
  if (!isExportFormat(format)) throw new UsageError(`unknown format "${printable(format)}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  let target = resolve(required(values, 'out'));
  const allowDraft = values.draft === true;
  try {
    const workspace = await Workspace.open(root, systemClock);
    const targetInfo = await stat(target).catch(() => null);
    if (format === 'html-folder' ? targetInfo?.isFile() : targetInfo?.isDirectory()) {
      if (format === 'html-folder') throw new UsageError(`${target} is a file; html-folder writes into a folder`);
      const article = await workspace.get(id);
      const review = await workspace.review(id, article);
      target = join(target, exportFileName(article, format, !exportGate(review.state, review.problem).final));
    }
    const result = await writeExport(workspace, id, format, target, { allowDraft });
    const pictures = result.files.length - 1;
    out(`Wrote ${result.path} (${format}${pictures > 0 ? `, ${pictures} picture file${pictures === 1 ? '' : 's'}` : ''}): ${result.draft ? `DRAFT, because ${result.gate.reason}` : 'final copy'}.`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail('export', error instanceof AppFailure || error instanceof Error ? printable(error.message) : String(error));
    return EXIT_FAILED;
  }
}

async function verifyCommand(values: Record<string, unknown>): Promise<number> {
  const { id, articleDir } = await locate(values);
  for (const name of ['format', 'out', 'draft']) if (values[name] !== undefined) throw new UsageError(`verify does not take --${name}`);
  const result = await verifyArticle(articleDir, id);
  for (const line of result.lines) out(line);
  return result.valid ? EXIT_OK : EXIT_FAILED;
}

export async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      (command === undefined ? process.stderr : process.stdout).write(USAGE);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command !== 'export' && command !== 'verify') throw new UsageError(`unknown command "${printable(command)}"`);
    let values: Record<string, unknown>;
    try {
      ({ values } = parseArgs({
        args: [...rest],
        strict: true,
        allowPositionals: false,
        options: {
          workspace: { type: 'string' },
          article: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
          draft: { type: 'boolean' },
        },
      }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/\.?\s*$/, '').split('\n')[0]! : String(error));
    }
    return command === 'export' ? await exportCommand(values) : await verifyCommand(values);
  } catch (error) {
    if (error instanceof UsageError) {
      fail(command, `${error.message}. Run "newsroom help" for usage.`);
      return EXIT_USAGE;
    }
    fail(command, error instanceof Error ? printable(error.message) : String(error));
    return EXIT_FAILED;
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`newsroom: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
