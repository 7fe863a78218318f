import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, personNamed } from '../../../src/main/services/open-workspace';
import { walkBody } from '../../../src/shared/article/body-walk';
import { bodyFigures } from '../../../src/shared/article/body-walk';
import { bodyProblem } from '../../../src/shared/article/body';
import { SAMPLE_DIR } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';
import { steppingClock } from '../../helpers/workspace';

const tempDir = useTempDirs('open-workspace-');

const open = (root: string, sampleDir: string | null = SAMPLE_DIR) =>
  openWorkspace({ root, clock: steppingClock(), sampleDir, author: '林晓岚' });

describe('openWorkspace', () => {
  it('creates a new workspace with the sample article, figures and all', async () => {
    const root = join(await tempDir(), 'new workspace');
    const ws = await open(root);
    await access(join(root, 'workspace.json'));
    const { articles, damaged } = await ws.list();
    expect(damaged).toEqual([]);
    expect(articles).toHaveLength(1);

    const article = await ws.get(articles[0]!.id);
    expect(article).toMatchObject({ createdBy: '林晓岚', revision: 0, language: 'zh-CN', channel: ['首页', '贵山', '正文'] });
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
  });

  it('does not seed again when the workspace is reopened, even after the sample was trashed', async () => {
    const root = await tempDir();
    const first = await open(root);
    const [sample] = (await first.list()).articles;
    expect((await (await open(root)).list()).articles.map((a) => a.id)).toEqual([sample!.id]);
    await first.trash(sample!.id, '林晓岚');
    const reopened = await open(root);
    expect((await reopened.list()).articles).toEqual([]);
    expect(await reopened.listTrash()).toHaveLength(1);
  });

  it('does not seed without a sample folder', async () => {
    const ws = await open(await tempDir(), null);
    expect((await ws.list()).articles).toEqual([]);
  });

  it('does not seed into a folder that already has a workspace.json', async () => {
    const root = await tempDir();
    const manifest = JSON.stringify({ format: 1, name: 'Desk', channels: [['Home', 'News']] });
    await writeFile(join(root, 'workspace.json'), manifest);
    const ws = await open(root);
    expect((await ws.list()).articles).toEqual([]);
    expect(await ws.info()).toMatchObject({ name: 'Desk', channels: [['Home', 'News']] });
    expect(await readFile(join(root, 'workspace.json'), 'utf8')).toBe(manifest);
  });

  it('gives a new workspace its first person, who runs it and wrote the sample', async () => {
    const root = await tempDir();
    const ws = await open(root);
    const { roster, problem } = await ws.roster.load();
    expect(problem).toBeNull();
    expect(roster.people).toMatchObject([{ name: '林晓岚', roles: ['reporter', 'admin'], active: true }]);
    const first = roster.people[0]!;
    const [sample] = (await ws.list()).articles;
    expect(sample).toMatchObject({ authorId: first.id, createdBy: '林晓岚', review: { stage: 'draft', author: first.id }, reviewProblem: null });

    expect(await personNamed(ws, ' 林晓岚 ')).toEqual(first);
    expect(await personNamed(ws, '周明远')).toBeNull();
    await openWorkspace({ root, clock: steppingClock(), sampleDir: SAMPLE_DIR, author: '周明远' });
    expect((await ws.roster.load()).roster.people).toEqual([first]);
  });
});
