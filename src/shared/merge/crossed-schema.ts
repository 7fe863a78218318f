/** Crossed saves as the page sees them: whose copies were merged, and what collides for a person to pick. */
import { BodySchema, bodyOf } from '../article/body';
import { HEX_64 } from '../identity/bytes';
import { z } from '../zod';
import { MERGE_FIELDS, type MergeCollision } from './merge-content';

export const MAX_COLLISIONS = 500;

export const CollisionSchema = z.discriminatedUnion('where', [
  z.object({ id: z.number().int().min(0), where: z.literal('field'), field: z.enum(MERGE_FIELDS), base: z.string(), a: z.string(), b: z.string() }),
  z.object({ id: z.number().int().min(0), where: z.literal('body'), base: BodySchema, a: BodySchema, b: BodySchema }),
]);
export type Collision = z.infer<typeof CollisionSchema>;

export const CrossedHeadSchema = z.object({ id: z.string().regex(HEX_64), byName: z.string(), at: z.iso.datetime() });

export const CrossedSchema = z.object({
  /** The crossed revisions taken into the merge, in order: side a is all but the last, side b the last. */
  heads: z.array(CrossedHeadSchema).min(2).max(16),
  collisions: z.array(CollisionSchema).max(MAX_COLLISIONS),
});
export type Crossed = z.infer<typeof CrossedSchema>;

export const MergePickSchema = z.enum(['a', 'b', 'both']);

/** A collision as it crosses to the page: body sides as bodies of their own. */
export function collisionView(collision: MergeCollision): Collision {
  if (collision.where === 'field') return collision;
  return { id: collision.id, where: 'body', base: bodyOf(collision.base), a: bodyOf(collision.a), b: bodyOf(collision.b) };
}
