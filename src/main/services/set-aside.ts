import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { AppFailure } from '../../shared/contract/errors';
import { isTempFile, writeFileAtomic } from './atomic-write';
import { readJsonFile } from './json-file';

/**
 * Damaged bytes are never destroyed: before a file is cut short or rewritten, what would be lost
 * is copied beside it, to `<name>.torn-<hash>` (an unfinished record cut off a log) or
 * `<name>.damaged-<hash>` (a damaged file about to be rebuilt). The name carries the first 16
 * hex digits of the bytes' SHA-256, so setting the same bytes aside twice (after a crash between
 * the copy and the cut) makes one file; a set-aside file is written atomically and never changed.
 */
export type SetAsideKind = 'torn' | 'damaged';

export function setAsideName(path: string, kind: SetAsideKind, bytes: Uint8Array): string {
  return `${basename(path)}.${kind}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
}

/** Copies `bytes` beside `path`; returns the set-aside file's name. */
export async function setAside(path: string, kind: SetAsideKind, bytes: Uint8Array): Promise<string> {
  const name = setAsideName(path, kind, bytes);
  const target = join(dirname(path), name);
  const existing = await readFile(target).catch(() => null);
  if (existing && Buffer.from(bytes).equals(existing)) return name;
  await writeFileAtomic(target, bytes);
  return name;
}

/** Whether `name` is a file set aside from `of` (a file name in the same folder). */
export function isSetAsideOf(name: string, of: string): boolean {
  return (name.startsWith(`${of}.torn-`) || name.startsWith(`${of}.damaged-`)) && !isTempFile(name);
}

/** The names of the files set aside from `path`, sorted. */
export async function setAsideFiles(path: string): Promise<string[]> {
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  return names.filter((name) => isSetAsideOf(name, basename(path))).sort();
}

/**
 * Before a file is written anew or removed, a copy of it is set aside if it is there but not a
 * valid `schema` value (`<name>.damaged-<hash>`); returns the set-aside name, or null.
 */
export async function setAsideIfDamaged<T>(path: string, schema: z.ZodType<T>): Promise<string | null> {
  const read = await readJsonFile(path, schema);
  if (read.ok || read.missing) return null;
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) throw new AppFailure('io', `${basename(path)} ${read.problem}, so it was not written over`);
  return setAside(path, 'damaged', bytes);
}
