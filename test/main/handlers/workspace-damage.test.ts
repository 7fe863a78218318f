import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../../src/main/handlers';
import { Workspace } from '../../../src/main/services/workspace';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';
import { steppingClock } from '../../helpers/workspace';

const tempDir = useTempDirs('workspace-damage-');

/** The same newsroom, reopened after a file was damaged behind its back (as on the next start). */
async function withNewHandlers(n: Newsroom): Promise<Newsroom> {
  const workspace = await Workspace.open(n.workspace.layout.root, steppingClock('2025-06-01T08:00:00.000Z'));
  const handlers = createHandlers({ workspace: () => workspace, settings: n.settings, clock: n.clock });
  const call: Newsroom['call'] = async (name, input) => {
    const result = await dispatch(handlers, name, input, n.caller);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  const fail: Newsroom['fail'] = async (name, input) => {
    const result = await dispatch(handlers, name, input, n.caller);
    if (result.ok) throw new Error(`${name} should have been refused`);
    return result.error;
  };
  return { ...n, workspace, handlers, call, fail, as: async (desk) => void (await call('setCurrentUser', { id: n.people[desk].id })) };
}

describe('a damaged people.json', () => {
  it('is named in the workspace info and never taken for an empty newsroom', async () => {
    const n = await newsroom(await tempDir());
    const path = join(n.workspace.layout.root, 'people.json');
    const garbage = '{"format":1,"people":[{"id":"u-';
    await writeFile(path, garbage);
    const d = await withNewHandlers(n);
    const info = await d.call('getWorkspace', {});
    expect(info.problems).toEqual([{ file: 'people.json', problem: 'file is not valid JSON (truncated or damaged)' }]);
    expect((await d.call('getSession', {})).rosterProblem).toMatch(/^people\.json/);
    expect(await d.fail('createFirstPerson', { name: 'Someone new' })).toMatchObject({ code: 'damaged', message: expect.stringContaining('people.json') });
    expect(await readFile(path, 'utf8')).toBe(garbage);
  });
});

describe('a damaged workspace.json', () => {
  it('is named in the workspace info, refuses review actions and settings changes naming it, and is never written over', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    const path = join(n.workspace.layout.root, 'workspace.json');
    const wrongShape = '{"format":1,"name":"Desk","channels":"none"}\n';
    await writeFile(path, wrongShape);
    const d = await withNewHandlers(n);

    expect((await d.call('getWorkspace', {})).problems).toEqual([{ file: 'workspace.json', problem: expect.stringMatching(/^content is not valid at channels/) }]);
    await d.as('editor');
    expect(await d.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: 'Fine.' } })).toMatchObject({
      code: 'damaged',
      message: expect.stringContaining('workspace.json'),
      refusal: { code: 'settings-damaged' },
    });
    await d.as('admin');
    expect(await d.fail('updatePolicy', { authorMayReview: true })).toMatchObject({ code: 'damaged', message: expect.stringContaining('workspace.json') });
    expect(await d.fail('updateProofreading', { lists: { terms: [], names: [] } })).toMatchObject({ code: 'damaged' });

    // Writing a draft does not depend on the review settings: it goes on.
    await d.as('reporter');
    const draft = await d.call('createArticle', { language: 'en' });
    expect(await d.call('saveArticle', { id: draft.id, baseRevision: 0, content: contentOf(draft, 'Still writing.') })).toMatchObject({ revision: 1 });
    expect(await readFile(path, 'utf8')).toBe(wrongShape);
  });

  it('refuses an edit whose answer depends on the unreadable setting, naming the file', async () => {
    const n = await newsroom(await tempDir());
    // The author also reviews first: whether they may edit at that stage is the workspace's setting.
    await n.call('updatePerson', { id: n.people.reporter.id, roles: ['reporter', 'editor'] });
    const article = await submittedArticle(n);
    await writeFile(join(n.workspace.layout.root, 'workspace.json'), '{"format":1,');
    const d = await withNewHandlers(n);
    await d.as('reporter');
    expect((await d.call('getReview', { id: article.id })).edit).toMatchObject({ ok: false, refusal: { code: 'settings-damaged', params: { problem: expect.stringContaining('workspace.json') } } });
    expect(await d.fail('saveArticle', { id: article.id, baseRevision: article.revision, content: contentOf(article, 'Edit.') })).toMatchObject({ refusal: { code: 'settings-damaged' } });
  });
});

describe('a damaged summary.json', () => {
  it('is reported, then set aside before the next save writes it anew: the damaged bytes are kept', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const article = await n.call('createArticle', { language: 'en' });
    const dir = n.workspace.layout.articleDir(article.id);
    const damaged = '{"id":"' + article.id + '","headline":';
    await writeFile(join(dir, 'summary.json'), damaged);
    expect(await n.call('checkArticleFiles', { id: article.id })).toEqual([
      { file: `articles/${article.id}/summary.json`, problem: expect.stringMatching(/^file is not valid JSON .*next save sets the damaged copy aside/) },
    ]);

    await n.call('saveArticle', { id: article.id, baseRevision: 0, content: contentOf(article, 'Saved.') });
    const setAside = (await readdir(dir)).filter((name) => name.startsWith('summary.json.damaged-'));
    expect(setAside).toHaveLength(1);
    expect(await readFile(join(dir, setAside[0]!), 'utf8')).toBe(damaged);
    expect(JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'))).toMatchObject({ id: article.id, revision: 1 });
    expect(await n.call('checkArticleFiles', { id: article.id })).toEqual([
      { file: `articles/${article.id}/${setAside[0]}`, problem: `a damaged summary.json was set aside as ${setAside[0]}` },
    ]);
  });
});
