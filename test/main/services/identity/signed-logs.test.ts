import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskId } from '../../../../src/main/services/identity/desk-id';
import { KeyStore } from '../../../../src/main/services/identity/key-store';
import { SignedLogStore } from '../../../../src/main/services/identity/signed-log-store';
import { SignedLogWriter } from '../../../../src/main/services/identity/signed-log-writer';
import type { UnlockedKey } from '../../../../src/main/services/identity/unlocked-key';
import { WatermarkStore } from '../../../../src/main/services/identity/watermark-store';
import { bytesToHex, toBase64 } from '../../../../src/shared/identity/bytes';
import { ed25519, type Ed25519 } from '../../../../src/shared/identity/ed25519';
import { enrolmentKeyPair, formatEnrolmentCode, generateEnrolmentCode } from '../../../../src/shared/identity/enrolment-code';
import { keyidOf, publicKeyRecord } from '../../../../src/shared/identity/keys';
import { articleLogDir, ROSTER_DIR } from '../../../../src/shared/identity/layout';
import { verifyArticle } from '../../../../src/shared/identity/verify-article';
import { verifyRoster } from '../../../../src/shared/identity/verify-roster';
import type { Role } from '../../../../src/shared/review/people';
import { H1 } from '../../../helpers/identity';
import { useTempDirs } from '../../../helpers/temp-dir';

const ARTICLE = '20260301-cccc000003';
const clock = { at: Date.parse('2026-03-01T08:00:00.000Z'), now: () => new Date((clock.at += 60_000)) };

interface Desk {
  workspace: string;
  data: string;
  writer: SignedLogWriter;
  keys: KeyStore;
  roster: SignedLogStore;
  article: SignedLogStore;
}

async function openDesk(ed: Ed25519, workspace: string, data: string): Promise<Desk> {
  return {
    workspace,
    data,
    writer: new SignedLogWriter(ed, await deskId(data), clock),
    keys: new KeyStore(workspace, ed),
    roster: new SignedLogStore(workspace, ROSTER_DIR),
    article: new SignedLogStore(workspace, articleLogDir(ARTICLE)),
  };
}

async function rosterNow(ed: Ed25519, desk: Desk, pinnedGenesis: string | null = null) {
  return verifyRoster({ ed, files: (await desk.roster.read()).files, depth: 'heads', pinnedGenesis });
}

/** Every file under `root`, with its bytes. */
async function allFiles(root: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => ({ path: join(entry.parentPath, entry.name), bytes: await readFile(join(entry.parentPath, entry.name)) })));
}

