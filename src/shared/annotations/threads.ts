import type { AnnotationEvent, AnnotationThread } from './events';

/** Events from every person's log, in one order every machine agrees on. */
export function orderEvents(events: AnnotationEvent[]): AnnotationEvent[] {
  return [...events].sort((a, b) => a.at.localeCompare(b.at) || a.by.localeCompare(b.by));
}

/**
 * Folds annotation events into threads. Only a comment's author may edit or delete it; events
 * that break that rule (a hand-edited log) are ignored rather than trusted.
 */
export function buildThreads(events: AnnotationEvent[]): AnnotationThread[] {
  const threads = new Map<string, AnnotationThread>();
  for (const event of orderEvents(events)) {
    const thread = threads.get(event.thread);
    switch (event.kind) {
      case 'open':
        if (thread) break;
        threads.set(event.thread, {
          id: event.thread,
          quote: event.quote,
          openedBy: event.by,
          openedByName: event.byName,
          openedAt: event.at,
          stage: event.stage,
          resolved: false,
          resolvedBy: null,
          resolvedByName: null,
          resolvedAt: null,
          comments: [{ id: event.comment, by: event.by, byName: event.byName, at: event.at, stage: event.stage, text: event.text, editedAt: null }],
        });
        break;
      case 'reply':
        if (!thread || thread.comments.some((c) => c.id === event.comment)) break;
        thread.comments.push({ id: event.comment, by: event.by, byName: event.byName, at: event.at, stage: event.stage, text: event.text, editedAt: null });
        break;
      case 'edit': {
        const comment = thread?.comments.find((c) => c.id === event.comment);
        if (comment && comment.by === event.by) {
          comment.text = event.text;
          comment.editedAt = event.at;
        }
        break;
      }
      case 'delete':
        if (thread) thread.comments = thread.comments.filter((c) => !(c.id === event.comment && c.by === event.by));
        break;
      case 'resolve':
        if (thread && !thread.resolved) Object.assign(thread, { resolved: true, resolvedBy: event.by, resolvedByName: event.byName, resolvedAt: event.at });
        break;
      case 'reopen':
        if (thread?.resolved) Object.assign(thread, { resolved: false, resolvedBy: null, resolvedByName: null, resolvedAt: null });
        break;
    }
  }
  // A thread whose every comment was deleted is gone.
  return [...threads.values()].filter((t) => t.comments.length > 0).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

export function openThreads(threads: AnnotationThread[]): AnnotationThread[] {
  return threads.filter((t) => !t.resolved);
}
