import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatic, resolveInside } from '../../../src/main/preview/static-files';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('static-files-');
const ROOT = resolve('/srv/renderer');

describe('resolveInside', () => {
  it.each([
    ['/index.html', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['assets/app.js', 'assets/app.js'],
    ['/assets/../index.html', 'index.html'],
    ['/a%20b.css', 'a b.css'],
  ])('resolves %s inside the root', (urlPath, inside) => {
    expect(resolveInside(ROOT, urlPath)).toBe(join(ROOT, inside));
  });

  it.each([
    '/../secret.txt',
    '../secret.txt',
    '/../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2f..%2fetc/passwd',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/../renderer-other/x',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveInside(ROOT, urlPath)).toBeNull();
  });
});

describe('readStatic', () => {
  it('reads a file inside the root with its content type, and nothing outside', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'style.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    expect(await readStatic(join(dir, 'renderer'), '/style.css')).toEqual({ body: Buffer.from('body{}'), type: 'text/css; charset=utf-8' });
    expect(await readStatic(join(dir, 'renderer'), '/%2e%2e/secret.txt')).toBeNull();
    expect(await readStatic(join(dir, 'renderer'), '/missing.css')).toBeNull();
    expect(await readStatic(join(dir, 'renderer'), '/')).toBeNull();
  });
});
