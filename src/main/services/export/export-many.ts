import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toAppError, type AppError } from '../../../shared/contract/errors';
import { exportFileName, FORMAT_EXTENSIONS, type ExportFormat } from '../../../shared/export/formats';
import type { Workspace } from '../workspace';
import { readForExport, writeCopy, type ExportResult, type WriteExportOptions } from './write-export';

export type BatchItem =
  | { id: string; status: 'written'; result: ExportResult }
  | { id: string; status: 'failed'; error: AppError }
  | { id: string; status: 'cancelled' };

export interface BatchProgress {
  /** Articles finished (written or failed) so far. */
  done: number;
  total: number;
  item: BatchItem;
}

export interface ExportManyOptions extends WriteExportOptions {
  onProgress?: (progress: BatchProgress) => void;
  /** Cancels between articles: the one being written is finished, the rest are left out. */
  signal?: AbortSignal;
}

/** "Name (2).md" for the second "Name.md" of a batch; names are compared ignoring case. */
function uniqueName(name: string, format: ExportFormat, taken: Set<string>): string {
  const extension = FORMAT_EXTENSIONS[format];
  const stem = extension && name.endsWith(extension) ? name.slice(0, -extension.length) : name;
  let candidate = name;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${stem} (${copy})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Exports several articles into `folder`, each under a file name made from its headline. A
 * failure on one article is reported in its result and the others go on; aborting `signal` stops
 * before the next article.
 */
export async function exportMany(
  workspace: Workspace,
  ids: readonly string[],
  format: ExportFormat,
  folder: string,
  options: ExportManyOptions = {},
): Promise<BatchItem[]> {
  await mkdir(folder, { recursive: true });
  const items: BatchItem[] = [];
  const taken = new Set<string>();
  let done = 0;
  for (const id of ids) {
    if (options.signal?.aborted) {
      items.push({ id, status: 'cancelled' });
      continue;
    }
    let item: BatchItem;
    try {
      const copy = await readForExport(workspace, id, options.allowDraft);
      const name = uniqueName(exportFileName(copy.article, format, copy.draft), format, taken);
      item = { id, status: 'written', result: await writeCopy(workspace, copy, format, join(folder, name), options) };
    } catch (error) {
      item = { id, status: 'failed', error: toAppError(error) };
    }
    items.push(item);
    done++;
    options.onProgress?.({ done, total: ids.length, item });
  }
  return items;
}
