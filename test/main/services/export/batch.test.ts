import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMany, type BatchItem, type BatchProgress } from '../../../../src/main/services/export/export-many';
import { reviewerLog, sampleWorkspace, type SampleWorkspace } from '../../../helpers/export-workspace';
import { contentOf } from '../../../helpers/newsroom';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('export-batch-');

/** The sample and two more signed-off articles, "Second story" and "Third story"; the sample is signed off too. */
async function newsroomOfThree(): Promise<SampleWorkspace & { ids: string[] }> {
  const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
  const rest = contentOf(sample.article);
  const second = await sample.add({ ...rest, headline: 'Second story' });
  const third = await sample.add({ ...rest, headline: 'Third story' });
  const ids = [sample.article.id, second.id, third.id];
  for (const id of ids) await sample.signOff(id);
  return { ...sample, ids };
}

const statuses = (items: BatchItem[]) => items.map((item) => item.status);

describe('exportMany', () => {
  it('reports an article whose log is damaged and writes the others', async () => {
    const sample = await newsroomOfThree();
    const { workspace, ids, article } = sample;
    const log = reviewerLog(sample, 'third', ids[1]);
    await writeFile(log, '{"payloadType": \n');
    const folder = await tempDir();
    const progress: BatchProgress[] = [];
    const items = await exportMany(workspace, ids, 'md', folder, { onProgress: (p) => progress.push(p) });

    expect(statuses(items)).toEqual(['written', 'failed', 'written']);
    const failed = items[1] as Extract<BatchItem, { status: 'failed' }>;
    expect(failed.error.code).toBe('forbidden');
    expect(failed.error.message).toContain(`the review log cannot be trusted (${log.slice(sample.root.length + 1)} line 1: `);
    expect(progress.map((p) => [p.done, p.total, p.item.status])).toEqual([
      [1, 3, 'written'],
      [2, 3, 'failed'],
      [3, 3, 'written'],
    ]);
    const names = (await readdir(folder)).sort();
    expect(names).toEqual([`${article.headline}.md`, 'Third story.md', 'images'].sort());
    // The articles share pictures; each is written once, named by its SHA-256.
    expect(await readdir(join(folder, 'images'))).toHaveLength(5);
  });

  it('gives articles with the same headline different file names', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    const rest = contentOf(sample.article);
    const twins = [await sample.add({ ...rest, headline: 'Same' }), await sample.add({ ...rest, headline: 'same' })];
    for (const twin of twins) await sample.signOff(twin.id);
    const folder = await tempDir();
    const items = await exportMany(sample.workspace, twins.map((t) => t.id), 'txt', folder);
    expect(items.map((item) => (item.status === 'written' ? item.result.path : null))).toEqual([join(folder, 'Same.txt'), join(folder, 'same (2).txt')]);
  });

  it('refuses copy that is not final without stopping, and exports it as a draft when allowed', async () => {
    const { workspace, ids, act, add } = await newsroomOfThree();
    const draft = await add({ ...contentOf(await workspace.get(ids[0]!)), headline: 'Unfinished' });
    await act('author', { action: 'submit' }, '2025-05-02T09:00:00.000Z', draft.id);
    const folder = await tempDir();
    const refused = await exportMany(workspace, [draft.id, ids[2]!], 'html', folder);
    expect(statuses(refused)).toEqual(['failed', 'written']);
    expect((refused[0] as Extract<BatchItem, { status: 'failed' }>).error).toMatchObject({ code: 'forbidden' });
    const allowed = await exportMany(workspace, [draft.id], 'html', folder, { allowDraft: true });
    expect(allowed[0]).toMatchObject({ status: 'written', result: { draft: true, path: join(folder, 'Unfinished-DRAFT.html') } });
  });

  it('reports ids that are not articles of the workspace', async () => {
    const { workspace, ids } = await newsroomOfThree();
    const items = await exportMany(workspace, ['../../etc', '20990101-0000000000', ids[0]!], 'txt', await tempDir());
    expect(items.map((item) => (item.status === 'failed' ? item.error.code : item.status))).toEqual(['invalid-input', 'not-found', 'written']);
  });

  it('stops between articles when cancelled, leaving the rest undone', async () => {
    const { workspace, ids } = await newsroomOfThree();
    const folder = await tempDir();
    const controller = new AbortController();
    const items = await exportMany(workspace, ids, 'txt', folder, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(statuses(items)).toEqual(['written', 'cancelled', 'cancelled']);
    expect(await readdir(folder)).toHaveLength(1);
  });

  it('writes nothing when cancelled before it starts', async () => {
    const { workspace, ids } = await newsroomOfThree();
    const folder = await tempDir();
    const items = await exportMany(workspace, ids, 'docx', folder, { signal: AbortSignal.abort() });
    expect(statuses(items)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await readdir(folder)).toEqual([]);
  });
});
