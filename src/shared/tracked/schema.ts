import { FigureFieldsSchema } from '../article/body';
import { STAGES } from '../review/stages';
import { z } from '../zod';

/** Where "changes since" starts: the copy as the current stage received it, as last submitted, or a revision. */
export const CHANGES_BASES = ['stage-received', 'submitted'] as const;
export type ChangesBaseName = (typeof CHANGES_BASES)[number];

const WHO_MAX = 100_000;
const PartSchema = z.strictObject({ kind: z.enum(['equal', 'insert', 'delete']), text: z.string(), who: z.number().int().min(0).max(WHO_MAX).optional() });
const Marks = { addedBy: z.number().int().min(0).max(WHO_MAX).optional(), removedBy: z.number().int().min(0).max(WHO_MAX).optional() };
const PartsSchema = z.array(PartSchema);

export const TrackedCopySchema = z.strictObject({
  authors: z.array(
    z.strictObject({ revision: z.string().nullable(), by: z.string().max(40), byName: z.string().max(80), at: z.string(), stage: z.enum(STAGES) }),
  ),
  fields: z.strictObject({ headline: PartsSchema, deck: PartsSchema, byline: PartsSchema }),
  body: z.array(
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('text'), kind: z.enum(['paragraph', 'heading', 'quote', 'listitem']), parts: PartsSchema, ...Marks }),
      z.strictObject({ type: z.literal('figure'), figure: FigureFieldsSchema, caption: PartsSchema, credit: PartsSchema, ...Marks }),
    ]),
  ),
});

/** The attributed changes of the current copy since a base, and which revision the base turned out to be. */
export const ChangesSinceSchema = z.strictObject({
  base: z.strictObject({ revision: z.string(), at: z.string(), byName: z.string(), stage: z.enum(STAGES) }),
  tracked: TrackedCopySchema,
});
export type ChangesSince = z.infer<typeof ChangesSinceSchema>;
