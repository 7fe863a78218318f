import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLine, readLog } from '../../../src/main/services/append-log';
import { setAsideName } from '../../../src/main/services/set-aside';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('append-log-');

/** The files set aside beside `log.jsonl`, with their bytes. */
async function setAside(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).filter((n) => n.startsWith('log.jsonl.')).sort()) out.set(name, await readFile(join(dir, name)));
  return out;
}

describe('appendLine', () => {
  it('creates the log and adds one terminated line per call', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    await appendLine(path, '{"n":1}');
    await appendLine(path, '{"n":2}');
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('refuses a line with a newline in it, writing nothing', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    await expect(appendLine(path, 'a\nb')).rejects.toThrow(/newline/);
    expect(await readLog(path)).toBe('');
  });

  it.each([
    ['after complete lines', 'one\ntwo\n', '{"torn'],
    ['when the torn line is the only one', '', '{"to'],
    ['longer than one read chunk', 'one\n', 'x'.repeat(200_000)],
    ['after a complete line longer than one read chunk', `${'y'.repeat(100_000)}\n`, 'z'.repeat(70_000)],
  ])('sets a torn last line aside %s, then cuts it off and appends', async (_case, kept, torn) => {
    const dir = await tempDir();
    const path = join(dir, 'log.jsonl');
    await writeFile(path, kept + torn);
    await appendLine(path, '{"n":3}');
    expect(await readFile(path, 'utf8')).toBe(`${kept}{"n":3}\n`);
    expect(await setAside(dir)).toEqual(new Map([[setAsideName(path, 'torn', Buffer.from(torn)), Buffer.from(torn)]]));
  });

  it('never loses a byte of a damaged tail, whatever its bytes', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log.jsonl');
    const garbage = Buffer.from(randomBytes(5000).map((byte) => (byte === 0x0a ? 0x0b : byte)));
    await writeFile(path, Buffer.concat([Buffer.from('{"n":1}\n'), garbage]));
    await appendLine(path, '{"n":2}');
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
    expect([...(await setAside(dir)).values()]).toEqual([garbage]);
  });

  it('makes one set-aside file when the same tail is set aside twice (a crash between the copy and the cut)', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log.jsonl');
    await writeFile(path, '{"n":1}\n{"n":');
    await appendLine(path, '{"n":2}');
    await writeFile(path, '{"n":1}\n{"n":');
    await appendLine(path, '{"n":2}');
    expect((await setAside(dir)).size).toBe(1);
  });

  it('gives a whole last line that lost only its newline its newline, and cuts nothing', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log.jsonl');
    await writeFile(path, '{"n":1}\n{"n":2}');
    await appendLine(path, '{"n":3}');
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    expect((await setAside(dir)).size).toBe(0);
  });

  it('keeps appends made at once whole and in the log', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log.jsonl');
    await writeFile(path, '{"n":0}\n{"torn');
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendLine(path, `{"n":${i + 1}}`)));
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).n).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('keeps UTF-8 text whole', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    await writeFile(path, '{"text":"第一条"}\n{"text":"半');
    await appendLine(path, '{"text":"第二条"}');
    expect(await readLog(path)).toBe('{"text":"第一条"}\n{"text":"第二条"}\n');
  });
});

describe('readLog', () => {
  it('reads a missing log as empty and passes other failures on', async () => {
    const dir = await tempDir();
    expect(await readLog(join(dir, 'missing.jsonl'))).toBe('');
    await expect(readLog(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
