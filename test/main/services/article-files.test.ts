import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/handlers';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, paragraphNode, textNode, type BodyNode } from '../../../src/shared/article/body';
import type { ApiInput, ApiName } from '../../../src/shared/contract/api';
import { tempApp, type TempApp } from '../../helpers/handlers';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('article-files-');

async function call<N extends ApiName>(app: TempApp, name: N, input: ApiInput<N>) {
  const result = await dispatch(app.handlers, name, input, app.caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as never;
}

function copy(children: BodyNode[]): ArticleContent {
  return { channel: ['首页', '要闻'], headline: '山区铁路今日通车', deck: '', byline: '本报记者 林晓岚', language: 'zh-CN', body: bodyOf(children) };
}

describe('an article as stored', () => {
  it('saves a copy whose only change is an annotation anchor, though its content hash is the same', async () => {
    const app = await tempApp(await tempDir());
    const created: { id: string; head: string } = await call(app, 'createArticle', { language: 'zh-CN' });
    const plain: { head: string } = await call(app, 'saveArticle', { id: created.id, base: created.head, content: copy([paragraphNode('清晨的茶园。')]) });
    const anchored = copy([{ ...paragraphNode(''), children: [{ type: 'mark', version: 1, ids: ['t1'], children: [textNode('清晨')] }, textNode('的茶园。')] }]);
    const saved: { head: string } = await call(app, 'saveArticle', { id: created.id, base: plain.head, content: anchored });
    expect(saved.head).not.toBe(plain.head);
    const read: ArticleContent = await call(app, 'getArticle', { id: created.id });
    expect(JSON.stringify(read.body)).toContain('"ids":["t1"]');
    // Saving the same copy again writes nothing new.
    const again: { head: string } = await call(app, 'saveArticle', { id: created.id, base: saved.head, content: anchored });
    expect(again.head).toBe(saved.head);
  });

  it('names a damaged revision file even when only autosaves are built on it, and leaves it as it is', async () => {
    const app = await tempApp(await tempDir());
    const created: { id: string; head: string } = await call(app, 'createArticle', { language: 'zh-CN' });
    await call(app, 'saveArticle', { id: created.id, base: created.head, content: copy([paragraphNode('清晨的茶园。')]) });
    const blobs = join(app.workspace.layout.articleDir(created.id), 'blobs');
    const [blob] = await readdir(blobs);
    const bytes = await readFile(join(blobs, blob!));
    await writeFile(join(blobs, blob!), bytes.subarray(0, bytes.length >> 1));
    const problems: Array<{ file: string; problem: string }> = await call(app, 'checkArticleFiles', { id: created.id });
    expect(problems.map((p) => p.file)).toContain(`articles/${created.id}/blobs/${blob}`);
    expect(problems.find((p) => p.file.endsWith(blob!))!.problem).toMatch(/cannot be rebuilt: .*do not match its name/);
    expect(await readFile(join(blobs, blob!))).toEqual(bytes.subarray(0, bytes.length >> 1));
  });
});
