import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article/article';
import { trackedText, type TrackedPart } from '../../../src/shared/tracked/attribute';
import type { ChangesSince } from '../../../src/shared/tracked/schema';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('changes-since-');

async function edit(n: Newsroom, id: string, text: string, headline?: string): Promise<Article> {
  const article = await n.call('getArticle', { id });
  await n.call('saveArticle', { id, base: article.head, content: { ...contentOf(article, text), ...(headline ? { headline } : {}) } });
  return n.call('getArticle', { id });
}

/** Each change of the first paragraph as "who kind text". */
function changesOf(result: ChangesSince): string[] {
  const block = result.tracked.body[0]!;
  const parts: TrackedPart[] = block.type === 'text' ? block.parts : [];
  return parts.filter((p) => p.kind !== 'equal').map((p) => `${result.tracked.authors[p.who!]!.byName}@${result.tracked.authors[p.who!]!.stage} ${p.kind} ${p.text}`);
}

describe('changesSince', () => {
  it('credits each change since the chosen base to the signed revision that made it', async () => {
    const n = await newsroom(await tempDir());
    const { id } = await submittedArticle(n, 'zh-CN', '雾溪县种茶历史超过一千年。');
    await n.as('editor');
    await edit(n, id, '雾溪县种茶的历史超过一千年。');
    await n.call('reviewAction', { id, request: { action: 'approve', opinion: '同意。' } });
    await n.as('second');
    const current = await edit(n, id, '雾溪县种茶的历史已有一千多年。', 'zh-CN 雾溪县的茶');

    const received = await n.call('changesSince', { id, base: 'stage-received' });
    expect(changesOf(received)).toEqual(['赵敏@second delete 超过', '赵敏@second insert 已有', '赵敏@second delete 年', '赵敏@second insert 多年']);
    expect(received.base).toMatchObject({ byName: '王丽', stage: 'first' });

    const submitted = await n.call('changesSince', { id, base: 'submitted' });
    expect(changesOf(submitted)).toContain('王丽@first insert 的');
    expect(changesOf(submitted).some((c) => c.startsWith('赵敏@second'))).toBe(true);
    const block = submitted.tracked.body[0]!;
    expect(block.type === 'text' && trackedText(block.parts, 'final')).toBe('雾溪县种茶的历史已有一千多年。');
    expect(block.type === 'text' && trackedText(block.parts, 'original')).toBe('雾溪县种茶历史超过一千年。');
    expect(trackedText(submitted.tracked.fields.headline, 'final')).toBe(current.headline);

    // A revision by its id: the same as "as this stage received it" here, since the approval's milestone is that revision.
    const byId = await n.call('changesSince', { id, base: received.base.revision });
    expect(byId.tracked).toEqual(received.tracked);
  });

  it('refuses a base that is not an earlier copy, and "since submitted" for a draft never submitted, clearly', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const created = await n.call('createArticle', { language: 'zh-CN' });
    expect((await n.fail('changesSince', { id: created.id, base: 'submitted' })).code).toBe('not-found');
    expect((await n.fail('changesSince', { id: created.id, base: 'f'.repeat(64) })).code).toBe('not-found');
    const draft = await n.call('changesSince', { id: created.id, base: 'stage-received' });
    expect(draft.tracked.authors).toEqual([]);
  });
});
