import fc from 'fast-check';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../../src/main/services/search/library-index';
import { damagedArticles, listLibrary, queueCounts, searchLibrary, trashList } from '../../../../src/main/services/search/library-queries';
import { inQueue, QUEUES } from '../../../../src/shared/library/queues';
import { damagedArticle } from '../../../../src/shared/search/from-article';
import { useTempDirs } from '../../../helpers/temp-dir';
import { AUTHOR, Desk, EDITOR, SECOND, THIRD } from '../../../shared/review/desk';
import { reviewedDesk, VIEWERS } from '../../../shared/search/reviewed-desks';
import { story } from './fixtures';

const tempDir = useTempDirs('newsroom-index-');

async function openIndex(folder?: string) {
  return LibraryIndex.open({ folder: folder ?? join(await tempDir(), 'index'), workspaceId: 'ws-1' });
}

const ids = (index: LibraryIndex, query: string) => searchLibrary(index, { query }).hits.map((hit) => hit.row.id);

describe('LibraryIndex search', () => {
  it('finds a Chinese phrase that occurs only in a caption, and opens the article at that figure', async () => {
    const index = await openIndex();
    index.upsert([
      story({ id: 'caption-01', paragraphs: ['正文没有这个词。'], figures: [['第一张图', '摄影'], ['黔东南苗寨的梯田在晨雾中', '本报记者 周明远 摄']] }),
      story({ id: 'other-0001', paragraphs: ['黔东南的其他消息。'] }),
    ]);
    const result = searchLibrary(index, { query: '苗寨的梯田' });
    expect(result.total).toBe(1);
    expect(result.hits[0]!.row.id).toBe('caption-01');
    expect(result.hits[0]!.snippet!.location).toEqual({ field: 'caption', figure: 1, start: 3, end: 8 });
    index.close();
  });

  it('finds an English phrase in a review opinion, and names the record', async () => {
    const index = await openIndex();
    const desk = new Desk().submit().approve(EDITOR, 'Please confirm the spelling of the mayor’s name.');
    index.upsert([story({ id: 'opinion-01', desk }), story({ id: 'other-0001', paragraphs: ['The mayor spoke. Spelling matters.'] })]);
    const result = searchLibrary(index, { query: '"spelling of the mayor"' });
    expect(result.hits.map((hit) => hit.row.id)).toEqual(['opinion-01']);
    expect(result.hits[0]!.snippet!.location).toMatchObject({ field: 'opinion', record: 1 });
    index.close();
  });

  it('looks in headlines, bylines, credits and annotations too', async () => {
    const index = await openIndex();
    index.upsert([story({ id: 'fields-001', headline: '茶山新事', figures: [['图', '特约摄影 萧静 摄']], notes: ['请核实这个数据的出处'] })]);
    for (const query of ['茶山', 'Lin Xiaolan', '萧静', '数据的出处']) expect(ids(index, query), query).toEqual(['fields-001']);
    index.close();
  });

  it('never runs a phrase from one paragraph into the next', async () => {
    const index = await openIndex();
    index.upsert([story({ id: 'pieces-01', paragraphs: ['Exports rose in the spring', 'Supply fell later'] })]);
    expect(ids(index, '"spring supply"')).toEqual([]);
    expect(ids(index, 'spring supply')).toEqual(['pieces-01']);
    index.close();
  });

  it('filters by stage, channel, author, reviewer and date, and sorts', async () => {
    const index = await openIndex();
    index.upsert([
      story({ id: 'signed-001', paragraphs: ['茶叶'], channel: ['要闻', '经济'], desk: new Desk().signOff(), updatedAt: '2025-03-01T00:00:00.000Z' }),
      story({ id: 'draft-0001', paragraphs: ['茶叶'], channel: ['要闻', '经济', '农业'], updatedAt: '2025-05-01T00:00:00.000Z' }),
      story({ id: 'review-001', paragraphs: ['茶叶 茶叶'], channel: ['体育'], desk: new Desk().submit(), updatedAt: '2025-04-01T00:00:00.000Z' }),
    ]);
    const search = (filters: object) => searchLibrary(index, { query: '茶叶', filters, sort: { key: 'updated', descending: true } }).hits.map((h) => h.row.id);
    expect(search({})).toEqual(['draft-0001', 'review-001', 'signed-001']);
    expect(search({ stages: ['signed', 'first'] })).toEqual(['review-001', 'signed-001']);
    expect(search({ channel: ['要闻', '经济'] })).toEqual(['draft-0001', 'signed-001']);
    expect(search({ channel: ['要闻', '经'] })).toEqual([]);
    expect(search({ authorId: AUTHOR.id })).toHaveLength(3);
    expect(search({ reviewerId: THIRD.id })).toEqual(['signed-001']);
    expect(search({ from: '2025-03-15', to: '2025-04-15' })).toEqual(['review-001']);
    const oldest = searchLibrary(index, { query: '茶叶', sort: { key: 'updated', descending: false } }).hits.map((h) => h.row.id);
    expect(oldest).toEqual(['signed-001', 'review-001', 'draft-0001']);
    expect(listLibrary(index, { filters: { stages: ['draft'] } }).rows.map((r) => r.id)).toEqual(['draft-0001']);
    index.close();
  });

  it('lists a window of the library with the total, newest first', async () => {
    const index = await openIndex();
    index.upsert(Array.from({ length: 30 }, (_, i) => story({ id: `list-${String(i).padStart(4, '0')}`, updatedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() })));
    const page = listLibrary(index, { offset: 10, limit: 5 });
    expect(page.total).toBe(30);
    expect(page.rows.map((r) => r.id)).toEqual(['list-0019', 'list-0018', 'list-0017', 'list-0016', 'list-0015']);
    index.close();
  });
});

