/** Format 1's workspace.json, read (never written) by the upgrade. */
import { ChannelPathSchema } from '../../../shared/article/article';
import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS, EMPTY_HOUSE_LISTS, HouseListsSchema } from '../../../shared/checks/index';
import { DEFAULT_WORKSPACE_POLICY, WorkspacePolicySchema } from '../../../shared/review/workspace-policy';
import { z } from '../../../shared/zod';

export const LegacyManifestSchema = z.object({
  format: z.literal(1),
  name: z.string().min(1).max(200),
  channels: z.array(ChannelPathSchema).max(500),
  review: WorkspacePolicySchema.default(DEFAULT_WORKSPACE_POLICY),
  checks: CheckSettingsSchema.default(DEFAULT_CHECK_SETTINGS),
  houseLists: HouseListsSchema.default(EMPTY_HOUSE_LISTS),
});
export type LegacyManifest = z.infer<typeof LegacyManifestSchema>;
