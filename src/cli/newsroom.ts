/**
 * The newsroom command line: `npx tsx src/cli/newsroom.ts <command> …` (or `npm run cli -- …`).
 * Plain Node over the same services and the same verifier the app uses; see docs/export.md and
 * docs/security.md. Exit codes: 0 done (for verify: everything checks out), 1 the export failed
 * or something does not verify, 2 a usage error.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isArticleId } from '../shared/article/ids';
import { AppFailure } from '../shared/contract/errors';
import { EXPORT_FORMATS, exportFileName, isExportFormat } from '../shared/export/formats';
import { exportGate } from '../shared/export/gate';
import { ed25519 } from '../shared/identity/ed25519';
import { reviewSheetHtml } from '../shared/identity/review-sheet';
import { LANGUAGES, type Language } from '../shared/article/article';
import { writeFileAtomic } from '../main/services/atomic-write';
import { systemClock } from '../main/services/clock';
import { DataFolder } from '../main/services/data-folder';
import { writeExport } from '../main/services/export/write-export';
import { WatermarkStore } from '../main/services/identity/watermark-store';
import { Workspace } from '../main/services/workspace';
import { readManifest } from '../main/services/workspace-manifest';
import { workspaceLayout } from '../main/services/workspace-layout';
import { printable } from './output';
import { verifyArticleReport, verifyRosterReport, type DeskMarks } from './verify';

export const USAGE = `Usage:
  newsroom export --workspace DIR --article ID --format FORMAT --out PATH [--draft]
  newsroom verify --workspace DIR [--article ID] [--data DIR]
  newsroom review-sheet --workspace DIR --article ID --out FILE [--language zh-CN|en]
  newsroom help

export   Writes one article. FORMAT is one of: ${EXPORT_FORMATS.join(', ')}.
         PATH is the file to write; for html-folder, the folder to write index.html and
         images/ into. md and ninjs put their pictures in images/ beside the file. If PATH
         is an existing folder, the file is named after the headline inside it.
         Only signed-off copy is exported, unless --draft is given: the copy is then
         marked DRAFT (watermark, and "-DRAFT" in the file name).
verify   Checks the workspace's signed roster and the article's signed log (every
         article's without --article) with the app's own verifier, every signature
         included, and prints each record: its status (signed, unsigned before
         signatures, forged, rule-breaking, crossed, pending), what it is, who signed
         it and their key fingerprint, and where it is; then the roster's problems,
         the approvals and the head of the chain. With --data, a desk's data folder:
         records that desk had seen and that are gone, and the genesis it trusts.
review-sheet
         Writes the review sheet (审稿单) of a signed-off article as HTML: headline,
         channel, author, counts, each review's reviewer, opinion, time and key
         fingerprint, the content hash signed off and the head of the chain.

Exit codes: 0 done (verify: everything checks out); 1 the export failed, or something
does not verify; 2 usage error (bad arguments, no such workspace or article).
`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

const COMMANDS = ['export', 'verify', 'review-sheet'] as const;

function fail(command: string | undefined, message: string): void {
  const known = (COMMANDS as readonly (string | undefined)[]).includes(command);
  process.stderr.write(`newsroom${known ? ` ${command}` : ''}: ${message}\n`);
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** The workspace folder, checked without creating or changing anything. */
async function locateWorkspace(values: Record<string, unknown>): Promise<string> {
  const root = resolve(required(values, 'workspace'));
  const manifest = await readManifest(workspaceLayout(root).manifest);
  if (manifest.kind === 'missing') throw new UsageError(`${root} is not a workspace (it has no workspace.json)`);
  if (manifest.kind === 'format-1') throw new UsageError(`${root} was made by an earlier version: open it in the app once to upgrade it`);
  return root;
}

/** The workspace folder and article folder, checked without creating or changing anything. */
async function locate(values: Record<string, unknown>): Promise<{ root: string; id: string; articleDir: string }> {
  const root = await locateWorkspace(values);
  const id = required(values, 'article');
  const layout = workspaceLayout(root);
  if (!isArticleId(id)) throw new UsageError(`"${printable(id)}" is not an article id`);
  const articleDir = layout.articleDir(id);
  if (!(await stat(articleDir).catch(() => null))?.isDirectory()) throw new UsageError(`there is no article ${id} in ${root}`);
  return { root, id, articleDir };
}

/**
 * The workspace opened as the app would, for the duration of `task`, on a throwaway data
 * folder: the command line is not a desk, and leaves no marks anywhere.
 */
