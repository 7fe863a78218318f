import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyOf, linkNode, paragraphOf, textNode } from '../../../src/shared/article/body';
import { snapshotTree } from '../../helpers/files';
import { articleLogFiles, tempApp, type TempApp } from '../../helpers/handlers';
import { contentOf } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';
import { dispatch } from '../../../src/main/handlers';

const tempDir = useTempDirs('hostile-body-');
const OVERLAY = 'position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:white';
const TARGETS = ['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];

const hostileBody = () =>
  bodyOf([paragraphOf([{ ...textNode('Covers the app'), style: OVERLAY }, ...TARGETS.map((url, i) => linkNode(url, `link ${i}`)), linkNode('https://example.org/', 'web')])]);

async function call(app: TempApp, name: string, input: unknown) {
  const result = await dispatch(app.handlers, name, input, app.caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as never;
}

/** Everything stored for an article, decoded: each log line's payload and each content blob, unzipped. */
async function storedText(app: TempApp, id: string): Promise<string> {
  const dir = app.workspace.layout.articleDir(id);
  const parts: string[] = [];
  for (const text of (await articleLogFiles(app.workspace, id)).values()) {
    for (const line of text.trimEnd().split('\n')) parts.push(Buffer.from(JSON.parse(line).payload, 'base64').toString('utf8'));
  }
  for (const name of await readdir(join(dir, 'blobs')).catch(() => [] as string[])) parts.push(strFromU8(gunzipSync(await readFile(join(dir, 'blobs', name)))));
  return parts.join('\n');
}

describe('a hostile style or link target in an article', () => {
  it('is dropped when a stored revision holding it (signed outside the app) is opened and exported, and the files are left as they are', async () => {
    const app = await tempApp(await tempDir());
    const actor = await app.actorOf(app.firstPersonId);
    const created = await app.workspace.articles.create(actor, 'en');
    // A revision written with the person's key but not through the app's checks.
    const state = await app.workspace.articles.state(created.id);
    const fields = await app.workspace.articles.content(created.id).store({ ...contentOf(created), headline: 'Hostile', body: hostileBody() }, { id: created.head, revisions: state.revisions });
    await app.workspace.articles.logs.append(app.workspace.writer, actor.key, state, 'revision', { from: [created.head], kind: 'save', stage: 'draft', ...fields });
    const stored = await snapshotTree(app.workspace.layout.articleDir(created.id));
    expect(await storedText(app, created.id)).toContain('position:fixed');

    const opened = (await call(app, 'getArticle', { id: created.id })) as { headline: string; body: unknown };
    expect(opened.headline).toBe('Hostile');
    const json = JSON.stringify(opened.body);
    expect(json).not.toContain('position:fixed');
    for (const target of TARGETS) expect(json).not.toContain(target.slice(0, 8));
    expect(json).toContain('Covers the app');
    expect(json).toContain('link 2');
    expect(json).toContain('https://example.org/');

    for (const format of ['html', 'md', 'txt', 'ninjs', 'docx'] as const) {
      const exported = (await call(app, 'exportArticle', { id: created.id, format, draft: true })) as { dataBase64: string };
      const bytes = Buffer.from(exported.dataBase64, 'base64');
      // A Word file keeps its link targets in the relationships part.
      const text = format === 'docx' ? strFromU8(unzipSync(bytes)['word/_rels/document.xml.rels']!) : bytes.toString('utf8');
      expect(text, format).not.toMatch(/data:text|vbscript:|file:\/\/|100vw/);
    }
    expect(await snapshotTree(app.workspace.layout.articleDir(created.id))).toEqual(stored);
  });

  it('is dropped when it is saved: the stored copy keeps the text, not the style or the link', async () => {
    const app = await tempApp(await tempDir());
    const created = await app.workspace.articles.create(await app.actorOf(app.firstPersonId), 'en');
    await call(app, 'saveArticle', { id: created.id, base: created.head, content: { ...contentOf(created), body: hostileBody() } });
    const text = await storedText(app, created.id);
    expect(text).not.toContain('position:fixed');
    for (const target of TARGETS) expect(text).not.toContain(target.slice(0, 8));
    expect(text).toContain('Covers the app');
    expect(text).toContain('https://example.org/');
  });
});
