// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/handlers';
import type { ArticleSession } from '../../../src/renderer/editor/article-session';
import { ReviewStore } from '../../../src/renderer/review/review-store';
import type { Api } from '../../../src/shared/contract/bridge';
import { newsroom, submittedArticle } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('review-store-');

describe('the review panel’s store', () => {
  it('keeps an action’s answer when a reload asked for before it answers after it', async () => {
    const n = await newsroom(await tempDir());
    const { id } = await submittedArticle(n);
    await n.as('editor');
    await n.call('reviewAction', { id, request: { action: 'approve', opinion: '同意。' } });

    // The page's bridge, as the second reviewer's window; a review read is answered only when released.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    const api = new Proxy({} as Api, {
      get: (_target, name: string) => async (input: unknown) => {
        const answer = await dispatch(n.handlers, name, input, n.windows.second);
        if (name === 'getReview' && holding) await held;
        return answer;
      },
    });
    window.bridge = { api, onMenuCommand: () => () => undefined, onWorkspaceChange: () => () => undefined, assetUrl: (asset) => `asset://${asset}`, host: 'preview' };

    const session = { onSaved: () => () => undefined, flush: async () => undefined } as unknown as ArticleSession;
    const store = new ReviewStore(id, null, { session, report: (error) => { throw error; }, changed: () => undefined, taken: () => undefined });
    const loading = store.load();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.act({ action: 'approve', opinion: '二审同意。' })).toBe(true);
    expect(store.get().review!.state.stage).toBe('third');

    holding = false;
    release();
    await loading;
    // The reload's answer predates the approval: it must not put the article back at the second review.
    expect(store.get().review!.state.stage).toBe('third');
    await store.load();
    expect(store.get().review!.state.stage).toBe('third');
  });
});
