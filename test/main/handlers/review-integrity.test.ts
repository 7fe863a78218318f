/**
 * What the review handlers make of signed logs written around the app: lines signed with a
 * person's own key but not through the app's checks, lines claiming someone else, records
 * deleted or rewritten by someone with the folder, a roster edited by hand. The verifier's own
 * cases are in test/shared/identity; these go through the real handlers over real folders.
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolder } from '../../../src/main/services/data-folder';
import type { ArticleEvents, ArticleKind } from '../../../src/shared/identity/article-events';
import { ed25519 } from '../../../src/shared/identity/ed25519';
import { logFileName } from '../../../src/shared/identity/log-files';
import { articleLine, writerPosition } from '../../../src/shared/identity/write';
import { articleLogPath, openApp, unlocked } from '../../helpers/handlers';
import { payloadOf, rewriteChain, tamperPayload } from '../../helpers/identity';
import { newsroom, signedOffArticle, submittedArticle, type Desk, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('review-integrity-');

/**
 * A line signed with `signer`'s key outside the app (no rule checked), appended to the file of
 * `writer` (the signer's own by default) and claiming to be by them, after the log as it is now.
 */
async function signOutside<K extends ArticleKind>(n: Newsroom, id: string, signer: Desk, kind: K, event: ArticleEvents[K], writer: Desk = signer): Promise<string> {
  const ed = await ed25519();
  const desk = await n.data.deskId();
  const path = join(n.workspace.layout.articleDir(id), 'log', logFileName(n.people[writer].id, desk));
  const lines = (await readFile(path, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
  const { state } = await n.workspace.articles.read(id);
  const position = writerPosition(lines);
  const at = new Date(Math.max(n.clock.now().getTime(), Date.parse(state.verdict.latestAt ?? '1970-01-01T00:00:00Z') + 1000)).toISOString();
  const key = unlocked(n.keys.get(n.people[signer].id)!);
  const line = key.use((secret) =>
    articleLine(ed, { kind, articleId: id, position, by: n.people[writer].id, desk, at, parents: state.verdict.heads, roster: state.roster.verdict.heads, event, signer: secret }),
  );
  await appendFile(path, `${line}\n`);
  return path;
}

function approval(n: Newsroom, desk: Desk, stage: 'first' | 'second' | 'third', contentHash: string): ArticleEvents['review'] {
  return { action: 'approve', actorName: n.people[desk].name, stage, opinion: '同意。', contentHash };
}

/** The article is never shown or exported as signed off, and no review sheet is made for it. */
async function neverSignedOff(n: Newsroom, id: string): Promise<void> {
  const review = await n.call('getReview', { id });
  expect(review.state.signedOff).toBe(false);
  expect(review.footer).toBeNull();
  expect(await n.call('exportStatus', { id })).toMatchObject({ final: false });
  expect(await n.fail('getReviewSheet', { id })).toMatchObject({ refusal: { code: 'no-review-sheet' } });
  expect(await n.fail('exportArticle', { id, format: 'html', draft: false })).toMatchObject({ code: 'forbidden' });
  expect((await n.call('listArticles', {})).articles.find((article) => article.id === id)?.review?.signedOff).toBe(false);
}

describe('a record signed by one person that claims to be another’s', () => {
  it('is refused as forged, in the claimed person’s file or in the signer’s own', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    await n.as('editor');
    await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    const { currentHash } = (await n.call('getReview', { id: article.id })).state;
    // The editor signs the second review in the second reviewer's name, in the second reviewer's file.
    const path = await signOutside(n, article.id, 'editor', 'review', approval(n, 'second', 'second', currentHash), 'second');
    const review = await n.call('getReview', { id: article.id });
    expect(review.records.at(-1)).toMatchObject({ actorId: n.people.second.id, status: 'forged' });
    expect(review.problem).toContain(`${path.slice(n.workspace.layout.root.length + 1)} line 1`);
    expect(review.state.stage).toBe('second');
    await n.as('third');
    expect(await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).toMatchObject({ refusal: { code: 'chain-damaged' } });
  });

  it('is refused when it sits in the signer’s file but names someone else as its writer', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    const { currentHash } = (await n.call('getReview', { id: article.id })).state;
    const ed = await ed25519();
    const desk = await n.data.deskId();
    const path = await articleLogPath(n, article.id, n.people.editor.id);
    const { state } = await n.workspace.articles.read(article.id);
    const line = unlocked(n.keys.get(n.people.editor.id)!).use((signer) =>
      articleLine(ed, { kind: 'review', articleId: article.id, position: writerPosition([]), by: n.people.second.id, desk, at: new Date(Date.parse(state.verdict.latestAt!) + 1000).toISOString(), parents: state.verdict.heads, roster: state.roster.verdict.heads, event: approval(n, 'second', 'first', currentHash), signer }),
    );
    await writeFile(path, `${line}\n`);
    const review = await n.call('getReview', { id: article.id });
    expect(review.problems).toContainEqual({ code: 'forged', detail: expect.stringContaining('wrong-writer') });
    expect(review.state.stage).toBe('first');
  });
});

