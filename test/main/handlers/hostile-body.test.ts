import { strFromU8, unzipSync } from 'fflate';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyOf, linkNode, paragraphOf, textNode } from '../../../src/shared/article/body';
import { tempApp } from '../../helpers/handlers';
import { contentOf } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';
import { dispatch } from '../../../src/main/handlers';

const tempDir = useTempDirs('hostile-body-');
const OVERLAY = 'position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:white';
const TARGETS = ['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];

const hostileBody = () =>
  bodyOf([paragraphOf([{ ...textNode('Covers the app'), style: OVERLAY }, ...TARGETS.map((url, i) => linkNode(url, `link ${i}`)), linkNode('https://example.org/', 'web')])]);

async function call(app: Awaited<ReturnType<typeof tempApp>>, name: string, input: unknown) {
  const result = await dispatch(app.handlers, name, input, app.caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as never;
}

describe('a hostile style or link target in an article', () => {
  it('is dropped when a stored article is opened and exported, and the file is left as it is', async () => {
    const app = await tempApp(await tempDir());
    const created = await app.workspace.create('林晓岚', 'en', app.firstPersonId);
    const file = join(app.workspace.layout.articleDir(created.id), 'article.json');
    const stored = { ...JSON.parse(await readFile(file, 'utf8')), headline: 'Hostile', body: hostileBody() };
    await writeFile(file, JSON.stringify(stored));

    const opened = (await call(app, 'getArticle', { id: created.id })) as { body: unknown };
    const json = JSON.stringify(opened.body);
    expect(json).not.toContain('position:fixed');
    for (const target of TARGETS) expect(json).not.toContain(target.slice(0, 8));
    expect(json).toContain('Covers the app');
    expect(json).toContain('link 2');
    expect(json).toContain('https://example.org/');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(stored);

    for (const format of ['html', 'md', 'txt', 'ninjs', 'docx'] as const) {
      const exported = (await call(app, 'exportArticle', { id: created.id, format, draft: true })) as { dataBase64: string };
      const bytes = Buffer.from(exported.dataBase64, 'base64');
      // A Word file keeps its link targets in the relationships part.
      const text = format === 'docx' ? strFromU8(unzipSync(bytes)['word/_rels/document.xml.rels']!) : bytes.toString('utf8');
      expect(text, format).not.toMatch(/data:text|vbscript:|file:\/\/|100vw/);
    }
  });

  it('is dropped when it is saved: the stored copy keeps the text, not the style or the link', async () => {
    const app = await tempApp(await tempDir());
    const created = await app.workspace.create('林晓岚', 'en', app.firstPersonId);
    await call(app, 'saveArticle', { id: created.id, baseRevision: 0, content: { ...contentOf(created), body: hostileBody() } });
    const text = await readFile(join(app.workspace.layout.articleDir(created.id), 'article.json'), 'utf8');
    expect(text).not.toContain('position:fixed');
    for (const target of TARGETS) expect(text).not.toContain(target.slice(0, 8));
    expect(text).toContain('Covers the app');
    expect(text).toContain('https://example.org/');
  });
});
