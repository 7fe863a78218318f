// @vitest-environment jsdom
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempFile } from '../../../../src/main/services/atomic-write';
import { IMAGES_FOLDER, preparePrint, writeExport } from '../../../../src/main/services/export/write-export';
import type { Article } from '../../../../src/shared/article/article';
import { AppFailure } from '../../../../src/shared/contract/errors';
import { reviewerLog, sampleWorkspace, type SampleWorkspace } from '../../../helpers/export-workspace';
import { tamperPayload } from '../../../helpers/identity';
import { contentOf } from '../../../helpers/newsroom';
import { expectGolden } from '../../../helpers/golden';
import { readSamplePng } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('export-write-');
const FOOTER = '责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰';

async function signedSample(names?: Parameters<typeof sampleWorkspace>[1]): Promise<SampleWorkspace & { out: string }> {
  const sample = await sampleWorkspace(join(await tempDir(), 'ws'), names);
  await sample.signOff();
  return { ...sample, out: await tempDir() };
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

async function rejection(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

async function edit(sample: SampleWorkspace, change: Partial<Article>): Promise<void> {
  const current = await sample.workspace.get(sample.article.id);
  await sample.save(current.id, contentOf({ ...current, ...change }));
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('writeExport of signed-off copy', () => {
  it('writes one self-contained HTML file, pictures inline', async () => {
    const { workspace, article, out } = await signedSample();
    const target = join(out, 'copy.html');
    const result = await writeExport(workspace, article.id, 'html', target);
    expect(result).toMatchObject({ id: article.id, format: 'html', draft: false, path: target, files: [target], gate: { final: true } });
    expect(await allFiles(out)).toEqual(['copy.html']);
    const doc = parse(await readFile(target, 'utf8'));
    const sources = Array.from(doc.querySelectorAll('img'), (img) => img.getAttribute('src') ?? '');
    expect(sources).toHaveLength(5);
    for (const src of sources) expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(sources[1]!.split(',')[1]!, 'base64').equals(await readSamplePng())).toBe(true);
    expect(doc.querySelector('footer')?.textContent?.trim()).toBe(FOOTER);
  });

  it('writes an html folder: index.html and the pictures under images/', async () => {
    const { workspace, article, out } = await signedSample();
    const target = join(out, 'site');
    const result = await writeExport(workspace, article.id, 'html-folder', target);
    const files = await allFiles(target);
    expect(files).toHaveLength(6);
    expect(files.at(-1)).toBe('index.html');
    expect(result.files.at(-1)).toBe(join(target, 'index.html'));
    const doc = parse(await readFile(join(target, 'index.html'), 'utf8'));
    for (const img of Array.from(doc.querySelectorAll('img'))) {
      const src = img.getAttribute('src')!;
      expect(src).toMatch(/^images\/[0-9a-f]{64}\.png$/);
      expect(files).toContain(src);
    }
    expect(await readFile(join(target, 'images', `${(await readSamplePngSha())}.png`))).toEqual(await readSamplePng());
  });

  it('writes Markdown and ninjs with their pictures beside them, the same as the golden files', async () => {
    const { workspace, article, out } = await signedSample();
    await writeExport(workspace, article.id, 'md', join(out, 'copy.md'));
    await writeExport(workspace, article.id, 'ninjs', join(out, 'copy.json'));
    const files = await allFiles(out);
    expect(files.filter((f) => f.startsWith(`${IMAGES_FOLDER}/`))).toHaveLength(5);
    const markdown = await readFile(join(out, 'copy.md'), 'utf8');
    await expectGolden('sample.md', markdown);
    for (const [, path] of markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(files).toContain(path);
    const item = JSON.parse(await readFile(join(out, 'copy.json'), 'utf8'));
    await expectGolden('sample.ninjs.json', `${JSON.stringify(item, null, 2)}\n`.replaceAll(article.id, 'ARTICLE-ID'));
    for (const picture of item.associations) expect(files).toContain(picture.renditions[0].href);
  });

  it('writes plain text the same as the golden file, and a Word file', async () => {
    const { workspace, article, out } = await signedSample();
    await writeExport(workspace, article.id, 'txt', join(out, 'copy.txt'));
    await expectGolden('sample.txt', await readFile(join(out, 'copy.txt'), 'utf8'));
    await writeExport(workspace, article.id, 'docx', join(out, 'copy.docx'));
    const docx = await readFile(join(out, 'copy.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('leaves no temp file, and replaces an earlier export whole', async () => {
    const { workspace, article, out } = await signedSample();
    const target = join(out, 'copy.txt');
    await writeFile(target, 'an older export');
    await writeExport(workspace, article.id, 'txt', target);
    await writeExport(workspace, article.id, 'md', join(out, 'copy.md'));
    expect((await allFiles(out)).filter((name) => isTempFile(name))).toEqual([]);
    expect(await readFile(target, 'utf8')).toContain(FOOTER);
  });

  it('escapes reviewers’ names in the footer', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { workspace, article, out } = await signedSample({ third: `陈杰${payload}` });
    await writeExport(workspace, article.id, 'html', join(out, 'copy.html'));
    const doc = parse(await readFile(join(out, 'copy.html'), 'utf8'));
    expect(doc.querySelector('footer')?.textContent?.trim()).toBe(`责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰${payload}`);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(5);
  });
});

async function readSamplePngSha(): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(await readSamplePng()).digest('hex');
}

describe('writeExport of copy that is not final', () => {
  it('refuses a draft unless asked, writing nothing', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    const out = await tempDir();
    const error = await rejection(writeExport(sample.workspace, sample.article.id, 'html', join(out, 'x.html')));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(`“${sample.article.headline}” is not final copy: it is not signed off yet (now at draft). Export it as a draft to get a copy marked DRAFT.`);
    expect(await allFiles(out)).toEqual([]);
  });

  it('marks a draft export when asked for one', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    await sample.act('author', { action: 'submit' }, '2025-05-01T09:00:00.000Z');
    const out = await tempDir();
    const result = await writeExport(sample.workspace, sample.article.id, 'html', join(out, 'x.html'), { allowDraft: true });
    expect(result).toMatchObject({ draft: true, gate: { final: false, code: 'not-signed-off' } });
    const doc = parse(await readFile(join(out, 'x.html'), 'utf8'));
    expect(doc.querySelector('.watermark')?.textContent).toBe('DRAFT / 草稿');
    expect(doc.querySelector('footer')?.textContent).not.toContain('王丽');
  });

  it('refuses copy edited after sign-off: the approvals no longer cover it', async () => {
    const sample = await signedSample();
    await edit(sample, { deck: `${sample.article.deck}（更新）` });
    const error = await rejection(writeExport(sample.workspace, sample.article.id, 'txt', join(sample.out, 'x.txt')));
    expect(error.message).toContain('the copy was edited after sign-off');
    const result = await writeExport(sample.workspace, sample.article.id, 'txt', join(sample.out, 'x.txt'), { allowDraft: true });
    expect(result.gate.code).toBe('edited-after-sign-off');
    const text = await readFile(join(sample.out, 'x.txt'), 'utf8');
    expect(text.startsWith('[DRAFT / 草稿]')).toBe(true);
    expect(text).not.toContain(FOOTER);
  });

  it('refuses copy whose review log was altered, even though the log reads as signed', async () => {
    const sample = await signedSample();
    const log = await reviewerLog(sample, 'second');
    const [approval] = (await readFile(log, 'utf8')).trimEnd().split('\n');
    await writeFile(log, `${tamperPayload(approval!, (payload) => ((payload.event as { opinion: string }).opinion = '不同意。'))}\n`);
    const error = await rejection(writeExport(sample.workspace, sample.article.id, 'html', join(sample.out, 'x.html')));
    expect(error.message).toContain('is not final copy: the review log cannot be trusted (');
    expect(error.message).toContain(`${log.slice(sample.root.length + 1)} line 1: `);
    const item = await writeExport(sample.workspace, sample.article.id, 'ninjs', join(sample.out, 'x.json'), { allowDraft: true });
    expect(item.draft).toBe(true);
    const json = JSON.parse(await readFile(join(sample.out, 'x.json'), 'utf8'));
    expect(json.pubstatus).toBe('withheld');
    expect(json['x-review'].footer).toBeNull();
  });
});

describe('writeExport when a picture is gone', () => {
  it('fails with the figure named, and leaves an earlier export as it was', async () => {
    const sample = await signedSample();
    const target = join(sample.out, 'copy.html');
    await writeExport(sample.workspace, sample.article.id, 'html', target);
    const before = await readFile(target);
    const sha = await readSamplePngSha();
    await rm(sample.workspace.assets.pathOf(sha));
    const error = await rejection(writeExport(sample.workspace, sample.article.id, 'html', target));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(`the picture of figure 2 (${sha.slice(0, 12)}…) is missing from the workspace`);
    expect((await readFile(target)).equals(before)).toBe(true);
    // Plain text holds no pictures, so it is still written.
    await writeExport(sample.workspace, sample.article.id, 'txt', join(sample.out, 'copy.txt'));
    expect(await readFile(join(sample.out, 'copy.txt'), 'utf8')).toContain('[Figure 2: ');
  });

  it('fails when a picture no longer matches its SHA-256', async () => {
    const sample = await signedSample();
    const sha = await readSamplePngSha();
    // Figure 2's picture file now holds figure 1's picture.
    const first = sample.article.body.root.children!.find((node) => node.type === 'figure')!.asset as string;
    await writeFile(sample.workspace.assets.pathOf(sha), await readFile(sample.workspace.assets.pathOf(first)));
    const error = await rejection(writeExport(sample.workspace, sample.article.id, 'docx', join(sample.out, 'x.docx')));
    expect(error).toMatchObject({ code: 'damaged', message: `the picture of figure 2 (${sha.slice(0, 12)}…) is damaged: its content no longer matches its name` });
  });
});

describe('preparePrint', () => {
  it('gives the same HTML as the html export, and print settings with the same gate', async () => {
    const sample = await signedSample();
    const target = join(sample.out, 'copy.html');
    await writeExport(sample.workspace, sample.article.id, 'html', target);
    const job = await preparePrint(sample.workspace, sample.article.id);
    expect(job.html).toBe(await readFile(target, 'utf8'));
    expect(job.fileName).toBe(`${sample.article.headline}.pdf`);
    expect(job.electron.margins.top).toBeCloseTo(20 / 25.4, 3);
    expect(job.playwright.margin.top).toBe('20mm');
    expect(job.electron.footerTemplate).toBe(job.playwright.footerTemplate);
    await edit(sample, { headline: '改过的标题' });
    expect((await rejection(preparePrint(sample.workspace, sample.article.id))).code).toBe('forbidden');
    expect((await preparePrint(sample.workspace, sample.article.id, { allowDraft: true })).fileName).toBe('改过的标题-DRAFT.pdf');
  });
});
