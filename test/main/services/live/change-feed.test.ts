import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../../src/main/services/live/change-feed';
import { NO_CHANGE } from '../../../../src/shared/live/workspace-change';

const articles = (...ids: string[]) => ({ ...NO_CHANGE, articles: ids });

describe('the change feed', () => {
  it('numbers changes, merges what came after a number, and says when there is nothing new', () => {
    const feed = new ChangeFeed();
    const start = feed.current;
    expect(feed.publish(NO_CHANGE)).toBeNull();
    expect(feed.current).toBe(start);
    feed.publish(articles('20260301-aaaaaaaaaa'));
    const middle = feed.current;
    feed.publish({ ...articles('20260301-bbbbbbbbbb', '20260301-aaaaaaaaaa'), roster: true });
    expect(feed.since(start)).toEqual({ seq: feed.current, roster: true, workspace: false, everything: false, articles: ['20260301-aaaaaaaaaa', '20260301-bbbbbbbbbb'] });
    expect(feed.since(middle)).toMatchObject({ seq: feed.current, roster: true, articles: ['20260301-aaaaaaaaaa', '20260301-bbbbbbbbbb'] });
    expect(feed.since(feed.current)).toBeNull();
  });

  it('tells a page that asks after a number it never gave (a restarted server) to read everything', () => {
    const feed = new ChangeFeed();
    feed.publish(articles('20260301-aaaaaaaaaa'));
    expect(feed.since(12)).toMatchObject({ everything: true, seq: feed.current });
    expect(feed.since(feed.current + 5)).toMatchObject({ everything: true });
  });

  it('tells a page that fell further behind than the feed keeps to read everything', () => {
    const feed = new ChangeFeed();
    const start = feed.current;
    for (let i = 0; i < 250; i++) feed.publish(articles(`20260301-${String(i).padStart(10, '0')}`));
    expect(feed.since(start)).toMatchObject({ everything: true });
    expect(feed.since(feed.current - 3)?.articles).toHaveLength(3);
  });

  it('answers a waiting page as soon as a change comes, or with nothing when the time is up or it went away', async () => {
    const feed = new ChangeFeed();
    const waiting = feed.next(feed.current, 10_000);
    feed.publish(articles('20260301-aaaaaaaaaa'));
    expect(await waiting).toMatchObject({ articles: ['20260301-aaaaaaaaaa'] });
    expect(await feed.next(feed.current, 20)).toBeNull();
    const gone = new AbortController();
    const abandoned = feed.next(feed.current, 10_000, gone.signal);
    gone.abort();
    expect(await abandoned).toBeNull();
    const heard: number[] = [];
    const off = feed.subscribe((change) => heard.push(change.seq));
    feed.publish({ ...NO_CHANGE, workspace: true });
    off();
    feed.publish({ ...NO_CHANGE, workspace: true });
    expect(heard).toEqual([feed.current - 1]);
  });
});
