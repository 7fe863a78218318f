import { describe, expect, it } from 'vitest';
import { BoundedLineMemo } from '../../../src/shared/identity/line-memo';
import { articleLogDir, ROSTER_DIR } from '../../../src/shared/identity/layout';
import { logFileName } from '../../../src/shared/identity/log-files';
import { DEPTHS } from '../../../src/shared/identity/signatures';
import { verifyArticle } from '../../../src/shared/identity/verify-article';
import { verifyRoster } from '../../../src/shared/identity/verify-roster';
import { ARTICLE, H1, H2, Newsroom, tamperPayload } from '../../helpers/identity';

const snapshot = (contentHash: string) => ({ from: [], kind: 'save' as const, stage: 'draft' as const, contentHash, state: contentHash, base: null, blob: contentHash });
const delta = (from: string, contentHash: string) => ({ from: [from], kind: 'autosave' as const, stage: 'draft' as const, contentHash, state: contentHash, base: from, delta: [1] });

describe('revisions in the article log', () => {
  it('takes the current copy from the head of the revision DAG, so approvals go stale when a later revision changes it', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    const first = room.articleEvent(people.author, 'revision', snapshot(H1));
    room.act(people.author, { action: 'submit' });
    room.approve(people.editor);
    room.approve(people.second);
    room.approve(people.third);
    const signed = room.verify({ currentHash: undefined });
    expect(signed.head?.id).toBe(first);
    expect(signed.review.currentHash).toBe(H1);
    expect(signed.signedOff).toBe(true);

    // The third reviewer reopens, the author saves a new copy: its hash is the current one now.
    room.act(people.third, { action: 'reopen', reason: 'A name is wrong.' });
    const second = room.articleEvent(people.author, 'revision', delta(first, H2));
    const changed = verifyArticle({ ed: room.ed, articleId: ARTICLE, files: room.logs.list(articleLogDir(ARTICLE)), roster: room.roster(), depth: 'full' });
    expect(changed.head?.id).toBe(second);
    expect(changed.revisions.map((revision) => revision.id)).toEqual([first, second]);
    expect(changed.review.currentHash).toBe(H2);
    expect(changed.signedOff).toBe(false);
  });

  it('reports two copies saved from the same version, and shows the later one', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    const base = room.articleEvent(people.author, 'revision', snapshot(H1));
    const heads = room.verify({ depth: 'heads' }).heads;
    const one = room.articleEvent(people.author, 'revision', delta(base, H2), { parents: heads });
    // A second desk of the same person saves from the same base without having seen `one`.
    const other = { ...people.author, desk: 'd-00000000f9' };
    const two = room.articleEvent(other, 'revision', delta(base, H1), { parents: heads });
    const verdict = verifyArticle({ ed: room.ed, articleId: ARTICLE, files: room.logs.list(articleLogDir(ARTICLE)), roster: room.roster(), depth: 'full' });
    expect([...verdict.revisionHeads].sort()).toEqual([one, two].sort());
    expect(verdict.problems).toContainEqual(expect.objectContaining({ code: 'several-heads' }));
    expect(verdict.blocked).toBe(false);
    expect(verdict.head?.id).toBe(verdict.revisions.at(-1)!.id);
  });

  it('refuses a revision whose delta is not against a revision it names', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.articleEvent(people.author, 'revision', { ...delta(H1, H2), from: [] });
    expect(room.verify().records.at(-1)).toMatchObject({ status: 'forged', code: 'invalid-payload' });
  });
});

describe('settings held in the roster', () => {
  it('applies settings and house rules an administrator signs, and ignores them from anyone else', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.rosterEvent(room.admin, { kind: 'set-settings', settings: { channels: [['Home', 'News']], lockAfterMinutes: 5 } });
    room.rosterEvent(room.admin, { kind: 'set-policy', authorMayReview: false, blockApprovalWithOpenAnnotations: true });
    room.rosterEvent(room.admin, { kind: 'set-settings', settings: { lockAfterMinutes: 30 } });
    room.rosterEvent(people.editor, { kind: 'set-settings', settings: { lockAfterMinutes: 1440 } });
    room.rosterEvent(people.editor, { kind: 'set-policy', authorMayReview: true });
    for (const depth of DEPTHS) {
      const roster = room.roster(depth);
      expect(roster.snapshot.settings).toEqual({ channels: [['Home', 'News']], lockAfterMinutes: 30 });
      expect(roster.policy).toEqual({ authorMayReview: false, blockApprovalWithOpenAnnotations: true });
      expect(roster.ignored.map((line) => line.code)).toEqual(['not-admin', 'not-admin']);
    }
  });
});

describe('a memo of checked lines', () => {
  it('gives the same verdicts with and without it, and still catches a line changed since it was remembered', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.signOff(people);
    const memo = new BoundedLineMemo();
    const files = () => room.logs.list(articleLogDir(ARTICLE));
    const roster = () => verifyRoster({ ed: room.ed, files: room.logs.list(ROSTER_DIR), depth: 'heads', memo });
    const verify = () => verifyArticle({ ed: room.ed, articleId: ARTICLE, files: files(), roster: roster(), depth: 'heads', memo, currentHash: H1 });
    const plain = room.verify({ depth: 'heads' });
    const once = verify();
    const twice = verify();
    expect(memo.size).toBeGreaterThan(0);
    for (const verdict of [once, twice]) expect({ ...verdict, seen: {} }).toEqual({ ...plain, seen: {} });

    const path = `${articleLogDir(ARTICLE)}/${logFileName(people.editor.id, people.editor.desk)}`;
    const [approval] = room.logs.lines(path);
    room.logs.files.set(path, [tamperPayload(approval!, (payload) => ((payload.event as { opinion: string }).opinion = 'Not read.'))]);
    const tampered = verify();
    expect(tampered.problems).toContainEqual(expect.objectContaining({ code: 'forged', path, line: 1 }));
    expect(tampered.signedOff).toBe(false);
  });

  it('does not carry a line over to another article: a copied line is still refused there', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.signOff(people);
    const memo = new BoundedLineMemo();
    const roster = room.roster('heads');
    const verify = (articleId: string) => verifyArticle({ ed: room.ed, articleId, files: room.logs.list(articleLogDir(articleId)), roster, depth: 'heads', memo, currentHash: H1 });
    expect(verify(ARTICLE).signedOff).toBe(true);
    const other = '20260301-bbbb000002';
    const third = `${logFileName(people.third.id, people.third.desk)}`;
    room.logs.files.set(`${articleLogDir(other)}/${third}`, room.logs.lines(`${articleLogDir(ARTICLE)}/${third}`));
    expect(verify(other).records[0]).toMatchObject({ status: 'forged', code: 'wrong-article' });
  });

  it('forgets the least recently used lines beyond its size', () => {
    const memo = new BoundedLineMemo(10);
    const line = { opened: null, detail: 'x', read: null, signatures: new Map<string, boolean>() };
    memo.set('a', line, 6);
    memo.set('b', line, 4);
    memo.get('a');
    memo.set('c', line, 4);
    expect([memo.get('a') !== undefined, memo.get('b') !== undefined, memo.get('c') !== undefined]).toEqual([true, false, true]);
  });
});
