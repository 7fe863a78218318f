import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../../src/main/services/search/library-index';
import { listLibrary, searchLibrary } from '../../../../src/main/services/search/library-queries';
import { applyRefresh, planRefresh, type Progress } from '../../../../src/main/services/search/refresh';
import { INDEX_FILE } from '../../../../src/main/services/search/schema';
import { openSqlite } from '../../../../src/main/services/search/sqlite';
import type { IndexedArticle } from '../../../../src/shared/search/indexed-article';
import { useTempDirs } from '../../../helpers/temp-dir';
import { Desk } from '../../../shared/review/desk';
import { story } from './fixtures';

const tempDir = useTempDirs('newsroom-refresh-');

/** A workspace as the index sees it: articles by id, each with its change stamp. */
function folderOf(articles: IndexedArticle[]) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const reads: string[] = [];
  return {
    entries: () => [...byId.values()].map(({ id, stamp }) => ({ id, stamp })),
    read: async (id: string) => {
      reads.push(id);
      return byId.get(id)!;
    },
    reads,
    set: (article: IndexedArticle) => byId.set(article.id, article),
    delete: (id: string) => byId.delete(id),
  };
}

const ARTICLES = Array.from({ length: 12 }, (_, i) =>
  story({ id: `refresh-${String(i).padStart(3, '0')}`, paragraphs: [`第${i}篇稿件写到了贵州的茶园。`], desk: i % 3 === 0 ? new Desk().signOff() : new Desk() }),
);

async function rebuild(index: LibraryIndex, folder: ReturnType<typeof folderOf>) {
  const progress: Progress[] = [];
  await applyRefresh(index, planRefresh(index, folder.entries()), { read: folder.read, onProgress: (p) => progress.push(p), batch: 5 });
  return progress;
}

function snapshot(index: LibraryIndex) {
  const list = listLibrary(index, { limit: 100 });
  const search = searchLibrary(index, { query: '贵州 茶园', limit: 100, sort: { key: 'updated', descending: true } });
  return { rows: list.rows, counts: list.counts, hits: search.hits.map((hit) => [hit.row.id, hit.snippet?.location]) };
}

describe('refreshing the index from the folder', () => {
  it('reads only what is new or changed, and removes what is gone', async () => {
    const dir = join(await tempDir(), 'index');
    const folder = folderOf(ARTICLES);
    const index = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1' });
    await rebuild(index, folder);
    expect(folder.reads).toHaveLength(12);

    folder.reads.length = 0;
    expect(planRefresh(index, folder.entries())).toEqual({ read: [], remove: [], unchanged: 12 });

    folder.set(story({ id: 'refresh-003', paragraphs: ['改写后的稿件'], stamp: 'stamp-2' }));
    folder.set(story({ id: 'refresh-new', paragraphs: ['新来的稿件'] }));
    folder.delete('refresh-007');
    expect(planRefresh(index, folder.entries())).toEqual({ read: ['refresh-003', 'refresh-new'], remove: ['refresh-007'], unchanged: 10 });
    await rebuild(index, folder);
    expect(folder.reads).toEqual(['refresh-003', 'refresh-new']);
    expect(searchLibrary(index, { query: '改写后' }).hits.map((h) => h.row.id)).toEqual(['refresh-003']);
    expect(listLibrary(index).total).toBe(12);
    index.close();
  });

  /** An index of ARTICLES built and closed: its folder, the folder it was built from, and what it held. */
  async function builtIndex() {
    const dir = join(await tempDir(), 'index');
    const folder = folderOf(ARTICLES);
    const first = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1' });
    await rebuild(first, folder);
    const before = snapshot(first);
    first.close();
    return { dir, folder, before };
  }

  it('rebuilds a deleted index folder with progress, to the same results', async () => {
    const { dir, folder, before } = await builtIndex();

    await rm(dir, { recursive: true });
    const second = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1' });
    expect(listLibrary(second).total).toBe(0);
    const progress = await rebuild(second, folder);
    expect(progress.map((p) => p.done)).toEqual([0, 5, 10, 12]);
    expect(progress.every((p) => p.total === 12)).toBe(true);
    expect(snapshot(second)).toEqual(before);
    second.close();
  });

  it('shows the stored list at once after a restart, without reading the folder', async () => {
    const { dir, folder, before } = await builtIndex();
    folder.reads.length = 0;

    const again = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1' });
    expect(again.reset).toBeNull();
    expect(snapshot(again)).toEqual(before);
    expect(folder.reads).toEqual([]);
    again.close();
  });
});

