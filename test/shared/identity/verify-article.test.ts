import { describe, expect, it } from 'vitest';
import { articleLogDir } from '../../../src/shared/identity/layout';
import { logFileName } from '../../../src/shared/identity/log-files';
import { DEPTHS } from '../../../src/shared/identity/signatures';
import { ARTICLE, H1, H2, Newsroom, payloadOf, signerOf, tamperPayload } from '../../helpers/identity';
import { articleLine, writerPosition } from '../../../src/shared/identity/write';
import { ZERO_HASH } from '../../../src/shared/identity/bytes';
import { lineHash } from '../../../src/shared/identity/envelope';

const fileOf = (member: { id: string; desk: string }) => `${articleLogDir(ARTICLE)}/${logFileName(member.id, member.desk)}`;
const statuses = (room: Newsroom, depth: 'heads' | 'full' = 'full') => room.verify({ depth }).records.map((record) => `${record.kind}:${record.status}${record.code ? `:${record.code}` : ''}`);

describe('article verification', () => {
  it('signs off a log signed by the author and three reviewers, at either depth', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.signOff(people);
    for (const depth of DEPTHS) {
      const verdict = room.verify({ depth });
      expect(verdict.signedOff).toBe(true);
      expect(verdict.blocked).toBe(false);
      expect(verdict.problems).toEqual([]);
      expect(verdict.authorId).toBe(people.author.id);
      expect(verdict.records.map((record) => record.status)).toEqual(['signed', 'signed', 'signed', 'signed', 'signed']);
      expect(verdict.approvals.third?.by).toBe(people.third.id);
      expect(verdict.approvals.third?.fingerprint).toBe(room.roster().people.find((p) => p.id === people.third.id)!.keys[0]!.fingerprint);
    }
  });

  it('shows approvals as stale once the copy changes, so the article is no longer signed off', async () => {
    const room = await Newsroom.start();
    room.signOff(room.staff());
    const verdict = room.verify({ currentHash: H2 });
    expect(verdict.signedOff).toBe(false);
    expect(verdict.review.approvals.third?.stale).toBe(true);
    expect(verdict.blocked).toBe(false);
  });

  it('refuses a record signed by A that claims to be by B', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.act(people.author, { action: 'submit' });
    // The editor signs, with her own key, a record that names the third reviewer, in his file.
    room.articleEvent({ ...people.third }, 'review', { action: 'approve', actorName: people.third.name, stage: 'first', opinion: 'Fine.', contentHash: H1 }, { signer: signerOf(people.editor) });
    for (const depth of DEPTHS) {
      const verdict = room.verify({ depth });
      const forged = verdict.records.find((record) => record.path === fileOf(people.third))!;
      expect(forged).toMatchObject({ status: 'forged', code: 'key-not-valid', by: people.third.id });
      expect(verdict.blocked).toBe(true);
      expect(verdict.review.stage).toBe('first');
      expect(verdict.problems).toContainEqual(expect.objectContaining({ code: 'forged', path: fileOf(people.third), line: 1 }));
    }
  });

  it('never signs off a log in which the author approves (rule-breaking)', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    const author = room.enrol('u-liuyang01', 'Liu Yang', ['reporter', 'editor']);
    room.create(author);
    room.act(author, { action: 'submit' });
    room.approve(author);
    room.approve(people.second);
    room.approve(people.third);
    const verdict = room.verify();
    expect(verdict.signedOff).toBe(false);
    expect(verdict.blocked).toBe(true);
    expect(verdict.records.find((record) => record.status === 'rule-breaking')).toMatchObject({ by: author.id, code: 'author-cannot-review' });
    expect(verdict.problems).toContainEqual(expect.objectContaining({ code: 'rule-breaking', path: fileOf(author), line: 3 }));
  });

  it('lets the author review when the workspace allows it (a signed house rule)', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    const author = room.enrol('u-liuyang01', 'Liu Yang', ['reporter', 'editor']);
    room.rosterEvent(room.admin, { kind: 'set-policy', authorMayReview: true });
    room.create(author);
    room.act(author, { action: 'submit' });
    room.approve(author);
    room.approve(people.second);
    room.approve(people.third);
    expect(room.verify().signedOff).toBe(true);
  });

  it('never signs off a log in which one person approves two reviews (rule-breaking)', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    const both = room.enrol('u-liuyang01', 'Liu Yang', ['editor', 'second', 'third']);
    room.create(people.author);
    room.act(people.author, { action: 'submit' });
    room.approve(both);
    room.approve(both);
    room.approve(people.third);
    const verdict = room.verify();
    expect(verdict.signedOff).toBe(false);
    expect(verdict.blocked).toBe(true);
    expect(verdict.records.find((record) => record.status === 'rule-breaking')).toMatchObject({ by: both.id, code: 'already-reviewed-other-stage' });
  });

  it('refuses an approval by someone who did not hold the role in the roster they had seen', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.act(people.author, { action: 'submit' });
    room.approve(people.second, { stage: 'first' });
    expect(statuses(room)).toEqual(['create:signed', 'review:signed', 'review:rule-breaking:not-your-stage']);
  });

  it('judges roles as of the roster the writer had seen: a later grant does not excuse an earlier approval', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.act(people.author, { action: 'submit' });
    const before = room.roster().heads;
    room.rosterEvent(room.admin, { kind: 'set-roles', personId: people.second.id, roles: ['editor', 'second'] });
    room.approve(people.second, { roster: before, stage: 'first' });
    expect(statuses(room).at(-1)).toBe('review:rule-breaking:not-your-stage');
  });

  it('reports a whole-chain rewrite with recomputed hashes made without the keys, naming the first line', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.signOff(people);
    // Someone with the folder but no keys rewrites the editor's approval and re-chains the file.
    const path = fileOf(people.editor);
    const rewritten: string[] = [];
    let prev = ZERO_HASH;
    for (const line of room.logs.lines(path)) {
      const changed = tamperPayload(line, (payload) => {
        payload.prev = prev;
        (payload.event as { opinion: string }).opinion = 'Approved without reading.';
      });
      rewritten.push(changed);
      prev = lineHash(changed);
    }
    room.logs.files.set(path, rewritten);
    for (const depth of DEPTHS) {
      const verdict = room.verify({ depth });
      expect(verdict.signedOff).toBe(false);
      expect(verdict.blocked).toBe(true);
      expect(verdict.problems).toContainEqual(expect.objectContaining({ code: 'forged', path, line: 1 }));
    }
  });

  it('agrees at both depths on an intact log, and on a damaged one both name the bad line', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    for (let i = 0; i < 6; i++) room.articleEvent(people.author, 'trash', { action: i % 2 === 0 ? 'trash' : 'restore' });
    room.act(people.author, { action: 'submit' });
    const intact = DEPTHS.map((depth) => room.verify({ depth }));
    expect({ ...intact[0], depth: 'x', seen: {} }).toEqual({ ...intact[1], depth: 'x', seen: {} });

    const path = fileOf(people.author);
    const lines = room.logs.lines(path);
    // Line 4's signature no longer matches its bytes; the link from line 5 is recomputed, so only the signature tells.
    const changed = tamperPayload(lines[3]!, (payload) => ((payload.event as { label?: string }).label = 'edited'));
    const relinked = tamperPayload(lines[4]!, (payload) => (payload.prev = lineHash(changed)));
    room.logs.files.set(path, [...lines.slice(0, 3), changed, relinked, ...lines.slice(5)]);
    for (const depth of DEPTHS) {
      const verdict = room.verify({ depth });
      expect(verdict.problems[0]).toMatchObject({ code: 'forged', path, line: 4 });
      expect(verdict.records.filter((record) => record.status === 'forged').map((record) => record.line)).toEqual([4, 5, 6, 7, 8]);
    }
  });

  it('keeps records signed before a key was revoked, and refuses those signed after', async () => {
    for (const newKey of [false, true]) {
      const room = await Newsroom.start();
      const people = room.staff();
      room.create(people.author);
      room.act(people.author, { action: 'submit' });
      room.act(people.editor, { action: 'return', to: 'draft', reason: 'Needs a source.' });
      // The author forgot her passphrase: a new enrolment revokes her key as of now.
      const old = { keyid: people.author.keyid, secretKey: people.author.keys.secretKey };
      room.newKeys(people.author);
      room.enrolKey(people.author);
      // Submitting again: with the old key (found on an old laptop) it is refused; with the new one it counts.
      room.act(people.author, { action: 'submit' }, newKey ? {} : { signer: old });
      const verdict = room.verify();
      expect(verdict.records.map((record) => `${record.status}:${record.code ?? ''}`)).toEqual(['signed:', 'signed:', 'signed:', newKey ? 'signed:' : 'forged:key-not-valid']);
      expect(verdict.records[1]!.keyid).toBe(old.keyid);
      expect(verdict.review.stage).toBe(newKey ? 'first' : 'draft');
      expect(verdict.authorId).toBe(people.author.id);
    }
  });

  it('refuses a record copied from another article', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.signOff(people);
    const other = '20260301-bbbb000002';
    room.create(people.author, { articleId: other });
    // The third reviewer's sign-off line, copied into the other article's log.
    const signOff = room.logs.lines(fileOf(people.third))[0]!;
    room.logs.files.set(`${articleLogDir(other)}/${logFileName(people.third.id, people.third.desk)}`, [signOff]);
    const verdict = room.verify({ articleId: other });
    expect(verdict.records.find((record) => record.status === 'forged')).toMatchObject({ code: 'wrong-article' });
    expect(verdict.signedOff).toBe(false);
  });

  it('leaves records pending while what they follow has not synced, without blocking the article', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.act(people.author, { action: 'submit' }, { parents: ['cd'.repeat(32)] });
    room.act(people.editor, { action: 'approve', opinion: 'Fine.' }, { roster: ['ef'.repeat(32)], stage: 'first' });
    const verdict = room.verify();
    expect(verdict.records.map((record) => `${record.status}:${record.code ?? ''}`)).toEqual(['signed:', 'pending:waiting-for-parent', 'pending:waiting-for-roster']);
    expect(verdict.blocked).toBe(false);
    expect(verdict.review.stage).toBe('draft');
  });

  it('reports a deleted reopen to a desk that had seen it, and keeps reporting until it is restored', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.signOff(people);
    room.act(people.third, { action: 'reopen', reason: 'A correction is needed.' });
    const seen = room.verify().seen;
    expect(seen[fileOf(people.third)]).toEqual({ count: 2, hash: lineHash(room.logs.lines(fileOf(people.third))[1]!) });

    // Someone deletes the reopen line, so the article would look signed off again.
    const intact = room.logs.lines(fileOf(people.third));
    room.logs.files.set(fileOf(people.third), intact.slice(0, 1));
    const afterDeletion = room.verify({ seen });
    expect(afterDeletion.signedOff).toBe(false);
    expect(afterDeletion.blocked).toBe(true);
    expect(afterDeletion.problems).toContainEqual({
      code: 'lost-records',
      path: fileOf(people.third),
      detail: `this desk had seen 2 records in ${fileOf(people.third)}; it now has 1`,
    });
    expect(afterDeletion.seen).toEqual(seen);
    // A desk that never saw the reopen cannot tell.
    expect(room.verify().signedOff).toBe(true);
    // Restored, the article is as it was.
    room.logs.files.set(fileOf(people.third), intact);
    const restored = room.verify({ seen: afterDeletion.seen });
    expect(restored.blocked).toBe(false);
    expect(restored.review.stage).toBe('first');
  });

  it('reports a line replaced at a remembered position', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    const seen = room.verify().seen;
    const path = fileOf(people.author);
    room.logs.files.set(path, []);
    room.create(people.author);
    expect(room.verify({ seen }).problems).toContainEqual(expect.objectContaining({ code: 'lost-records', detail: expect.stringContaining('is now a different one') }));
  });

  it('names who created the article from the signed create, and refuses a second create', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.create(people.editor);
    const verdict = room.verify();
    expect(verdict.authorId).toBe(people.author.id);
    expect(verdict.records.map((record) => `${record.status}:${record.code ?? ''}`)).toEqual(['signed:', 'rule-breaking:already-created']);
  });

  it('refuses an annotation whose inner author is not its signer', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    room.articleEvent(people.editor, 'annotation', { kind: 'resolve', thread: 'm-abcdef12', at: '2026-01-01T00:00:00.000Z', by: people.editor.id, byName: people.editor.name, stage: 'first' });
    const annotated = room.verify();
    expect(annotated.records.at(-1)).toMatchObject({ status: 'rule-breaking', code: 'mismatch' });
    expect(annotated.annotations).toEqual([]);
  });

  it('collects annotation, ignore, revision and trash events that verify', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    const at = () => new Date(Date.parse(room.now()) + 60_000).toISOString();
    let when = at();
    room.articleEvent(people.editor, 'annotation', { kind: 'resolve', thread: 'm-abcdef12', at: when, by: people.editor.id, byName: people.editor.name, stage: 'first' }, { at: Date.parse(when) });
    when = at();
    room.articleEvent(people.editor, 'ignore', { findingId: 'rule:x', reason: 'House style.', at: when, by: people.editor.id, byName: people.editor.name }, { at: Date.parse(when) });
    when = at();
    const revision = room.articleEvent(people.author, 'revision', { from: [], kind: 'save', stage: 'draft', contentHash: H1, state: H2, base: null, blob: H2 }, { at: Date.parse(when) });
    room.articleEvent(people.author, 'trash', { action: 'trash' });
    const verdict = room.verify();
    expect(verdict.problems).toEqual([]);
    expect([verdict.annotations.length, verdict.ignores.length, verdict.revisions.length, verdict.trashed]).toEqual([1, 1, 1, true]);
    expect(verdict.head).toMatchObject({ id: revision, by: people.author.id, byName: people.author.name });
    expect(verdict.trash).toMatchObject({ trashed: true, by: people.author.id, reason: null });
    room.articleEvent(people.author, 'trash', { action: 'restore' });
    expect(room.verify().trashed).toBe(false);
  });

  it('writes each line after the one before, and a line for another file is refused', async () => {
    const room = await Newsroom.start();
    const people = room.staff();
    room.create(people.author);
    const path = fileOf(people.author);
    const line = articleLine(room.ed, {
      kind: 'create',
      articleId: ARTICLE,
      position: writerPosition([]),
      by: people.author.id,
      desk: 'd-0000000bad',
      at: room.now(),
      parents: [],
      roster: room.roster().heads,
      event: {},
      signer: signerOf(people.author),
    });
    room.logs.append(path, line);
    expect(room.verify().records.at(-1)).toMatchObject({ status: 'forged', code: 'wrong-writer', line: 2 });
    expect(payloadOf(room.logs.lines(path)[0]!)).toMatchObject({ seq: 0, prev: ZERO_HASH, article: ARTICLE });
  });
});
