import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetStore, sniffImage } from '../../../src/main/services/assets';
import { MAX_IMAGE_BYTES } from '../../../src/shared/contract/api';
import { readSamplePng } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('assets-');

/** A 1 × 1 GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>');

async function newStore() {
  const dir = join(await tempDir(), 'assets');
  const store = new AssetStore(dir);
  await store.ensure();
  return { dir, store };
}

describe('AssetStore.put', () => {
  it('stores a PNG under the SHA-256 of its bytes with its size', async () => {
    const { dir, store } = await newStore();
    const png = await readSamplePng();
    const info = await store.put(png);
    const sha = createHash('sha256').update(png).digest('hex');
    expect(info).toEqual({ asset: sha, mime: 'image/png', width: 640, height: 400 });
    expect(await readFile(join(dir, sha))).toEqual(png);
    expect(store.pathOf(sha)).toBe(join(dir, sha));
  });

  it('stores the same image once however often it is put', async () => {
    const { dir, store } = await newStore();
    const png = await readSamplePng();
    const first = await store.put(png);
    const stored = await stat(join(dir, first.asset));
    const again = await store.put(Buffer.from(png));
    // Not even rewritten with the same bytes: a completed file is never touched again.
    expect((await stat(join(dir, first.asset))).ino).toBe(stored.ino);
    const gif = await store.put(GIF);
    expect(again).toEqual(first);
    expect(gif).toMatchObject({ mime: 'image/gif', width: 1, height: 1 });
    expect((await readdir(dir)).sort()).toEqual([first.asset, gif.asset].sort());
  });

  it.each([
    ['random bytes', randomBytes(4096), /PNG, JPEG, GIF or WebP/],
    ['an SVG', SVG, /"svg" are not supported/],
    ['an empty buffer', Buffer.alloc(0), /empty/],
    ['text', Buffer.from('just some words, not an image'), /PNG, JPEG, GIF or WebP/],
  ])('refuses %s as unsupported and stores nothing', async (_what, bytes, message) => {
    const { dir, store } = await newStore();
    await expect(store.put(bytes)).rejects.toMatchObject({ name: 'AppFailure', code: 'unsupported', message: expect.stringMatching(message) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an image over the size limit as too-large', async () => {
    const { dir, store } = await newStore();
    const png = await readSamplePng();
    const huge = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    png.copy(huge);
    await expect(store.put(huge)).rejects.toMatchObject({ code: 'too-large' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('AssetStore.read and pathOf', () => {
  it('reads a stored image back with its type', async () => {
    const { store } = await newStore();
    const png = await readSamplePng();
    const { asset } = await store.put(png);
    const read = await store.read(asset);
    expect(read.mime).toBe('image/png');
    expect(read.bytes).toEqual(png);
  });

  it('answers not-found for a well-formed id that is not stored', async () => {
    const { store } = await newStore();
    await expect(store.read('a'.repeat(64))).rejects.toMatchObject({ code: 'not-found' });
  });

  const badIds = ['../x', '../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(62)}/x`, '', 'g'.repeat(64)];

  it.each(badIds)('refuses the id %j with invalid-input', async (id) => {
    const { store } = await newStore();
    expect(() => store.pathOf(id)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    await expect(store.read(id)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('sniffImage', () => {
  it('reads type and size from the header', async () => {
    expect(sniffImage(await readSamplePng())).toEqual({ mime: 'image/png', width: 640, height: 400 });
    expect(sniffImage(GIF)).toEqual({ mime: 'image/gif', width: 1, height: 1 });
  });
});
