/**
 * The desk's name as people know it ("being edited by 王丽 on NEWSDESK-3"): this computer's host
 * name, written once to `desk-name.json` in the data folder, where it can be changed by hand.
 * A damaged or missing file falls back to the host name; it is never written over.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DESK_NAME_MAX } from '../../../shared/leases/lease-file';
import { z } from '../../../shared/zod';
import { writeJsonAtomic } from '../atomic-write';
import { readJsonFile } from '../json-file';

export const DESK_NAME_FILE = 'desk-name.json';

const DeskNameSchema = z.object({ name: z.string().trim().min(1).max(DESK_NAME_MAX) });

/** The host name, cut to what a lease carries; "desk" if the system has none. */
export function hostDeskName(): string {
  return hostname().trim().slice(0, DESK_NAME_MAX) || 'desk';
}

export async function deskName(dataDir: string): Promise<string> {
  const path = join(dataDir, DESK_NAME_FILE);
  const read = await readJsonFile(path, DeskNameSchema);
  if (read.ok) return read.value.name;
  const name = hostDeskName();
  if (read.missing) await writeJsonAtomic(path, { name }).catch(() => undefined);
  return name;
}