describe('signed logs on disk', () => {
  const tempDir = useTempDirs('newsroom-signed-');
  let ed: Ed25519;
  beforeAll(async () => {
    ed = await ed25519();
  });

  it('carries a newsroom from genesis to sign-off through the real stores; no passphrase or secret key is ever written', async () => {
    const workspace = await tempDir();
    const data = await tempDir();
    const desk = await openDesk(ed, workspace, data);
    const secrets: string[] = [];
    const keepSecrets = (key: UnlockedKey, passphrase: string) => {
      key.use((signer) => {
        const seed = signer.secretKey.subarray(0, 32);
        secrets.push(bytesToHex(signer.secretKey), bytesToHex(seed), toBase64(signer.secretKey), toBase64(seed), Buffer.from(seed).toString('latin1'));
      });
      secrets.push(passphrase);
      return key;
    };

    // The first person creates the workspace: key, then genesis.
    const adminPassphrase = 'admin passphrase 2026';
    const admin = keepSecrets(await desk.keys.generate('u-sunhua01', adminPassphrase, new Date(clock.at)), adminPassphrase);
    await desk.writer.appendRoster(desk.roster, admin, {
      parents: [],
      event: { kind: 'genesis', workspaceId: 'ws-disk', person: { id: admin.personId, name: 'Sun Hua' }, key: publicKeyRecord(admin.publicKey) },
    });
    const genesis = (await rosterNow(ed, desk)).genesis!.hash;

    // The admin adds people and hands each a one-time code; each sets their own passphrase.
    const people: Record<string, UnlockedKey> = {};
    const staff: Array<[string, string, Role[]]> = [
      ['u-linxiaolan', 'Lin Xiaolan', ['reporter']],
      ['u-wangli01', 'Wang Li', ['editor']],
      ['u-zhaomin01', 'Zhao Min', ['second']],
      ['u-chenjie01', 'Chen Jie', ['third']],
    ];
    for (const [id, name, roles] of staff) {
      let roster = await rosterNow(ed, desk, genesis);
      await desk.writer.appendRoster(desk.roster, admin, { parents: roster.heads, notBefore: roster.latestAt, event: { kind: 'add-person', person: { id, name, roles } } });
      const code = generateEnrolmentCode();
      secrets.push(code, formatEnrolmentCode(code));
      const enrolment = enrolmentKeyPair(ed, code, id);
      roster = await rosterNow(ed, desk, genesis);
      await desk.writer.appendRoster(desk.roster, admin, {
        parents: roster.heads,
        event: { kind: 'enrol', personId: id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt: new Date(clock.at + 86_400_000).toISOString() },
      });
      // First sign-in: the person types the code and chooses a passphrase.
      const passphrase = `${name} chooses this`;
      const key = keepSecrets(await desk.keys.generate(id, passphrase, new Date(clock.at)), passphrase);
      roster = await rosterNow(ed, desk, genesis);
      await desk.writer.appendRoster(desk.roster, key, {
        parents: roster.heads,
        event: { kind: 'claim', personId: id, enrolmentKeyid: keyidOf(enrolment.publicKey), key: publicKeyRecord(key.publicKey) },
        extraSigners: [{ keyid: keyidOf(enrolment.publicKey), secretKey: enrolment.secretKey }],
      });
      enrolment.secretKey.fill(0);
      people[id] = key;
    }
    const roster = await rosterNow(ed, desk, genesis);
    expect(roster.ignored).toEqual([]);
    expect(roster.people.map((person) => [person.id, person.keys.length])).toEqual([
      ['u-sunhua01', 1],
      ...staff.map(([id]) => [id, 1]),
    ]);

    const act = async (key: UnlockedKey, kind: 'create' | 'review', event: object) => {
      const verdict = verifyArticle({ ed, articleId: ARTICLE, files: (await desk.article.read()).files, roster, currentHash: H1, depth: 'heads' });
      await desk.writer.appendArticle(desk.article, key, { kind, articleId: ARTICLE, parents: verdict.heads, notBefore: verdict.latestAt, roster: roster.heads, event: event as never });
    };
    const review = (key: UnlockedKey, name: string, action: string, stage: string) => act(key, 'review', { action, actorName: name, stage, opinion: action === 'submit' ? '' : '同意。', contentHash: H1 });
    await act(people['u-linxiaolan']!, 'create', {});
    await review(people['u-linxiaolan']!, 'Lin Xiaolan', 'submit', 'draft');
    await review(people['u-wangli01']!, 'Wang Li', 'approve', 'first');
    await review(people['u-zhaomin01']!, 'Zhao Min', 'approve', 'second');
    await review(people['u-chenjie01']!, 'Chen Jie', 'approve', 'third');

    const folder = await desk.article.read();
    expect(folder.strays).toEqual([]);
    expect(folder.files.map((file) => [file.path, file.lines.length])).toEqual(
      ['u-chenjie01', 'u-linxiaolan', 'u-wangli01', 'u-zhaomin01'].map((id) => [`${articleLogDir(ARTICLE)}/${id}.${desk.writer.deskId}.jsonl`, id === 'u-linxiaolan' ? 2 : 1]),
    );
    const seenStore = new WatermarkStore(data, 'ws-disk');
    for (const depth of ['heads', 'full'] as const) {
      const verdict = verifyArticle({ ed, articleId: ARTICLE, files: folder.files, roster: verifyRoster({ ed, files: (await desk.roster.read()).files, depth }), currentHash: H1, depth });
      expect(verdict.problems).toEqual([]);
      expect(verdict.signedOff).toBe(true);
      await seenStore.save({ genesis, logs: verdict.seen });
    }

    // The third reviewer reopens; this desk sees it. Then the reopen disappears from the folder.
    await review(people['u-chenjie01']!, 'Chen Jie', 'reopen', 'signed');
    const reopened = verifyArticle({ ed, articleId: ARTICLE, files: (await desk.article.read()).files, roster, currentHash: H1, depth: 'heads' });
    expect(reopened.review.stage).toBe('first');
    await seenStore.save({ genesis, logs: reopened.seen });
    const thirdFile = join(workspace, ...articleLogDir(ARTICLE).split('/'), `u-chenjie01.${desk.writer.deskId}.jsonl`);
    const intact = await readFile(thirdFile, 'utf8');
    await writeFile(thirdFile, `${intact.split('\n')[0]}\n`);
    const seen = await new WatermarkStore(data, 'ws-disk').load();
    const afterLoss = verifyArticle({ ed, articleId: ARTICLE, files: (await desk.article.read()).files, roster, currentHash: H1, depth: 'heads', seen: seen.logs });
    expect(afterLoss.signedOff).toBe(false);
    expect(afterLoss.problems).toEqual([expect.objectContaining({ code: 'lost-records', detail: expect.stringContaining('had seen 2 records') })]);
    await writeFile(thirdFile, intact);

    for (const key of [admin, ...Object.values(people)]) key.lock();
    // Nothing written anywhere (workspace or data folder) holds a passphrase, a code or a secret key, in any spelling.
    const files = [...(await allFiles(workspace)), ...(await allFiles(data))];
    expect(files.length).toBeGreaterThan(10);
    for (const { path, bytes } of files) {
      const text = bytes.toString('latin1');
      const utf8 = bytes.toString('utf8');
      for (const secret of secrets) {
        expect(text.includes(secret) || utf8.includes(secret), `${path} holds a secret`).toBe(false);
      }
    }
  });

  it('reads each writer’s file with its provenance, skips a torn last line and lists strays', async () => {
    const workspace = await tempDir();
    const store = new SignedLogStore(workspace, 'roster');
    await store.append('u-wangli01', 'd-0123456789', '{"a":1}');
    await store.append('u-wangli01', 'd-0123456789', '{"a":2}');
    const file = join(workspace, 'roster', 'u-wangli01.d-0123456789.jsonl');
    await appendFile(file, '{"a":3'); // a crash mid-append
    await writeFile(join(workspace, 'roster', 'u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl'), '{}\n');
    const read = await store.read();
    expect(read.files).toEqual([{ path: 'roster/u-wangli01.d-0123456789.jsonl', lines: ['{"a":1}', '{"a":2}'] }]);
    expect(read.strays).toEqual(['roster/u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl']);
    expect(read.unfinished).toEqual(['roster/u-wangli01.d-0123456789.jsonl']);
    await store.append('u-wangli01', 'd-0123456789', '{"a":4}');
    expect(await store.ownLines('u-wangli01', 'd-0123456789')).toEqual(['{"a":1}', '{"a":2}', '{"a":4}']);
    // A last line that lost only its newline is a line: the writer's next line comes after it, not in its place.
    await appendFile(file, '{"a":5}');
    expect(await store.ownLines('u-wangli01', 'd-0123456789')).toEqual(['{"a":1}', '{"a":2}', '{"a":4}', '{"a":5}']);
    expect((await store.read()).unfinished).toEqual([]);
    await expect(store.append('../../etc', 'd-0123456789', '{}')).rejects.toThrow('not a person id');
    expect(await new SignedLogStore(workspace, 'articles/20260301-none000000/log').read()).toEqual({ files: [], strays: [], unfinished: [] });
  });

  it('never dates a line before the line it follows, even when this desk’s clock runs behind', async () => {
    const workspace = await tempDir();
    const desk = await openDesk(ed, workspace, await tempDir());
    const key = await desk.keys.generate('u-sunhua01', 'admin passphrase 2026', new Date(clock.at));
    const first = await desk.writer.appendRoster(desk.roster, key, {
      parents: [],
      event: { kind: 'genesis', workspaceId: 'ws-clock', person: { id: key.personId, name: 'Sun Hua' }, key: publicKeyRecord(key.publicKey) },
    });
    const behind = new SignedLogWriter(ed, desk.writer.deskId, { now: () => new Date('2020-01-01T00:00:00.000Z') });
    const roster = await rosterNow(ed, desk);
    const second = await behind.appendRoster(desk.roster, key, { parents: roster.heads, notBefore: roster.latestAt, event: { kind: 'set-policy', authorMayReview: false } });
    expect(second.at).toBe(first.at);
    expect((await rosterNow(ed, desk)).ignored).toEqual([]);
  });
});
