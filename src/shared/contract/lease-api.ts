/** The calls of check-out (advisory leases; docs/multi-desk.md), part of the one contract (api.ts). */
import { ArticleIdSchema } from '../article/ids';
import { z } from '../zod';

/** Who holds an article now, as the page shows it. */
export const LeaseHolderSchema = z.object({
  article: z.string(),
  personId: z.string(),
  name: z.string(),
  deskId: z.string(),
  deskName: z.string(),
  since: z.string(),
  heartbeat: z.string(),
  /** Whose claim this one took over, when it did. */
  takenFrom: z.object({ personId: z.string(), name: z.string(), deskId: z.string() }).nullable(),
  /** The person signed in at the calling window holds it, at this desk. */
  mine: z.boolean(),
  /** It was taken over from the person signed in at the calling window, at this desk. */
  fromYou: z.boolean(),
});
export type LeaseHolder = z.infer<typeof LeaseHolderSchema>;

const ById = z.object({ id: ArticleIdSchema }).strict();

export const LEASE_API = {
  /** Who holds which article now, and lease files that do not count. */
  listLeases: {
    input: z.object({}).strict(),
    output: z.object({ holders: z.array(LeaseHolderSchema), problems: z.array(z.object({ file: z.string(), problem: z.string() })) }),
  },
  /** The article is open here: takes or renews this desk's lease when nobody else holds it and the person may edit it; says who holds it. */
  holdLease: { input: ById, output: z.object({ holder: LeaseHolderSchema.nullable() }) },
  /** Takes the article over from the desk that holds it. */
  takeOverLease: { input: ById, output: z.object({ holder: LeaseHolderSchema }) },
  /** The article was closed here. */
  releaseLease: { input: ById, output: z.object({}) },
} as const;
