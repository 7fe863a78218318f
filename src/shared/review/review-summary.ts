import { z } from '../zod';
import { REVIEW_STAGES, RETURN_TARGETS, STAGES } from './stages';

const ApprovalSchema = z.object({
  actorId: z.string(),
  actorName: z.string(),
  at: z.string(),
  opinion: z.string(),
  contentHash: z.string(),
  overRecommended: z.number().int().optional(),
  stale: z.boolean(),
});

/** The derived review state as the library stores and lists it (see ReviewState). */
export const ReviewStateSchema = z.object({
  stage: z.enum(STAGES),
  author: z.string(),
  currentHash: z.string(),
  approvals: z.object({ first: ApprovalSchema.optional(), second: ApprovalSchema.optional(), third: ApprovalSchema.optional() }),
  lastReturn: z
    .object({
      by: z.string(),
      byName: z.string(),
      at: z.string(),
      reason: z.string(),
      from: z.enum(REVIEW_STAGES),
      to: z.enum(RETURN_TARGETS),
    })
    .optional(),
  signedOff: z.boolean(),
  holderRole: z.string().nullable(),
  approvers: z.object({ first: z.array(z.string()), second: z.array(z.string()), third: z.array(z.string()) }),
  reviewedSinceSubmit: z.boolean(),
  recordCount: z.number().int(),
});
