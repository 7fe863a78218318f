import { randomBytes } from 'node:crypto';
import type { AnnotationOp } from '../../shared/contract/api';
import type { AnnotationEvent } from '../../shared/annotations/events';
import { AppFailure } from '../../shared/contract/errors';
import { annotationsOf } from '../services/article-notes';
import type { ArticleState } from '../services/article-logs';
import { currentActor, refused, type Caller, type HandlerContext } from './context';
import { assertMayEdit } from './edit-guard';

const newCommentId = () => `c-${randomBytes(6).toString('hex')}`;

export const annotationHandlers = (ctx: HandlerContext) => {
  const listed = async (state: ArticleState) => {
    const { threads, problems, unsigned } = await annotationsOf(ctx.workspace().layout.articleDir(state.id), state);
    return { threads, problems, unsigned };
  };
  return {
    listAnnotations: async ({ id }: { id: string }) => listed(await ctx.workspace().articles.state(id)),
    annotate: async ({ id, op }: { id: string; op: AnnotationOp }, caller: Caller) => {
      const workspace = ctx.workspace();
      const actor = await currentActor(ctx, caller);
      const { person } = actor;
      const { state } = await workspace.articles.act(actor, id, 'annotation', async (read) => {
        const { threads } = await annotationsOf(workspace.layout.articleDir(id), read.state);
        const thread = threads.find((t) => t.id === op.thread);
        const stage = read.state.verdict.review.stage;
        const base = (at: string) => ({ thread: op.thread, at, by: person.id, byName: person.name, stage });
        // The anchor is a mark in the copy, so only someone who may edit the copy can place one.
        if (op.kind === 'open') {
          assertMayEdit(read, person);
          const comment = newCommentId();
          return (at: string): AnnotationEvent => ({ ...base(at), kind: 'open', comment, quote: op.quote, text: op.text });
        }
        if (!thread) throw new AppFailure('not-found', 'there is no such annotation on this article');
        if (op.kind === 'edit' || op.kind === 'delete') {
          const comment = thread.comments.find((c) => c.id === op.comment);
          if (!comment || comment.by !== person.id) throw refused({ code: 'not-annotator', params: {} });
        }
        const reply = newCommentId();
        return (at: string): AnnotationEvent =>
          op.kind === 'reply'
            ? { ...base(at), kind: 'reply', comment: reply, text: op.text }
            : op.kind === 'edit'
              ? { ...base(at), kind: 'edit', comment: op.comment, text: op.text }
              : op.kind === 'delete'
                ? { ...base(at), kind: 'delete', comment: op.comment }
                : { ...base(at), kind: op.kind };
      });
      return listed(state);
    },
  };
};
