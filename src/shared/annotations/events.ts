import { z } from '../zod';

export const MARK_ID_PATTERN = /^m-[a-z0-9]{6,32}$/;
export const COMMENT_ID_PATTERN = /^c-[a-z0-9]{6,32}$/;
export const MarkIdSchema = z.string().regex(MARK_ID_PATTERN, 'not an annotation id');
export const CommentIdSchema = z.string().regex(COMMENT_ID_PATTERN, 'not a comment id');

export const MAX_COMMENT = 4_000;
export const MAX_QUOTE = 500;
const CommentText = z.string().trim().min(1).max(MAX_COMMENT);

const Base = {
  at: z.iso.datetime(),
  by: z.string().min(1).max(80),
  byName: z.string().min(1).max(80),
  stage: z.string().max(20),
};

/** What a person did to an annotation; each person's events go to their own append-only log. */
export const AnnotationEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), thread: MarkIdSchema, comment: CommentIdSchema, quote: z.string().max(MAX_QUOTE), text: CommentText, ...Base }),
  z.object({ kind: z.literal('reply'), thread: MarkIdSchema, comment: CommentIdSchema, text: CommentText, ...Base }),
  z.object({ kind: z.literal('edit'), thread: MarkIdSchema, comment: CommentIdSchema, text: CommentText, ...Base }),
  z.object({ kind: z.literal('delete'), thread: MarkIdSchema, comment: CommentIdSchema, ...Base }),
  z.object({ kind: z.literal('resolve'), thread: MarkIdSchema, ...Base }),
  z.object({ kind: z.literal('reopen'), thread: MarkIdSchema, ...Base }),
]);
export type AnnotationEvent = z.infer<typeof AnnotationEventSchema>;

export interface AnnotationComment {
  id: string;
  by: string;
  byName: string;
  at: string;
  stage: string;
  text: string;
  editedAt: string | null;
}

export interface AnnotationThread {
  id: string;
  quote: string;
  openedBy: string;
  openedByName: string;
  openedAt: string;
  stage: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  comments: AnnotationComment[];
}
