/**
 * A review action is made from the article as it was read; if another desk's records come in
 * before it is written and it would no longer count, it is refused as a conflict (read again),
 * not as forbidden, and nothing is written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewOf } from '../../../src/main/services/workspace';
import { applyAction } from '../../../src/shared/review/rules';
import { unlocked } from '../../helpers/handlers';
import { newsroom, submittedArticle } from '../../helpers/newsroom';
import { otherDesk } from '../../helpers/other-desk';
import { syncFolder } from '../../helpers/sync-folder';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('crossing-actions-');

describe('an action crossed by another desk’s records', () => {
  it('is a conflict when the records that came in meanwhile leave it not counting, and nothing is written', async () => {
    const root = join(await tempDir(), 'workspace');
    const n = await newsroom(root);
    const article = await submittedArticle(n);
    const other = await otherDesk(n, root, join(await tempDir(), 'workspace'));
    const editor = n.people.editor;
    // 王丽 approves at the other desk first.
    await other.call(editor.id, 'reviewAction', { id: article.id, request: { action: 'approve', opinion: '可以。' }, acknowledgeRecommendedChecks: true });

    const actor = { key: unlocked(n.keys.get(editor.id)!), person: editor };
    const crossed = n.workspace.articles.review(actor, article.id, async (read) => {
      const roster = read.state.roster;
      const result = applyAction({ state: reviewOf(read.state).state, actor: editor, action: { action: 'approve', opinion: '同意。' }, policy: roster.policy, roster: roster.roster, at: n.clock.now() });
      if (!result.ok) throw new Error(result.reason.code);
      // Her approval from the other desk arrives while this one is being made.
      await syncFolder(other.root, root);
      const { record } = result;
      return { action: record.action, actorName: record.actorName, stage: record.stage, opinion: record.opinion, contentHash: record.contentHash };
    });
    await expect(crossed).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('another desk acted on the article meanwhile') });
    // This desk holds what the other desk wrote and nothing more; the article is at the second review.
    const here = await n.workspace.articles.state(article.id);
    const there = await other.app.workspace.articles.state(article.id);
    expect(here.verdict.records.map((record) => record.hash)).toEqual(there.verdict.records.map((record) => record.hash));
    expect(reviewOf(here).state.stage).toBe('second');
  });
});
