import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { AppFailure } from '../../shared/contract/errors';
import { exportFileName, type ExportFormat } from '../../shared/export/formats';
import { exportGate } from '../../shared/export/gate';
import { preparePrint, writeExport } from '../services/export/write-export';
import type { HandlerContext } from './context';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.md': 'text/markdown',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** One file to hand to the person: the export itself, or a zip named `stem`.zip when it comes with pictures. */
async function packaged(dir: string, stem: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const files = await filesUnder(dir);
  if (files.length === 1) return { fileName: basename(files[0]!), bytes: await readFile(files[0]!) };
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[relative(dir, file).split('\\').join('/')] = await readFile(file);
  return { fileName: `${stem}.zip`, bytes: zipSync(entries, { level: 6 }) };
}

const mimeOf = (fileName: string) => MIME[fileName.slice(fileName.lastIndexOf('.'))] ?? 'application/octet-stream';

export const exportHandlers = (ctx: HandlerContext) => ({
  exportStatus: async ({ id }: { id: string }) => {
    const { state, problem } = await ctx.workspace().review(id);
    return exportGate(state, problem);
  },
  exportArticle: async ({ id, format, draft }: { id: string; format: ExportFormat | 'pdf'; draft: boolean }) => {
    const workspace = ctx.workspace();
    if (format === 'pdf') {
      if (!ctx.printPdf) throw new AppFailure('unavailable', 'PDF export needs the desktop app; export HTML and print it from a browser instead');
      const job = await preparePrint(workspace, id, { allowDraft: draft });
      const bytes = await ctx.printPdf(job.html, job.electron);
      return { fileName: job.fileName, mime: MIME['.pdf']!, dataBase64: Buffer.from(bytes).toString('base64'), draft: job.draft };
    }
    const dir = await mkdtemp(join(tmpdir(), 'newsroom-export-'));
    try {
      const article = await workspace.get(id);
      const review = await workspace.review(id, article);
      const isDraft = !exportGate(review.state, review.problem).final;
      const stem = exportFileName(article, 'html-folder', isDraft);
      // html-folder writes into a folder of its own; the other formats into a file named after the headline.
      const target = join(dir, format === 'html-folder' ? stem : exportFileName(article, format, isDraft));
      const result = await writeExport(workspace, id, format, target, { allowDraft: draft });
      const { fileName, bytes } = await packaged(dir, stem);
      return { fileName, mime: mimeOf(fileName), dataBase64: Buffer.from(bytes).toString('base64'), draft: result.draft };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
