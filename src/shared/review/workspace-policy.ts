import { z } from '../zod';

/** House rules an admin sets per workspace. */
export const WorkspacePolicySchema = z.object({
  /** The national rule bars one person from two reviews; letting authors review is a house choice. */
  authorMayReview: z.boolean(),
  /** Approving with open annotations asks for confirmation; when set, it is refused instead. */
  blockApprovalWithOpenAnnotations: z.boolean(),
});
export type WorkspacePolicy = z.infer<typeof WorkspacePolicySchema>;

export const DEFAULT_WORKSPACE_POLICY: WorkspacePolicy = {
  authorMayReview: false,
  blockApprovalWithOpenAnnotations: false,
};
