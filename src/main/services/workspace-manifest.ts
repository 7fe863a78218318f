import { basename } from 'node:path';
import { ChannelPathSchema } from '../../shared/article/article';
import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS, EMPTY_HOUSE_LISTS, HouseListsSchema } from '../../shared/checks/index';
import { DEFAULT_WORKSPACE_POLICY, WorkspacePolicySchema } from '../../shared/review/workspace-policy';
import { z } from '../../shared/zod';
import { writeJsonAtomic } from './atomic-write';
import { readJsonFile } from './json-file';

export const ManifestSchema = z.object({
  format: z.literal(1),
  name: z.string().min(1).max(200),
  channels: z.array(ChannelPathSchema).max(500),
  review: WorkspacePolicySchema.default(DEFAULT_WORKSPACE_POLICY),
  /** Proofreading: each rule's level and the stages its Required findings block. */
  checks: CheckSettingsSchema.default(DEFAULT_CHECK_SETTINGS),
  /** House lists: terms to avoid and names with their titles. */
  houseLists: HouseListsSchema.default(EMPTY_HOUSE_LISTS),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const DEFAULT_CHANNELS: string[][] = [
  ['首页', '要闻', '正文'],
  ['首页', '贵山', '正文'],
  ['首页', '经济', '正文'],
  ['首页', '科技', '正文'],
  ['首页', '社会', '正文'],
  ['Home', 'News', 'Text'],
];

export interface ManifestState {
  manifest: Manifest;
  /** Set when workspace.json exists but cannot be used; the file is then left as it is. */
  problem: string | null;
}

export async function loadOrCreateManifest(path: string, root: string): Promise<ManifestState> {
  const read = await readJsonFile(path, ManifestSchema);
  if (read.ok) return { manifest: read.value, problem: null };
  const fallback: Manifest = {
    format: 1,
    name: basename(root) || 'Workspace',
    channels: DEFAULT_CHANNELS,
    review: DEFAULT_WORKSPACE_POLICY,
    checks: DEFAULT_CHECK_SETTINGS,
    houseLists: EMPTY_HOUSE_LISTS,
  };
  if (read.missing) {
    await writeJsonAtomic(path, fallback);
    return { manifest: fallback, problem: null };
  }
  return { manifest: fallback, problem: `workspace.json ${read.problem}` };
}
