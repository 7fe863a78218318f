import { randomBytes } from 'node:crypto';
import type { AnnotationOp, OpenAnnotation } from '../../shared/contract/api';
import type { AnnotationEvent } from '../../shared/annotations/events';
import { openThreads } from '../../shared/annotations/threads';
import { AppFailure } from '../../shared/contract/errors';
import { currentPerson, refused, type Caller, type HandlerContext } from './context';
import { assertMayEdit } from './edit-guard';

const newCommentId = () => `c-${randomBytes(6).toString('hex')}`;

export const annotationHandlers = (ctx: HandlerContext) => ({
  listAnnotations: async ({ id }: { id: string }) => {
    const { threads, problems } = await ctx.workspace().annotations(id).load();
    return { threads, problems };
  },
  annotate: async ({ id, op }: { id: string; op: AnnotationOp }, caller: Caller) => {
    const workspace = ctx.workspace();
    const person = await currentPerson(ctx, caller);
    const article = await workspace.get(id);
    const review = await workspace.review(id, article);
    const store = workspace.annotations(id);
    const { threads } = await store.load();
    const thread = threads.find((t) => t.id === op.thread);
    const base = { thread: op.thread, at: ctx.clock.now().toISOString(), by: person.id, byName: person.name, stage: review.state.stage };
    let event: AnnotationEvent;
    if (op.kind === 'open') {
      // The anchor is a mark in the copy, so only someone who may edit the copy can place one.
      await assertMayEdit(ctx, article, review, person);
      event = { ...base, kind: 'open', comment: newCommentId(), quote: op.quote, text: op.text };
    } else {
      if (!thread) throw new AppFailure('not-found', 'there is no such annotation on this article');
      if (op.kind === 'edit' || op.kind === 'delete') {
        const comment = thread.comments.find((c) => c.id === op.comment);
        if (!comment || comment.by !== person.id) throw refused({ code: 'not-annotator', params: {} });
      }
      event =
        op.kind === 'reply'
          ? { ...base, kind: 'reply', comment: newCommentId(), text: op.text }
          : op.kind === 'edit'
            ? { ...base, kind: 'edit', comment: op.comment, text: op.text }
            : op.kind === 'delete'
              ? { ...base, kind: 'delete', comment: op.comment }
              : { ...base, kind: op.kind };
    }
    await store.append(person.id, event);
    const after = await store.load();
    return { threads: after.threads, problems: after.problems };
  },
  listOpenAnnotations: async (): Promise<OpenAnnotation[]> => {
    const workspace = ctx.workspace();
    const { articles } = await workspace.list();
    const open: OpenAnnotation[] = [];
    for (const article of articles) {
      const { threads } = await workspace.annotations(article.id).load();
      for (const thread of openThreads(threads)) open.push({ articleId: article.id, headline: article.headline, thread });
    }
    return open.sort((a, b) => b.thread.openedAt.localeCompare(a.thread.openedAt));
  },
});
