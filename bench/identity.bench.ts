/**
 * Identity suite (plain Node, no build or browser): the signed logs of `bench/generate-identity.ts`
 * — a roster of five and one article log of 1,000 signed records ending signed off. Figures:
 * - sign: building and signing 1,000 review records (payload, PAE, Ed25519, envelope line, line hash);
 * - verify.heads / verify.full: `verifyArticle` over the 1,000 records (chains, signatures at
 *   that depth, key windows, DAG order, every review rule re-run), given the verified roster,
 *   with node:crypto's SHA-256 as main and the command line use it (DESIGN.md: ≤ 50 ms, held
 *   against heads, the app's depth on load); heads.portable-sha256 with the JavaScript SHA-256;
 * - verify.heads.memo: the same with the app's memo of checked lines already holding them (how
 *   the app verifies an article again once it has read it: lines are decoded, validated and
 *   signature-checked once per process, the links and every rule afresh each time);
 * - append.sign-and-verify: what one action costs on that article: one more record signed and
 *   the 1,001 verified again, with the memo;
 * - verify.roster: `verifyRoster` of the roster (17 events), full depth;
 * - baseline: SHA-256 (node:crypto) of every line of the same log, measured in the same run;
 * - unlock: decrypting a key with the stored KDF parameters (scrypt N=2^17, r=8, p=1), through
 *   the real key store on a temp folder (target ≤ 1 s).
 * Each timing is the median of RUNS runs per round after warm-up, then the median over rounds;
 * `.cpu` figures are process CPU time, which other load on the machine does not inflate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from '../src/main/services/identity/key-store';
import { nativeLineHash } from '../src/main/services/identity/native-hash';
import { ed25519, type Ed25519 } from '../src/shared/identity/ed25519';
import { lineHash } from '../src/shared/identity/envelope';
import { BoundedLineMemo } from '../src/shared/identity/line-memo';
import { keyidOf } from '../src/shared/identity/keys';
import { verifyArticle } from '../src/shared/identity/verify-article';
import { verifyRoster } from '../src/shared/identity/verify-roster';
import { articleLine, writerPosition } from '../src/shared/identity/write';
import { BENCH_ARTICLE, BENCH_HASH, buildIdentityFixture, type IdentityFixture } from './generate-identity';
import { atMost, median, timed, type Report, type Timed } from './report';
import type { Suite } from './suite';

const RECORDS = 1_000;
const WARMUP = 3;
const RUNS = 9;

function medianOf(task: () => void): Timed {
  for (let i = 0; i < WARMUP; i++) task();
  const runs = Array.from({ length: RUNS }, () => timed(task));
  return { wall: median(runs.map((run) => run.wall)), cpu: median(runs.map((run) => run.cpu)) };
}

/** 1,000 review records signed one after another by one writer, as `articleLine` makes them. */
function signRecords(ed: Ed25519, fixture: IdentityFixture): void {
  const keys = ed.keyPairFromSeed(new Uint8Array(32).fill(9));
  const signer = { keyid: keyidOf(keys.publicKey), secretKey: keys.secretKey };
  const lines: string[] = [];
  let parents: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const line = articleLine(ed, {
      kind: 'review',
      articleId: BENCH_ARTICLE,
      position: writerPosition(lines.length === 0 ? [] : [lines[lines.length - 1]!]),
      by: 'u-wangli01',
      desk: 'd-00000000c1',
      at: new Date(Date.UTC(2026, 2, 1, 8, 0, i)).toISOString(),
      parents,
      roster: fixture.rosterHeads,
      event: { action: 'return', actorName: 'Wang Li', stage: 'first', to: 'draft', opinion: '审读意见：数据需再核实，请补充来源。', contentHash: BENCH_HASH },
      signer,
    });
    lines.push(line);
    parents = [lineHash(line)];
  }
}

/** One more review record on the log, signed by its writer (a different time each call, so no memo has seen it). */
function appendOne(ed: Ed25519, fixture: IdentityFixture, file: IdentityFixture['articleFiles'][number], signer: { keyid: string; secretKey: Uint8Array }, by: string, desk: string, heads: string[], n: number) {
  const line = articleLine(ed, {
    kind: 'review',
    articleId: BENCH_ARTICLE,
    position: writerPosition(file.lines),
    by,
    desk,
    at: new Date(Date.UTC(2026, 5, 1) + n).toISOString(),
    parents: heads,
    roster: fixture.rosterHeads,
    event: { action: 'reopen', actorName: 'Chen Jie', stage: 'signed', opinion: '更正。', contentHash: BENCH_HASH },
    signer,
  });
  return fixture.articleFiles.map((other) => (other === file ? { path: file.path, lines: [...file.lines, line] } : other));
}

