import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/handlers';
import { articleLogPath, openApp } from '../../helpers/handlers';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';
import { DataFolder } from '../../../src/main/services/data-folder';

const tempDir = useTempDirs('workspace-damage-');

/** The same newsroom at the same desk, reopened after a file was damaged behind its back (as on the next start); every window keeps its person. */
async function reopened(n: Newsroom, data?: string): Promise<Newsroom> {
  const app = await openApp(n.workspace.layout.root, n.clock, data ? { data: new DataFolder(data) } : {});
  const room: Newsroom = {
    ...n,
    workspace: app.workspace,
    handlers: app.handlers,
    call: async (name, input) => {
      const result = await dispatch(app.handlers, name, input, room.caller);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    fail: async (name, input) => {
      const result = await dispatch(app.handlers, name, input, room.caller);
      if (result.ok) throw new Error(`${name} should have been refused`);
      return result.error;
    },
    as: async (desk) => {
      room.caller = n.windows[desk];
    },
  };
  return room;
}

describe('a damaged workspace.json', () => {
  it('is named in the workspace info and never written over; the roster still says which workspace this is, and work goes on', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    const { workspaceId } = await n.call('getWorkspace', {});
    const path = join(n.workspace.layout.root, 'workspace.json');
    const garbage = '{"format":2,"workspaceId":';
    await writeFile(path, garbage);
    const d = await reopened(n);

    const info = await d.call('getWorkspace', {});
    expect(info).toMatchObject({ status: 'ready', workspaceId });
    expect(info.problems).toEqual([{ file: 'workspace.json', problem: 'is not valid JSON (truncated or damaged)' }]);
    await d.as('editor');
    expect((await d.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true })).state.stage).toBe('second');
    await d.as('reporter');
    const draft = await d.call('createArticle', { language: 'en' });
    expect(await d.call('saveArticle', { id: draft.id, base: draft.head, content: contentOf(draft, 'Still writing.') })).toMatchObject({ revision: 2 });
    expect(await readFile(path, 'utf8')).toBe(garbage);
  });

  it('in a folder with no roster yet, leaves the workspace unreadable: every call is refused naming the file, and nothing is written', async () => {
    const root = await tempDir();
    const path = join(root, 'workspace.json');
    await writeFile(path, '{"format":2,');
    const app = await openApp(root);
    const window = { session: app.sessions.open() };
    expect(await dispatch(app.handlers, 'getSession', {}, window)).toMatchObject({ ok: true, value: { status: 'unreadable', currentUser: null } });
    for (const [name, input] of [
      ['listArticles', {}],
      ['setUpWorkspace', { name: '林晓岚', passphrase: '林晓岚 的口令 2025' }],
    ] as const) {
      expect(await dispatch(app.handlers, name, input, window), name).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringContaining('workspace.json') } });
    }
    expect(await readFile(path, 'utf8')).toBe('{"format":2,');
    expect((await readdir(root)).sort()).toEqual(['articles', 'assets', 'workspace.json']);
  });
});

describe('a damaged roster file', () => {
  it('is named with its line; a desk that had read it refuses every change until it is restored, and never writes over it', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    const desk = await n.data.deskId();
    const file = `roster/${n.people.second.id}.${desk}.jsonl`;
    const path = join(n.workspace.layout.root, file);
    const intact = await readFile(path, 'utf8');
    const garbage = 'not a signed line\n';
    await writeFile(path, garbage);
    const d = await reopened(n);
    const info = await d.call('getWorkspace', {});
    expect(info.problems).toContainEqual({ file, problem: expect.stringMatching(/^line 1: .*not JSON/) });
    expect((await d.call('getSession', {})).rosterProblem).toContain(file);
    for (const desk$ of ['editor', 'admin'] as const) {
      await d.as(desk$);
      expect(await d.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).toMatchObject({ refusal: { code: 'roster-lost', params: { files: file } } });
    }
    expect(await d.fail('addPerson', { name: '周一', roles: ['editor'] })).toMatchObject({ refusal: { code: 'roster-lost' } });
    expect(await readFile(path, 'utf8')).toBe(garbage);
    // Restored from a backup, everything works again.
    await writeFile(path, intact);
    await d.as('editor');
    expect((await d.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true })).state.stage).toBe('second');
  });

  it('at a desk that never read it, counts for nothing: the key it bound is gone, what followed it waits, and everyone else goes on', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    const file = `roster/${n.people.second.id}.${await n.data.deskId()}.jsonl`;
    await writeFile(join(n.workspace.layout.root, file), 'not a signed line\n');
    const other = await reopened(n, await tempDir());
    expect((await other.call('getWorkspace', {})).problems).toContainEqual({ file, problem: expect.stringMatching(/^line 1: /) });
    await other.as('second');
    expect(await other.fail('createArticle', { language: 'en' })).toMatchObject({ refusal: { code: 'locked' } });
    // The submit was made with the roster that held the lost line: it waits for it, as for a file not synced yet.
    const review = await other.call('getReview', { id: article.id });
    expect(review.records.map((record) => [record.action, record.status])).toEqual([['submit', 'pending']]);
    expect(review.state.stage).toBe('draft');
    await other.as('editor');
    expect(await other.call('createArticle', { language: 'en' })).toMatchObject({ createdBy: n.people.editor.name });
  });

  it('a sync service’s conflict copy in roster/ is named and never read', async () => {
    const n = await newsroom(await tempDir());
    const desk = await n.data.deskId();
    const own = join(n.workspace.layout.root, 'roster', `${n.people.admin.id}.${desk}.jsonl`);
    const copy = `${n.people.admin.id}.${desk}.sync-conflict-20250601-080000-ABCDEFG.jsonl`;
    await writeFile(join(n.workspace.layout.root, 'roster', copy), await readFile(own));
    const info = await (await reopened(n)).call('getWorkspace', {});
    expect(info.problems).toEqual([{ file: `roster/${copy}`, problem: expect.stringContaining('is not a roster log') }]);
    expect((await n.call('getSession', {})).roster.people).toHaveLength(5);
  });
});

describe('an article log cut short by an interrupted write', () => {
  it('is reported, then the unfinished line is set aside before the next event is appended: its bytes are kept, and the log goes on', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const article = await n.call('createArticle', { language: 'en' });
    const path = await articleLogPath(n, article.id, n.people.reporter.id);
    const torn = '{"payloadType":"application/vnd.newsroom.revision+json","payl';
    await appendFile(path, torn);
    const file = path.slice(n.workspace.layout.root.length + 1);
    expect(await n.call('checkArticleFiles', { id: article.id })).toEqual([{ file, problem: expect.stringContaining('the last record is unfinished') }]);

    const saved = await n.call('saveArticle', { id: article.id, base: article.head, content: contentOf(article, 'Saved.') });
    expect(saved.revision).toBe(2);
    const dir = join(n.workspace.layout.articleDir(article.id), 'log');
    const setAside = (await readdir(dir)).filter((name) => name.includes('.torn-'));
    expect(setAside).toHaveLength(1);
    expect(await readFile(join(dir, setAside[0]!), 'utf8')).toBe(torn);
    expect(await n.call('checkArticleFiles', { id: article.id })).toEqual([{ file: `articles/${article.id}/log/${setAside[0]}`, problem: expect.stringContaining('was set aside') }]);
    const review = await n.call('getReview', { id: article.id });
    expect(review.problem).toBeNull();
  });
});
