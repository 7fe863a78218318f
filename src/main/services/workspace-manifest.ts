/**
 * workspace.json: what kind of folder this is. Format 2 is written once, when the workspace is
 * made (or upgraded), and never again: everything an administrator changes later is a signed
 * roster event. Format 1 is the unsigned layout an upgrade starts from (legacy/manifest.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { WORKSPACE_ID_PATTERN } from '../../shared/identity/roster-events';
import { z } from '../../shared/zod';
import { writeJsonAtomic } from './atomic-write';

export const WORKSPACE_FORMAT = 2;

export const ManifestSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  workspaceId: z.string().regex(WORKSPACE_ID_PATTERN),
  name: z.string().trim().min(1).max(200),
  createdAt: z.iso.datetime(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export type ManifestRead =
  | { kind: 'format-2'; manifest: Manifest }
  | { kind: 'format-1' }
  | { kind: 'missing' }
  | { kind: 'damaged'; problem: string };

/** Reads workspace.json and says which format it is; never writes. */
export async function readManifest(path: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'damaged', problem: `workspace.json cannot be read (${(error as Error).message})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'damaged', problem: text.length === 0 ? 'workspace.json is empty' : 'workspace.json is not valid JSON (truncated or damaged)' };
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format === 1) return { kind: 'format-1' };
  const parsed = ManifestSchema.safeParse(raw);
  if (parsed.success) return { kind: 'format-2', manifest: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'damaged', problem: `workspace.json is not valid${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unknown problem'}` };
}

export function newWorkspaceId(): string {
  return `ws-${randomBytes(8).toString('hex')}`;
}

/** Writes the manifest of a new (or just upgraded) workspace. */
export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  await writeJsonAtomic(path, ManifestSchema.parse(manifest));
}
