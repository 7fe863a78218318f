import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export type JsonRead<T> = { ok: true; value: T } | { ok: false; problem: string; missing: boolean };

/** Reads and validates one JSON file; any fault is described, never thrown. */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, problem: missing ? 'file is missing' : `cannot be read (${(error as Error).message})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, problem: text.length === 0 ? 'file is empty' : 'file is not valid JSON (truncated or damaged)' };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, missing: false, problem: `content is not valid${where}: ${issue?.message ?? 'unknown problem'}` };
  }
  return { ok: true, value: parsed.data };
}
