import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../shared/contract/errors';
import { exportFileName, type ExportFormat } from '../../shared/export/formats';
import { exportGate } from '../../shared/export/gate';
import { BatchExportJobs, type BatchStatus } from '../services/export/batch-jobs';
import { mimeOf, packageFolder, type PackagedFile } from '../services/export/package-files';
import { preparePrint, readForExport, writeCopy } from '../services/export/write-export';
import type { Language } from '../../shared/article/article';
import { reviewSheetData, reviewSheetHtml } from '../../shared/identity/review-sheet';
import { SHEET_LABELS } from '../../shared/identity/sheet-labels';
import { electronPdfOptions } from '../services/export/pdf-options';
import { refused, type Caller, type HandlerContext } from './context';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const asDownload = (file: PackagedFile) => ({ fileName: file.fileName, mime: file.mime, dataBase64: base64(file.bytes) });

export const exportHandlers = (ctx: HandlerContext) => {
  const batches = new BatchExportJobs();
  return {
    exportStatus: async ({ id }: { id: string }) => {
      const { state, problem } = await ctx.workspace().review(id);
      return exportGate(state, problem);
    },
    /** What the review sheet (审稿单) of a signed-off article says, from the verified log. */
    getReviewSheet: async ({ id }: { id: string }) => {
      const { state, content } = await ctx.workspace().articles.read(id);
      const sheet = reviewSheetData(state.verdict, content);
      if (!sheet.ok) throw refused({ code: 'no-review-sheet', params: {} });
      return sheet.data;
    },
    /** The review sheet as a file: HTML, or PDF in the desktop app (the export's printToPDF). */
    exportReviewSheet: async ({ id, language, format }: { id: string; language: Language; format: 'html' | 'pdf' }) => {
      const { state, content, article } = await ctx.workspace().articles.read(id);
      const sheet = reviewSheetHtml({ verdict: state.verdict, content, language });
      if (!sheet.ok) throw refused({ code: 'no-review-sheet', params: {} });
      const stem = `${exportFileName(article, 'html', false).replace(/\.html$/, '')}-${SHEET_LABELS[language].title}`;
      if (format === 'html') return { fileName: `${stem}.html`, mime: mimeOf('.html'), dataBase64: base64(new TextEncoder().encode(sheet.html)) };
      if (!ctx.printPdf) throw new AppFailure('unavailable', 'PDF needs the desktop app; save the HTML and print it from a browser instead');
      const bytes = await ctx.printPdf(sheet.html, electronPdfOptions(article, { draft: false }));
      return { fileName: `${stem}.pdf`, mime: mimeOf('.pdf'), dataBase64: base64(bytes) };
    },
    exportArticle: async ({ id, format, draft }: { id: string; format: ExportFormat | 'pdf'; draft: boolean }) => {
      const workspace = ctx.workspace();
      if (format === 'pdf') {
        if (!ctx.printPdf) throw new AppFailure('unavailable', 'PDF export needs the desktop app; export HTML and print it from a browser instead');
        const job = await preparePrint(workspace, id, { allowDraft: draft });
        const bytes = await ctx.printPdf(job.html, job.electron);
        return { fileName: job.fileName, mime: mimeOf('.pdf'), dataBase64: base64(bytes), draft: job.draft };
      }
      const dir = await mkdtemp(join(tmpdir(), 'newsroom-export-'));
      try {
        const copy = await readForExport(workspace, id, draft);
        const stem = exportFileName(copy.article, 'html-folder', copy.draft);
        // html-folder writes into a folder of its own; the other formats into a file named after the headline.
        const target = join(dir, format === 'html-folder' ? stem : exportFileName(copy.article, format, copy.draft));
        const result = await writeCopy(workspace, copy, format, target);
        return { ...asDownload(await packageFolder(dir, stem)), draft: result.draft };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    /** Signed-off copy of many articles into one zip, in the background; the page follows its progress. */
    startBatchExport: async ({ ids, format }: { ids: string[]; format: ExportFormat }, caller: Caller) => {
      const stem = `export-${ctx.clock.now().toISOString().slice(0, 10)}`;
      return { job: batches.start(ctx.workspace(), caller.session.id, ids, format, stem) };
    },
    batchExportStatus: async ({ job }: { job: string }, caller: Caller) => {
      const { finished, ...status }: BatchStatus = batches.status(caller.session.id, job);
      return { ...status, finished: finished && { file: finished.file && asDownload(finished.file), error: finished.error } };
    },
    cancelBatchExport: async ({ job }: { job: string }, caller: Caller) => {
      batches.cancel(caller.session.id, job);
      return {};
    },
  };
};