describe('a log that breaks the review rules', () => {
  it('in which the author approves (with her own key, around the app) is never signed off', async () => {
    const n = await newsroom(await tempDir());
    // The reporter may review first too; the workspace does not let authors review their own copy.
    await n.call('updatePerson', { id: n.people.reporter.id, roles: ['reporter', 'editor'] });
    const article = await submittedArticle(n);
    await n.as('reporter');
    expect(await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).toMatchObject({ refusal: { code: 'author-cannot-review' } });
    const { currentHash } = (await n.call('getReview', { id: article.id })).state;
    await signOutside(n, article.id, 'reporter', 'review', approval(n, 'reporter', 'first', currentHash));
    await signOutside(n, article.id, 'second', 'review', approval(n, 'second', 'second', currentHash));
    await signOutside(n, article.id, 'third', 'review', approval(n, 'third', 'third', currentHash));
    const review = await n.call('getReview', { id: article.id });
    expect(review.records.find((record) => record.actorId === n.people.reporter.id && record.action === 'approve')).toMatchObject({ status: 'rule-breaking', code: 'author-cannot-review' });
    expect(review.problems.map((problem) => problem.code)).toContain('rule-breaking');
    await neverSignedOff(n, article.id);
  });

  it('in which one person approves two reviews is never signed off', async () => {
    const n = await newsroom(await tempDir());
    await n.call('updatePerson', { id: n.people.editor.id, roles: ['editor', 'second'] });
    const article = await submittedArticle(n);
    await n.as('editor');
    await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    expect(await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).toMatchObject({ refusal: { code: 'already-reviewed-other-stage' } });
    const { currentHash } = (await n.call('getReview', { id: article.id })).state;
    await signOutside(n, article.id, 'editor', 'review', approval(n, 'editor', 'second', currentHash));
    await signOutside(n, article.id, 'third', 'review', approval(n, 'third', 'third', currentHash));
    const review = await n.call('getReview', { id: article.id });
    expect(review.records.filter((record) => record.actorId === n.people.editor.id).map((record) => [record.stage, record.status])).toEqual([
      ['first', 'signed'],
      ['second', 'rule-breaking'],
    ]);
    await neverSignedOff(n, article.id);
  });
});

