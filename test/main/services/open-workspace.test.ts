import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpWorkspace } from '../../../src/main/services/open-workspace';
import { AppFailure } from '../../../src/shared/contract/errors';
import { walkBody } from '../../../src/shared/article/body-walk';
import { bodyFigures } from '../../../src/shared/article/body-walk';
import { bodyProblem } from '../../../src/shared/article/body';
import { SAMPLE_DIR } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';
import { openTempWorkspace } from '../../helpers/workspace';

const tempDir = useTempDirs('open-workspace-');
const PASSPHRASE = '林晓岚 的口令 2025';

describe('setUpWorkspace', () => {
  it('makes the first person the workspace’s first administrator, with a key of their own, and writes the sample article as theirs', async () => {
    const root = join(await tempDir(), 'new workspace');
    const ws = await openTempWorkspace(root);
    const key = await setUpWorkspace(ws, { name: ' 林晓岚 ', passphrase: PASSPHRASE, sampleDir: SAMPLE_DIR });
    expect(await ws.status()).toBe('ready');
    const view = await ws.roster();
    expect(view.roster.people).toMatchObject([{ id: key.personId, name: '林晓岚', roles: ['reporter', 'admin'], active: true }]);
    expect(view.verdict.admins).toEqual([expect.objectContaining({ id: key.personId, fingerprints: [key.fingerprint] })]);
    expect(await readdir(join(root, 'keys', key.personId))).toEqual([`${key.keyid}.json`]);

    const { articles, damaged } = await ws.articles.list();
    expect(damaged).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ authorId: key.personId, createdBy: '林晓岚', review: { stage: 'draft', author: key.personId }, reviewProblem: null });
    const article = await ws.get(articles[0]!.id);
    expect(article).toMatchObject({ createdBy: '林晓岚', revision: 1, language: 'zh-CN', channel: ['首页', '贵山', '正文'] });
    expect(article.headline.length).toBeGreaterThan(10);
    expect(bodyProblem(article.body)).toBeNull();

    const figures = bodyFigures(article.body);
    expect(figures.filter((f) => f.caption.trim() !== '').length).toBeGreaterThanOrEqual(4);
    expect(figures.filter((f) => f.caption.trim() === '')).toHaveLength(1);
    let headings = 0;
    walkBody(article.body, { block: (b) => void (b.kind === 'heading' && headings++) });
    expect(headings).toBeGreaterThanOrEqual(3);
    for (const figure of figures) {
      const image = await ws.assets.read(figure.asset);
      expect(image.mime).toBe(figure.mime);
      expect(figure).toMatchObject({ width: 640, height: 400 });
    }

    // Only once: a workspace has one first person.
    await expect(setUpWorkspace(ws, { name: '周明远', passphrase: PASSPHRASE, sampleDir: SAMPLE_DIR })).rejects.toMatchObject({ refusal: { code: 'already-set-up' } });
    expect((await ws.roster()).roster.people).toHaveLength(1);
    expect((await ws.articles.list()).articles).toHaveLength(1);
  });

  it('writes no sample without a sample folder', async () => {
    const ws = await openTempWorkspace(await tempDir());
    await setUpWorkspace(ws, { name: '林晓岚', passphrase: PASSPHRASE, sampleDir: null });
    expect((await ws.articles.list()).articles).toEqual([]);
  });

  it.each([
    ['a zero-width space', '林晓\u200b岚', 'name-invisible-character'],
    ['a right-to-left mark', 'Lin\u200fXiao', 'name-invisible-character'],
    ['nothing but spaces', '   ', 'name-empty'],
  ])('refuses a name with %s, leaving no key and no roster behind', async (_case, name, code) => {
    const root = await tempDir();
    const ws = await openTempWorkspace(root);
    const error = await setUpWorkspace(ws, { name, passphrase: PASSPHRASE, sampleDir: SAMPLE_DIR }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ refusal: { code } });
    expect(await ws.status()).toBe('new');
    expect((await readdir(root)).sort()).toEqual(['articles', 'assets', 'workspace.json']);
  });
});