describe('LibraryIndex incremental updates', () => {
  it('reflects an article added, changed, trashed, restored and removed', async () => {
    const index = await openIndex();
    index.upsert([story({ id: 'change-01', paragraphs: ['旧的说法'] })]);
    expect(ids(index, '旧的说法')).toEqual(['change-01']);

    index.upsert([story({ id: 'change-01', paragraphs: ['新的说法'], stamp: 'stamp-2' })]);
    expect(ids(index, '旧的说法')).toEqual([]);
    expect(ids(index, '新的说法')).toEqual(['change-01']);
    expect(listLibrary(index).total).toBe(1);

    index.upsert([story({ id: 'change-01', paragraphs: ['新的说法'], trashed: true, stamp: 'stamp-3' })]);
    expect(ids(index, '新的说法')).toEqual([]);
    expect(listLibrary(index).total).toBe(0);
    expect(listLibrary(index, { filters: { trash: true } }).rows.map((r) => [r.id, r.trashed])).toEqual([['change-01', true]]);
    expect(listLibrary(index, { person: AUTHOR }).counts.drafts).toBe(0);
    expect(trashList(index)).toEqual([expect.objectContaining({ id: 'change-01', trashedBy: EDITOR.name, trashReason: 'duplicate', problems: [] })]);

    index.upsert([story({ id: 'change-01', paragraphs: ['新的说法'], stamp: 'stamp-4' })]);
    expect(ids(index, '新的说法')).toEqual(['change-01']);
    expect(listLibrary(index, { person: AUTHOR }).counts.drafts).toBe(1);
    expect(trashList(index)).toEqual([]);

    index.remove(['change-01']);
    expect(listLibrary(index).total).toBe(0);
    expect(listLibrary(index, { filters: { trash: true } }).total).toBe(0);
    index.close();
  });

  it('lists an article that cannot be read apart, with why, without text and out of the queues', async () => {
    const index = await openIndex();
    index.upsert([story({ id: 'broken-01', paragraphs: ['可以读的时候'] })]);
    index.upsert([damagedArticle({ id: 'broken-01', stamp: 'stamp-2', problem: 'article.json is not valid JSON', trash: null, at: '2025-05-02T00:00:00.000Z' })]);
    expect(ids(index, '可以读的时候')).toEqual([]);
    expect(listLibrary(index).total).toBe(0);
    expect(queueCounts(index, null).all).toBe(0);
    expect(damagedArticles(index)).toEqual([{ id: 'broken-01', problem: 'article.json is not valid JSON' }]);
    index.close();
  });

  it('keeps queue counts right through every change, as counting afresh would', async () => {
    const folder = join(await tempDir(), 'index');
    const index = await openIndex(folder);
    index.upsert([
      story({ id: 'queue-001' }),
      story({ id: 'queue-002', desk: new Desk().submit() }),
      story({ id: 'queue-003', desk: new Desk().submit().approve(EDITOR) }),
      story({ id: 'queue-004', desk: new Desk().signOff() }),
    ]);
    const counts = () => ({ editor: listLibrary(index, { person: EDITOR }).counts, second: listLibrary(index, { person: SECOND }).counts, author: listLibrary(index, { person: AUTHOR }).counts });
    expect(counts().editor).toMatchObject({ all: 4, waiting: 1, inReview: 2, signed: 1 });
    expect(counts().second).toMatchObject({ waiting: 1 });
    expect(counts().author).toMatchObject({ drafts: 1 });

    index.upsert([story({ id: 'queue-002', desk: new Desk().submit().approve(EDITOR) })]);
    expect(counts().editor).toMatchObject({ all: 4, waiting: 0, inReview: 2 });
    expect(counts().second).toMatchObject({ waiting: 2 });
    expect(listLibrary(index, { person: SECOND, filters: { queue: 'waiting' } }).rows.map((r) => r.id).sort()).toEqual(['queue-002', 'queue-003']);

    index.upsert([story({ id: 'queue-003', desk: new Desk().submit().approve(EDITOR), trashed: true })]);
    index.remove(['queue-004']);
    const before = counts();
    expect(before.second).toMatchObject({ all: 2, waiting: 1, signed: 0 });
    index.close();

    const reopened = await openIndex(folder);
    expect(listLibrary(reopened, { person: SECOND }).counts).toEqual(before.second);
    reopened.close();
  });

  it('lists and counts every person’s desk queues as checking each article would', async () => {
    const folder = join(await tempDir(), 'index');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(reviewedDesk, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(24), { maxLength: 5 }), async (desks, trashed) => {
        const index = await openIndex(join(folder, String(run++)));
        const stories = desks.map(({ desk }, i) => story({ id: `queue-${String(i).padStart(3, '0')}`, desk, trashed: trashed.includes(i) }));
        index.upsert(stories);
        const inLibrary = stories.filter((s) => !s.trashed);
        for (const viewer of VIEWERS) {
          const counts = queueCounts(index, viewer);
          for (const queue of QUEUES) {
            const expected = inLibrary.filter((s) => inQueue({ ...s, createdBy: s.authorName }, queue, viewer, { authorMayReview: false }));
            expect(counts[queue]).toBe(expected.length);
            const listed = listLibrary(index, { person: viewer, filters: { queue }, limit: 100 });
            expect(listed.rows.map((row) => row.id).sort()).toEqual(expected.map((s) => s.id).sort());
            expect(listed.total).toBe(expected.length);
          }
        }
        index.close();
      }),
      { numRuns: 12 },
    );
  });

  it('opens an index left locked by a process that ended mid-read, and shares the file with another connection here', async () => {
    const folder = join(await tempDir(), 'index');
    const first = await openIndex(folder);
    first.upsert([story({ id: 'lock-0001', paragraphs: ['锁住的索引'] })]);
    // A look-up leaves nothing part-read: another connection in this process can read and write.
    expect(first.stampOf('lock-0001')).toBe('stamp-1');
    const second = await openIndex(folder);
    expect(ids(second, '锁住的索引')).toEqual(['lock-0001']);
    second.upsert([story({ id: 'lock-0002', paragraphs: ['第二个连接'] })]);
    expect(ids(first, '第二个连接')).toEqual(['lock-0002']);
    first.close();
    second.close();
    // The lock a crashed process leaves is a folder beside the file.
    await mkdir(join(folder, 'library.sqlite.lock'));
    const reopened = await openIndex(folder);
    expect(reopened.reset).toBeNull();
    expect(ids(reopened, '锁住的索引')).toEqual(['lock-0001']);
    reopened.close();
  });
});