describe('an index that cannot be trusted', () => {
  async function builtIndex() {
    const dir = join(await tempDir(), 'index');
    const folder = folderOf(ARTICLES);
    const index = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1' });
    await rebuild(index, folder);
    const before = snapshot(index);
    index.close();
    return { dir, folder, before };
  }

  /** Opens the index as the app would, and rebuilds it when it was thrown away. */
  async function reopen(dir: string, folder: ReturnType<typeof folderOf>, workspaceId = 'ws-1') {
    const damaged: string[] = [];
    const index = LibraryIndex.open({ folder: dir, workspaceId, onDamaged: (reason) => damaged.push(reason) });
    const listed = listLibrary(index).total;
    const reasons = [index.reset, ...damaged].filter((reason): reason is string => reason !== null);
    await rebuild(index, folder);
    return { index, listed, reasons };
  }

  it('is rebuilt when its file is not a database at all', async () => {
    const { dir, folder, before } = await builtIndex();
    await writeFile(join(dir, INDEX_FILE), 'this is not a database, just some text that sits where the index was');
    const { index, listed, reasons } = await reopen(dir, folder);
    expect(reasons).toEqual(['it is damaged']);
    expect(listed).toBe(0);
    expect(snapshot(index)).toEqual(before);
    index.close();
  });

  it('is rebuilt when its pages are damaged, never read as it is', async () => {
    const { dir, folder, before } = await builtIndex();
    const file = join(dir, INDEX_FILE);
    const bytes = await readFile(file);
    // Keep the header page, scribble over every page after it.
    for (let at = 4096; at < bytes.length; at += 97) bytes[at] = (bytes[at]! + 89) & 0xff;
    await writeFile(file, bytes);
    const { index, listed, reasons } = await reopen(dir, folder);
    expect(reasons.length).toBeGreaterThan(0);
    expect(listed).toBe(0);
    expect(snapshot(index)).toEqual(before);
    index.close();
  });

  it('is rebuilt when it was cut short', async () => {
    const { dir, folder, before } = await builtIndex();
    await truncate(join(dir, INDEX_FILE), 8192);
    const { index, reasons } = await reopen(dir, folder);
    expect(reasons.length).toBeGreaterThan(0);
    expect(snapshot(index)).toEqual(before);
    index.close();
  });

  it('is rebuilt when another version made it, or it belongs to another workspace', async () => {
    const { dir, folder, before } = await builtIndex();
    const db = openSqlite(join(dir, INDEX_FILE));
    db.exec(`UPDATE meta SET value = '0' WHERE key = 'version'`);
    db.close();
    const older = await reopen(dir, folder);
    expect(older.reasons).toEqual(['it was made by another version (0)']);
    expect(snapshot(older.index)).toEqual(before);
    older.index.close();

    const foreign = await reopen(dir, folder, 'ws-2');
    expect(foreign.reasons).toEqual(['it belongs to another workspace']);
    expect(foreign.listed).toBe(0);
    foreign.index.close();
  });

  it('is rebuilt when it is some other SQLite database', async () => {
    const dir = join(await tempDir(), 'index');
    await mkdir(dir);
    const db = openSqlite(join(dir, INDEX_FILE));
    db.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const { index, reasons } = await reopen(dir, folderOf(ARTICLES));
    expect(reasons).toEqual(['it has no index header']);
    expect(listLibrary(index).total).toBe(12);
    index.close();
  });
});

describe('a row the index cannot read back', () => {
  it('counts as damage: the index is replaced, not trusted', async () => {
    const dir = join(await tempDir(), 'index');
    const folder = folderOf(ARTICLES);
    const index = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1' });
    await rebuild(index, folder);
    index.close();
    const db = openSqlite(join(dir, INDEX_FILE));
    db.exec(`UPDATE articles SET row = '{"id": "refresh-0' WHERE id = 'refresh-001'`);
    db.close();

    const damaged: string[] = [];
    const again = LibraryIndex.open({ folder: dir, workspaceId: 'ws-1', onDamaged: (reason) => damaged.push(reason) });
    expect(listLibrary(again).total).toBe(0);
    expect(damaged).toEqual(['it is damaged']);
    await rebuild(again, folder);
    expect(listLibrary(again).total).toBe(12);
    again.close();
  });
});
