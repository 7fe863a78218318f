import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationOp } from '../../../src/shared/contract/api';
import { articleLogPath } from '../../helpers/handlers';
import { newsroom, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('annotation-handlers-');

const annotate = (n: Newsroom, id: string, op: AnnotationOp) => n.call('annotate', { id, op });

describe('annotate', () => {
  it('opens, replies, edits and deletes own comments only, resolves and reopens a thread', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const { id } = await n.call('createArticle', { language: 'zh-CN' });
    const thread = 'm-thread01';
    const opened = await annotate(n, id, { kind: 'open', thread, quote: '导语', text: '导语待补。' });
    expect(opened.threads).toMatchObject([{ id: thread, quote: '导语', openedBy: n.people.reporter.id, openedByName: '周明远', stage: 'draft', resolved: false }]);

    // Placing a mark changes the copy: not for someone who may only read the draft.
    await n.as('editor');
    expect((await n.fail('annotate', { id, op: { kind: 'open', thread: 'm-thread02', quote: '', text: '?' } })).refusal?.code).toBe('read-only');
    const replied = await annotate(n, id, { kind: 'reply', thread, text: '请补充来源。' });
    const reply = replied.threads[0]!.comments[1]!;
    expect(reply).toMatchObject({ by: n.people.editor.id, byName: '王丽', text: '请补充来源。', editedAt: null });

    await n.as('reporter');
    for (const op of [
      { kind: 'edit', thread, comment: reply.id, text: '改掉别人的话。' },
      { kind: 'delete', thread, comment: reply.id },
    ] as const) {
      expect(await n.fail('annotate', { id, op }), op.kind).toMatchObject({ code: 'forbidden', refusal: { code: 'not-annotator' } });
    }
    expect((await n.fail('annotate', { id, op: { kind: 'reply', thread: 'm-missing1', text: '?' } })).code).toBe('not-found');

    await n.as('editor');
    const edited = await annotate(n, id, { kind: 'edit', thread, comment: reply.id, text: '请补充消息来源。' });
    expect(edited.threads[0]!.comments[1]).toMatchObject({ text: '请补充消息来源。', editedAt: expect.any(String) });
    expect((await annotate(n, id, { kind: 'delete', thread, comment: reply.id })).threads[0]!.comments).toHaveLength(1);
    expect((await annotate(n, id, { kind: 'resolve', thread })).threads[0]).toMatchObject({ resolved: true, resolvedBy: n.people.editor.id, resolvedByName: '王丽' });
    expect((await n.call('getReview', { id })).openAnnotations).toBe(0);
    const reopened = await annotate(n, id, { kind: 'reopen', thread });
    expect(reopened.threads[0]).toMatchObject({ resolved: false, resolvedBy: null });
    expect(await n.call('listAnnotations', { id })).toEqual({ threads: reopened.threads, problems: [], unsigned: [] });

    // Each annotation event is signed by whoever made it, in their own log.
    const { verdict } = await n.workspace.articles.state(id);
    const events = verdict.records.filter((record) => record.kind === 'annotation');
    expect(events.map((record) => [record.by, record.status, (record.event as { kind: string }).kind])).toEqual([
      [n.people.reporter.id, 'signed', 'open'],
      [n.people.editor.id, 'signed', 'reply'],
      [n.people.editor.id, 'signed', 'edit'],
      [n.people.editor.id, 'signed', 'delete'],
      [n.people.editor.id, 'signed', 'resolve'],
      [n.people.editor.id, 'signed', 'reopen'],
    ]);
    for (const record of events) expect(record.path).toBe(await articleLogPath(n, id, record.by!).then((path) => path.slice(n.workspace.layout.root.length + 1)));
    expect(await readdir(join(n.workspace.layout.articleDir(id)))).not.toContain('annotations');
  });
});

describe('listOpenAnnotations', () => {
  it('lists the open threads of every article, newest first, with their headlines', async () => {
    const n = await newsroom(await tempDir());
    const first = await submittedArticle(n, 'zh-CN', '第一篇。');
    const second = await submittedArticle(n, 'en', 'Second story.');
    await n.as('editor');
    await annotate(n, first.id, { kind: 'open', thread: 'm-first001', quote: '第一', text: '核实。' });
    await annotate(n, second.id, { kind: 'open', thread: 'm-second01', quote: 'Second', text: 'Source?' });
    await annotate(n, second.id, { kind: 'open', thread: 'm-second02', quote: 'story', text: 'Fine now.' });
    await annotate(n, second.id, { kind: 'resolve', thread: 'm-second02' });

    const open = await n.call('listOpenAnnotations', {});
    expect(open.map((o) => [o.articleId, o.headline, o.thread.id])).toEqual([
      [second.id, second.headline, 'm-second01'],
      [first.id, first.headline, 'm-first001'],
    ]);
  });
});
