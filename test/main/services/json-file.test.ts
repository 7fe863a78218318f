import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../../src/main/services/json-file';
import { z } from '../../../src/shared/zod';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('json-file-');
const Schema = z.object({ name: z.string(), count: z.number().int() });

async function readWith(text: string | null) {
  const file = join(await tempDir(), 'value.json');
  if (text !== null) await writeFile(file, text);
  return readJsonFile(file, Schema);
}

describe('readJsonFile', () => {
  it('returns the validated value', async () => {
    expect(await readWith('{"name":"稿件","count":3}')).toEqual({ ok: true, value: { name: '稿件', count: 3 } });
  });

  it.each([
    ['a missing file', null, true, /missing/],
    ['an empty file', '', false, /empty/],
    ['truncated JSON', '{"name":"稿', false, /not valid JSON/],
    ['JSON of the wrong shape', '{"name":"x","count":"3"}', false, /not valid at count/],
  ])('describes %s without throwing', async (_what, text, missing, problem) => {
    const read = await readWith(text);
    expect(read).toEqual({ ok: false, missing, problem: expect.stringMatching(problem) });
  });
});