export const identitySuite: Suite = {
  name: 'identity',
  async run(report: Report, options) {
    const ed = await ed25519();
    const fixture = buildIdentityFixture(ed, RECORDS);
    const roster = verifyRoster({ ed, files: fixture.rosterFiles, depth: 'full' });
    const verify = (depth: 'heads' | 'full', hashLine = nativeLineHash) =>
      verifyArticle({ ed, articleId: BENCH_ARTICLE, files: fixture.articleFiles, roster, currentHash: BENCH_HASH, depth, hashLine });
    for (const depth of ['heads', 'full'] as const) {
      const verdict = verify(depth);
      if (verdict.records.length !== RECORDS || !verdict.signedOff || verdict.problems.length > 0) {
        throw new Error(`the bench log does not verify at ${depth}: ${verdict.records.length} records, ${JSON.stringify(verdict.problems.slice(0, 3))}`);
      }
    }
    const lines = fixture.articleFiles.flatMap((file) => file.lines);
    report.add('identity.article.records', lines.length, 'records');
    report.add('identity.article.bytes', lines.reduce((sum, line) => sum + line.length + 1, 0), 'bytes');

    // The app's path once an article has been read: its memo of checked lines, and one action at a time.
    const memo = new BoundedLineMemo();
    const withMemo = (files = fixture.articleFiles) => verifyArticle({ ed, articleId: BENCH_ARTICLE, files, roster, currentHash: BENCH_HASH, depth: 'heads', hashLine: nativeLineHash, memo });
    const heads = withMemo().heads;
    const third = fixture.articleFiles.find((file) => file.path.includes('u-chenjie01'))!;
    const thirdKey = fixture.keys['u-chenjie01']!;
    let appended = 0;
    const signAndVerify = () => {
      const verdict = withMemo(appendOne(ed, fixture, third, thirdKey, 'u-chenjie01', 'd-00000000e1', heads, appended++));
      if (verdict.review.stage !== 'first') throw new Error('the appended reopen did not count');
    };
    const rounds: Record<string, Timed[]> = { baseline: [], sign: [], heads: [], portable: [], full: [], roster: [], memo: [], append: [] };
    for (let round = 0; round < options.rounds; round++) {
      options.log(`identity round ${round + 1}/${options.rounds}`);
      rounds.baseline!.push(medianOf(() => lines.forEach(nativeLineHash)));
      rounds.sign!.push(medianOf(() => signRecords(ed, fixture)));
      rounds.heads!.push(medianOf(() => verify('heads')));
      rounds.portable!.push(medianOf(() => verify('heads', lineHash)));
      rounds.full!.push(medianOf(() => verify('full')));
      rounds.memo!.push(medianOf(() => withMemo()));
      rounds.append!.push(medianOf(signAndVerify));
      rounds.roster!.push(medianOf(() => verifyRoster({ ed, files: fixture.rosterFiles, depth: 'full' })));
    }
    const wall = (name: string) => median(rounds[name]!.map((timing) => timing.wall));
    const cpu = (name: string) => median(rounds[name]!.map((timing) => timing.cpu));
    report.add('identity.baseline.hash-lines', wall('baseline'), 'ms');
    report.add('identity.sign.1000', wall('sign'), 'ms');
    report.add('identity.verify.heads', wall('heads'), 'ms', atMost(50));
    report.add('identity.verify.heads.portable-sha256', wall('portable'), 'ms');
    report.add('identity.verify.full', wall('full'), 'ms');
    report.add('identity.verify.heads.memo', wall('memo'), 'ms');
    report.add('identity.append.sign-and-verify', wall('append'), 'ms', atMost(50));
    report.add('identity.verify.roster', wall('roster'), 'ms');
    report.add('identity.verify.heads.ratio', wall('heads') / wall('baseline'), 'x');
    report.add('identity.sign.1000.cpu', cpu('sign'), 'ms');
    report.add('identity.verify.heads.cpu', cpu('heads'), 'ms');
    report.add('identity.verify.full.cpu', cpu('full'), 'ms');
    report.add('identity.append.sign-and-verify.cpu', cpu('append'), 'ms');

    const workspace = await mkdtemp(join(tmpdir(), 'newsroom-bench-keys-'));
    try {
      const store = new KeyStore(workspace, ed);
      const key = await store.generate('u-bench001', 'bench passphrase 2026', new Date());
      key.lock();
      const unlocks: number[] = [];
      for (let i = 0; i < Math.max(3, options.rounds); i++) {
        const start = performance.now();
        const unlocked = await store.unlock('u-bench001', key.keyid, 'bench passphrase 2026');
        unlocks.push(performance.now() - start);
        unlocked.lock();
      }
      report.add('identity.unlock', median(unlocks), 'ms', atMost(1000));
      report.add('identity.unlock.max', Math.max(...unlocks), 'ms');
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  },
};
