/** This machine's desk id (`d-<10 hex>`): made once, kept in the app's data folder, outside any workspace. */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DESK_ID_PATTERN } from '../../../shared/identity/payload';
import { z } from '../../../shared/zod';
import { writeJsonAtomic } from '../atomic-write';
import { readJsonFile } from '../json-file';

export const DESK_FILE = 'desk.json';

const DeskFileSchema = z.strictObject({ format: z.literal(1), deskId: z.string().regex(DESK_ID_PATTERN) });

/**
 * The desk id kept in `dataDir`, made on first use. A damaged file is reported, never replaced:
 * a new id would make this desk a new writer of every log.
 */
export async function deskId(dataDir: string): Promise<string> {
  const path = join(dataDir, DESK_FILE);
  const read = await readJsonFile(path, DeskFileSchema);
  if (read.ok) return read.value.deskId;
  if (!read.missing) throw new Error(`${path}: ${read.problem}`);
  await mkdir(dataDir, { recursive: true });
  await writeJsonAtomic(path, { format: 1, deskId: `d-${randomBytes(5).toString('hex')}` });
  const written = await readJsonFile(path, DeskFileSchema);
  if (!written.ok) throw new Error(`${path}: ${written.problem}`);
  return written.value.deskId;
}
