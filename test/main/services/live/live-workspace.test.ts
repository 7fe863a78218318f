import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveWorkspace } from '../../../../src/main/services/live/live-workspace';
import { LogSnapshot } from '../../../../src/main/services/live/log-snapshot';
import type { WorkspaceChange } from '../../../../src/shared/live/workspace-change';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('nr-live-');
const OWN = 'd-00000000aa';
const OTHER = 'd-00000000bb';
const ARTICLE = '20260301-aaaaaaaaaa';
const NEW_ARTICLE = '20260301-bbbbbbbbbb';
const logOf = (root: string, id: string, desk: string) => join(root, 'articles', id, 'log', `u-wangli01.${desk}.jsonl`);

let live: LiveWorkspace | null = null;
afterEach(() => {
  live?.close();
  live = null;
});

async function workspace(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'roster'), { recursive: true });
  await mkdir(join(root, 'articles', ARTICLE, 'log'), { recursive: true });
  await writeFile(join(root, 'workspace.json'), '{}');
  await writeFile(join(root, 'roster', `u-admin001.${OTHER}.jsonl`), 'genesis\n');
  await writeFile(logOf(root, ARTICLE, OTHER), 'create\n');
  await writeFile(logOf(root, ARTICLE, OWN), 'revision\n');
  return root;
}

/** The next change on the feed (a generous limit: the machine may be busy). */
function nextChange(live: LiveWorkspace): Promise<WorkspaceChange | null> {
  return live.feed.next(live.feed.current, 15_000);
}

describe('a live workspace', () => {
  it('publishes the article whose log another desk appended to', async () => {
    const root = await workspace();
    live = await LiveWorkspace.start(root, OWN, { rescanMs: 0 });
    const change = nextChange(live);
    await appendFile(logOf(root, ARTICLE, OTHER), 'review\n');
    expect(await change).toMatchObject({ articles: [ARTICLE], roster: false, everything: false });
  });

  it('publishes nothing for this desk’s own writes', async () => {
    const root = await workspace();
    live = await LiveWorkspace.start(root, OWN, { rescanMs: 0 });
    const before = live.feed.current;
    await appendFile(logOf(root, ARTICLE, OWN), 'revision 2\n');
    await writeFile(join(root, 'roster', `u-admin001.${OWN}.jsonl`), 'add-person\n');
    await new Promise((done) => setTimeout(done, 400));
    await live.settled();
    expect(live.feed.current).toBe(before);
    // The change of another desk that follows is published alone.
    const change = nextChange(live);
    await appendFile(logOf(root, ARTICLE, OTHER), 'review\n');
    expect(await change).toMatchObject({ articles: [ARTICLE], roster: false });
    await live.settled();
    expect(live.feed.current).toBe(before + 1);
  });

  it('publishes an article that arrives, folders first, and roster changes', async () => {
    const root = await workspace();
    live = await LiveWorkspace.start(root, OWN, { rescanMs: 0 });
    let change = nextChange(live);
    await mkdir(join(root, 'articles', NEW_ARTICLE, 'log'), { recursive: true });
    await writeFile(logOf(root, NEW_ARTICLE, OTHER), 'create\n');
    expect((await change)?.articles).toContain(NEW_ARTICLE);
    // Its log, now watched, grows.
    await live.settled();
    change = nextChange(live);
    await appendFile(logOf(root, NEW_ARTICLE, OTHER), 'revision\n');
    expect(await change).toMatchObject({ articles: [NEW_ARTICLE] });
    change = nextChange(live);
    await appendFile(join(root, 'roster', `u-admin001.${OTHER}.jsonl`), 'add-person\n');
    expect(await change).toMatchObject({ roster: true, articles: [] });
  });

  it('sees a file a sync service finished downloading, not the download itself', async () => {
    const root = await workspace();
    live = await LiveWorkspace.start(root, OWN, { rescanMs: 0 });
    const before = live.feed.current;
    const temp = join(root, 'articles', ARTICLE, 'log', `.syncthing.u-zhaomin01.${OTHER}.jsonl.tmp`);
    await writeFile(temp, 'half a li');
    await live.settled();
    await new Promise((done) => setTimeout(done, 400));
    await live.settled();
    expect(live.feed.current).toBe(before);
    const change = nextChange(live);
    await writeFile(temp, 'half a line\n');
    await rename(temp, join(root, 'articles', ARTICLE, 'log', `u-zhaomin01.${OTHER}.jsonl`));
    expect(await change).toMatchObject({ articles: [ARTICLE] });
  });

  it('finds, when asked to look again, what changed without an event', async () => {
    const root = await workspace();
    live = await LiveWorkspace.start(root, OWN, { rescanMs: 0 });
    live.close();
    // Not watching any more (as on a share that raises no events): only a rescan finds it.
    const snapshot = new LogSnapshot(root, OWN);
    await snapshot.scanAll();
    await appendFile(logOf(root, ARTICLE, OTHER), 'review\n');
    await appendFile(logOf(root, ARTICLE, OWN), 'revision 2\n');
    await mkdir(join(root, 'articles', NEW_ARTICLE, 'log'), { recursive: true });
    await writeFile(logOf(root, NEW_ARTICLE, OWN), 'create\n');
    await writeFile(join(root, 'workspace.json'), '{"format":2}');
    expect(await snapshot.scanAll()).toEqual({ roster: false, workspace: true, everything: false, articles: [ARTICLE] });
    // A conflict copy is another desk's change (the page names it); an article folder removed is a change.
    await writeFile(join(root, 'articles', NEW_ARTICLE, 'log', `u-wangli01.${OWN}.sync-conflict-20260301-080000-ABCDEFG.jsonl`), 'x\n');
    await rm(join(root, 'articles', ARTICLE), { recursive: true });
    expect(await snapshot.scanAll()).toEqual({ roster: false, workspace: false, everything: false, articles: [ARTICLE, NEW_ARTICLE] });
    expect(await snapshot.scanAll()).toEqual({ roster: false, workspace: false, everything: false, articles: [] });
  });

  it('publishes a rescan’s findings on the feed', async () => {
    const root = await workspace();
    live = await LiveWorkspace.start(root, OWN, { rescanMs: 0, settleMs: 60_000, maxWaitMs: 60_000 });
    const change = nextChange(live);
    await appendFile(logOf(root, ARTICLE, OTHER), 'review\n');
    // The watcher's own comparison waits a minute here; the rescan does not.
    expect(await live.rescan()).toMatchObject({ articles: [ARTICLE] });
    expect(await change).toMatchObject({ articles: [ARTICLE] });
  });
});
