import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppFailure, toAppError, type AppError } from '../../../shared/contract/errors';
import type { ExportFormat } from '../../../shared/export/formats';
import type { Workspace } from '../workspace';
import { exportMany } from './export-many';
import { packageFolder, type PackagedFile } from './package-files';

export interface BatchStatus {
  done: number;
  total: number;
  failures: Array<{ id: string; error: AppError }>;
  cancelled: boolean;
  /** Set once the batch has finished: the zip of everything written (null if nothing was). */
  finished: { file: PackagedFile | null; error: AppError | null } | null;
}

interface Job {
  owner: string;
  status: BatchStatus;
  controller: AbortController;
}

/**
 * Batch exports running in the background: each writes its articles with exportMany into a
 * temporary folder, zips it, and keeps the zip until its owner has collected it. Only the window
 * that started a batch can see or cancel it.
 */
export class BatchExportJobs {
  private readonly jobs = new Map<string, Job>();

  start(workspace: Workspace, owner: string, ids: readonly string[], format: ExportFormat, stem: string): string {
    const id = randomBytes(12).toString('base64url');
    const job: Job = { owner, controller: new AbortController(), status: { done: 0, total: ids.length, failures: [], cancelled: false, finished: null } };
    this.jobs.set(id, job);
    void this.run(workspace, job, ids, format, stem);
    return id;
  }

  /** The batch's progress; a finished batch is forgotten once its status has been read. */
  status(owner: string, id: string): BatchStatus {
    const job = this.owned(owner, id);
    if (job.status.finished) this.jobs.delete(id);
    return structuredClone(job.status);
  }

  /** Stops before the next article; what was written is still zipped. */
  cancel(owner: string, id: string): void {
    const job = this.owned(owner, id);
    job.status.cancelled = true;
    job.controller.abort();
  }

  private owned(owner: string, id: string): Job {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new AppFailure('not-found', 'there is no such export in progress');
    return job;
  }

  private async run(workspace: Workspace, job: Job, ids: readonly string[], format: ExportFormat, stem: string): Promise<void> {
    let folder: string | null = null;
    try {
      folder = await mkdtemp(join(tmpdir(), 'newsroom-batch-'));
      const items = await exportMany(workspace, ids, format, join(folder, stem), {
        signal: job.controller.signal,
        onProgress: ({ done, item }) => {
          job.status.done = done;
          if (item.status === 'failed') job.status.failures.push({ id: item.id, error: item.error });
        },
      });
      const written = items.some((item) => item.status === 'written');
      job.status.finished = { file: written ? await packageFolder(join(folder, stem), stem, 'always') : null, error: null };
    } catch (error) {
      job.status.finished = { file: null, error: toAppError(error) };
    } finally {
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }
}