describe('records that disappear', () => {
  it('a deleted reopen is reported by this desk, which had seen it: the sign-off does not come back', async () => {
    const n = await newsroom(await tempDir());
    const article = await signedOffArticle(n);
    const path = await articleLogPath(n, article.id, n.people.third.id);
    const signedOff = await readFile(path, 'utf8');
    await n.call('reviewAction', { id: article.id, request: { action: 'reopen', reason: '事实有误，重新审核。' } });
    expect((await n.call('getReview', { id: article.id })).state.stage).toBe('first');
    // Someone with the folder deletes the reopen (and its milestone): the file reads as signed off again.
    await writeFile(path, signedOff);
    const review = await n.call('getReview', { id: article.id });
    expect(review.problems).toContainEqual({ code: 'lost-records', detail: expect.stringMatching(/this desk had seen 4 records in .*; it now has 2$/) });
    expect(review.problem).toContain(path.slice(n.workspace.layout.root.length + 1));
    await neverSignedOff(n, article.id);
    expect(await n.fail('reviewAction', { id: article.id, request: { action: 'reopen', reason: 'again' } })).toMatchObject({ refusal: { code: 'chain-damaged' } });
    // The marks are in the data folder: they are still there after a restart.
    const restarted = await openApp(n.workspace.layout.root, n.clock);
    expect((await restarted.workspace.review(article.id)).problem).toContain('this desk had seen 4 records');
    // (A desk that never saw the reopen cannot know of it: it sees the log as it is now.)
    const stranger = await openApp(n.workspace.layout.root, n.clock, { data: new DataFolder(await tempDir()) });
    expect((await stranger.workspace.review(article.id)).state.signedOff).toBe(true);
  });
});

describe('a whole chain rewritten by someone with the folder but not the keys', () => {
  it('is reported when the article is read, at this desk and at a desk that never saw it, and never counts as signed off', async () => {
    const n = await newsroom(await tempDir());
    const article = await signedOffArticle(n);
    const dir = join(n.workspace.layout.articleDir(article.id), 'log');
    for (const name of await readdir(dir)) {
      const lines = (await readFile(join(dir, name), 'utf8')).trimEnd().split('\n');
      const rewritten = rewriteChain(lines, (payload) => {
        const event = payload.event as { opinion?: string; actorName?: string };
        if (event.opinion !== undefined) event.opinion = '未经审读即同意。';
      });
      await writeFile(join(dir, name), `${rewritten.join('\n')}\n`);
    }
    for (const app of [n, { ...n, ...(await openApp(n.workspace.layout.root, n.clock, { data: new DataFolder(await tempDir()) })) }]) {
      const review = await app.workspace.review(article.id);
      expect(review.state.signedOff).toBe(false);
      expect(review.problem).toMatch(/log\/u-[a-z0-9]+\.d-[0-9a-f]{10}\.jsonl line \d+/);
      expect(review.records.filter((record) => record.status === 'signed' && record.action === 'approve')).toEqual([]);
    }
    await neverSignedOff(n, article.id);
  });
});

describe('a roster edited by hand to grant a role', () => {
  it('is detected and ignored, with a warning naming the file, at this desk and at one that never read it', async () => {
    const n = await newsroom(await tempDir());
    const desk = await n.data.deskId();
    const file = `roster/${n.people.admin.id}.${desk}.jsonl`;
    const path = join(n.workspace.layout.root, file);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    // The line that added the third reviewer now says she is an administrator too; its signature is left as it was.
    const index = lines.findIndex((line) => (payloadOf(line).event as { person?: { id: string } }).person?.id === n.people.third.id);
    lines[index] = tamperPayload(lines[index]!, (payload) => ((payload.event as { person: { roles: string[] } }).person.roles = ['third', 'admin']));
    await writeFile(path, `${lines.join('\n')}\n`);

    const stranger = await openApp(n.workspace.layout.root, n.clock, { data: new DataFolder(await tempDir()) });
    for (const workspace of [n.workspace, stranger.workspace]) {
      const info = await workspace.info();
      expect(info.problems).toContainEqual({ file, problem: expect.stringMatching(/^line \d+: (bad-signature|broken-link): /) });
      expect(info.admins.map((admin) => admin.id)).toEqual([n.people.admin.id]);
      const { roster } = await workspace.roster();
      expect(roster.people.filter((person) => person.roles.includes('admin')).map((person) => person.id)).toEqual([n.people.admin.id]);
    }
    // What the edit was meant to give her, she does not have: her window cannot act at all.
    await n.as('third');
    expect(await n.fail('addPerson', { name: '何平', roles: ['admin'] })).toMatchObject({ refusal: { code: 'locked' } });
    // Everyone added before the edited line goes on.
    await n.as('editor');
    expect(await n.call('createArticle', { language: 'en' })).toMatchObject({ createdBy: n.people.editor.name });
  });
});
