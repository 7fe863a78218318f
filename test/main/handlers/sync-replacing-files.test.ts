/**
 * A sync service replacing a log another desk wrote: Syncthing removes the old file and then
 * renames the new one into place, so for a moment the file is not there. A desk reading then
 * must not take records it had seen for lost (and refuse review actions as if the log had been
 * tampered with); a log that stays away is still reported.
 */
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignedLogStore } from '../../../src/main/services/identity/signed-log-store';
import { articleLogDir } from '../../../src/shared/identity/layout';
import { logFileName } from '../../../src/shared/identity/log-files';
import { contentOf, newsroom, submittedArticle } from '../../helpers/newsroom';
import { otherDesk } from '../../helpers/other-desk';
import { syncFolder } from '../../helpers/sync-folder';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** An article the first review approved at one desk, and a second desk that has received it and read it. */
async function approvedElsewhere() {
  const root = join(await tempDir(), 'workspace');
  const n = await newsroom(root);
  const article = await submittedArticle(n);
  await n.as('editor');
  await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
  const other = await otherDesk(n, root, join(await tempDir(), 'workspace'));
  await syncFolder(root, other.root);
  const second = n.people.second.id;
  expect((await other.call(second, 'getReview', { id: article.id })).state.stage).toBe('second');
  const file = join(other.root, articleLogDir(article.id), logFileName(n.people.editor.id, await n.data.deskId()));
  // Where Syncthing keeps the new copy until it renames it into place, and somewhere outside the folder.
  return { n, other, article, second, file, syncing: join(dirname(file), `.syncthing.${basename(file)}.tmp`), away: `${other.root}-away.jsonl` };
}

describe('a log a sync service is replacing', () => {
  it('is read again before records this desk had seen are taken for lost: a review action goes through', async () => {
    const { other, article, second, file, syncing } = await approvedElsewhere();
    await rename(file, syncing);
    const back = new Promise<void>((done) => setTimeout(() => void rename(syncing, file).then(done), 150));
    const review = await other.call(second, 'reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    await back;
    expect(review.problems.filter((problem) => problem.code === 'lost-records')).toEqual([]);
    expect(review.state.stage).toBe('third');
  });

  it('is not waited for when no sync is under way: a log that went away is reported as records lost at once', async () => {
    const { other, article, second, file, away } = await approvedElsewhere();
    await rename(file, away);
    const refused = await other.fail(second, 'reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    expect(refused.refusal?.code).toBe('chain-damaged');
    expect(refused.message).toMatch(/had seen 2 records in .*; it now has 0/);
  });

  it('is looked at again after each pause until it is back, given as it is after the last try, and not waited for once nothing is being synced', async () => {
    const { other, article, file, syncing, away } = await approvedElsewhere();
    const store = new SignedLogStore(other.root, articleLogDir(article.id));
    const { seen } = (await other.app.workspace.articles.state(article.id)).verdict;
    await rename(file, syncing);
    let pauses = 0;
    const settled = await store.readSettled(seen, async () => {
      pauses++;
      if (pauses === 3) await rename(syncing, file);
    });
    expect(pauses).toBe(3);
    expect(settled.files.map((log) => log.path)).toContain(file.slice(other.root.length + 1));

    // Still in progress after every try: given as it is, for the verifier to report.
    await rename(file, syncing);
    pauses = 0;
    const unsettled = await store.readSettled(seen, async () => void pauses++);
    expect(pauses).toBeGreaterThan(0);
    expect(unsettled.files.map((log) => log.path)).not.toContain(file.slice(other.root.length + 1));

    // Gone with no sync under way: given at once.
    await rename(syncing, away);
    pauses = 0;
    await store.readSettled(seen, async () => void pauses++);
    expect(pauses).toBe(0);
  });

  it('is read again before a new record is checked against the log: a save whose past is in it is written', async () => {
    const { n, other, article, second, file, syncing } = await approvedElsewhere();
    const shown = await other.call(second, 'getArticle', { id: article.id });
    // The file leaves just after the save has read the article, and is back a moment later.
    const hide = async () => {
      await rename(file, syncing);
      setTimeout(() => void rename(syncing, file), 150);
    };
    const saved = await other.app.workspace.articles.save(await n.actorOf(second), article.id, shown.head, { ...contentOf(shown, '二审改过的正文。') }, hide);
    expect((await other.call(second, 'getArticle', { id: article.id })).head).toBe(saved.head);
  });
});
