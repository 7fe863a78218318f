import { z } from '../zod';

/**
 * The ops of a line delta (src/main/services/history/delta.ts): a positive count copies base
 * lines, a negative count skips them, a string inserts a line, and { p, s, x } replaces the
 * next base line by its first p and last s UTF-16 units with x between them.
 */
export type LineEdit = { p: number; s: number; x: string };
export type DeltaOp = number | string | LineEdit;

export const DeltaOpSchema = z.union([
  z.number().int().refine((count) => count !== 0, 'a count is never 0'),
  z.string(),
  z.strictObject({ p: z.number().int().min(0), s: z.number().int().min(0), x: z.string() }),
]);
