import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BatchExportStatus } from '../../../src/shared/contract/api';
import { newsroom, signedOffArticle, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('export-handlers-');

async function finished(n: Newsroom, job: string): Promise<BatchExportStatus> {
  for (;;) {
    const status = await n.call('batchExportStatus', { job });
    if (status.finished) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const zipNames = (dataBase64: string) => Object.keys(unzipSync(Buffer.from(dataBase64, 'base64'))).sort();

describe('batch export in the main process', () => {
  it('exports the signed-off articles into one zip and lists the one that is not final', async () => {
    const n = await newsroom(await tempDir());
    const first = await signedOffArticle(n, 'zh-CN', '第一篇。');
    const second = await signedOffArticle(n, 'en', 'Second story');
    const unfinished = await submittedArticle(n, 'en', 'Not yet.');
    const { job } = await n.call('startBatchExport', { ids: [first.id, unfinished.id, second.id], format: 'md' });
    const status = await finished(n, job);

    expect(status).toMatchObject({ done: 3, total: 3, cancelled: false, failures: [{ id: unfinished.id, error: { code: 'forbidden' } }] });
    expect(status.finished?.file?.fileName).toMatch(/^export-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(zipNames(status.finished!.file!.dataBase64)).toEqual([`${first.headline}.md`, `${second.headline}.md`].sort());
    // A finished batch is handed over once.
    expect((await n.fail('batchExportStatus', { job })).code).toBe('not-found');
  });

  it('stops when cancelled and zips what was written', async () => {
    const n = await newsroom(await tempDir());
    const ids = [];
    for (const text of ['一。', '二。', '三。']) ids.push((await signedOffArticle(n, 'zh-CN', text)).id);
    const { job } = await n.call('startBatchExport', { ids, format: 'txt' });
    await n.call('cancelBatchExport', { job });
    const status = await finished(n, job);
    expect(status.cancelled).toBe(true);
    expect(status.done).toBeLessThan(3);
    expect(status.failures).toEqual([]);
  });

  it('knows nothing of a job it did not start', async () => {
    const n = await newsroom(await tempDir());
    expect((await n.fail('batchExportStatus', { job: 'no-such-job' })).code).toBe('not-found');
    expect((await n.fail('cancelBatchExport', { job: 'no-such-job' })).code).toBe('not-found');
  });
});
