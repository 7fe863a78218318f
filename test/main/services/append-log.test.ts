import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLine, readLog } from '../../../src/main/services/append-log';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('append-log-');

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
    ['after complete lines', 'one\ntwo\n{"torn', 'one\ntwo\nthree\n'],
    ['when the torn line is the only one', '{"to', 'three\n'],
    ['longer than one read chunk', `one\n${'x'.repeat(200_000)}`, 'one\nthree\n'],
    ['after a complete line longer than one read chunk', `${'y'.repeat(100_000)}\n${'z'.repeat(70_000)}`, `${'y'.repeat(100_000)}\nthree\n`],
  ])('cuts off a torn last line %s before appending', async (_case, before, after) => {
    const path = join(await tempDir(), 'log.jsonl');
    await writeFile(path, before);
    await appendLine(path, 'three');
    expect(await readFile(path, 'utf8')).toBe(after);
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