async function withWorkspace<T>(root: string, task: (workspace: Workspace) => Promise<T>): Promise<T> {
  const data = await mkdtemp(join(tmpdir(), 'newsroom-cli-'));
  try {
    return await task(await Workspace.open(root, { clock: systemClock, data: new DataFolder(data), ed: await ed25519() }));
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

async function exportCommand(values: Record<string, unknown>): Promise<number> {
  const { root, id } = await locate(values);
  const format = required(values, 'format');
  if (!isExportFormat(format)) throw new UsageError(`unknown format "${printable(format)}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  let target = resolve(required(values, 'out'));
  const allowDraft = values.draft === true;
  try {
    const result = await withWorkspace(root, async (workspace) => {
      const targetInfo = await stat(target).catch(() => null);
      if (format === 'html-folder' ? targetInfo?.isFile() : targetInfo?.isDirectory()) {
        if (format === 'html-folder') throw new UsageError(`${target} is a file; html-folder writes into a folder`);
        const article = await workspace.get(id);
        const review = await workspace.review(id);
        target = join(target, exportFileName(article, format, !exportGate(review.state, review.problem).final));
      }
      return writeExport(workspace, id, format, target, { allowDraft });
    });
    const pictures = result.files.length - 1;
    out(`Wrote ${result.path} (${format}${pictures > 0 ? `, ${pictures} picture file${pictures === 1 ? '' : 's'}` : ''}): ${result.draft ? `DRAFT, because ${result.gate.reason}` : 'final copy'}.`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail('export', error instanceof AppFailure || error instanceof Error ? printable(error.message) : String(error));
    return EXIT_FAILED;
  }
}

/** A desk's marks, read (never written) from its data folder. */
async function deskMarks(dataDir: string, root: string): Promise<DeskMarks> {
  const manifest = await readManifest(workspaceLayout(root).manifest);
  if (manifest.kind !== 'format-2') throw new UsageError(`${root} has no readable workspace.json, so its marks in ${dataDir} cannot be found`);
  const stat$ = await stat(dataDir).catch(() => null);
  if (!stat$?.isDirectory()) throw new UsageError(`${dataDir} is not a folder`);
  return new WatermarkStore(dataDir, manifest.manifest.workspaceId).load();
}

async function verifyCommand(values: Record<string, unknown>): Promise<number> {
  for (const name of ['format', 'out', 'draft', 'language']) if (values[name] !== undefined) throw new UsageError(`verify does not take --${name}`);
  const root = values.article === undefined ? await locateWorkspace(values) : (await locate(values)).root;
  const desk = typeof values.data === 'string' ? await deskMarks(resolve(values.data), root) : null;
  const ed = await ed25519();
  const roster = await verifyRosterReport(ed, root, desk);
  for (const line of roster.report.lines) out(line);
  const ids = typeof values.article === 'string' ? [values.article] : await articleIds(root);
  let valid = roster.report.valid;
  for (const id of ids) {
    const article = await verifyArticleReport(ed, root, id, roster.verdict, desk);
    out('');
    for (const line of article.report.lines) out(line);
    valid &&= article.report.valid;
  }
  out('');
  out(valid ? 'Verified: every record checks out.' : 'NOT VERIFIED: see the records and problems above.');
  return valid ? EXIT_OK : EXIT_FAILED;
}

async function articleIds(root: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(workspaceLayout(root).articles, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && isArticleId(entry.name)).map((entry) => entry.name).sort();
}

async function reviewSheetCommand(values: Record<string, unknown>): Promise<number> {
  const { root, id } = await locate(values);
  for (const name of ['format', 'draft', 'data']) if (values[name] !== undefined) throw new UsageError(`review-sheet does not take --${name}`);
  const target = resolve(required(values, 'out'));
  const language = (values.language ?? 'zh-CN') as Language;
  if (!(LANGUAGES as readonly string[]).includes(language)) throw new UsageError(`--language is zh-CN or en, not "${printable(String(values.language))}"`);
  try {
    const sheet = await withWorkspace(root, async (workspace) => {
      const { state, content } = await workspace.articles.read(id);
      return reviewSheetHtml({ verdict: state.verdict, content, language });
    });
    if (!sheet.ok) {
      fail('review-sheet', sheet.reason === 'copy-changed' ? 'the copy changed after sign-off; a review sheet is made for signed-off copy only' : 'the article is not signed off (or its record does not verify); a review sheet is made for signed-off copy only');
      return EXIT_FAILED;
    }
    await writeFileAtomic(target, sheet.html);
    out(`Wrote ${target}: the review sheet of article ${id}.`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail('review-sheet', error instanceof Error ? printable(error.message) : String(error));
    return EXIT_FAILED;
  }
}

export async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      (command === undefined ? process.stderr : process.stdout).write(USAGE);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${printable(command)}"`);
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
          data: { type: 'string' },
          language: { type: 'string' },
        },
      }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/\.?\s*$/, '').split('\n')[0]! : String(error));
    }
    if (command === 'export') return await exportCommand(values);
    return command === 'verify' ? await verifyCommand(values) : await reviewSheetCommand(values);
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
