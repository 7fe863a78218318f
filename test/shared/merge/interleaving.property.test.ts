/**
 * Many desks writing their own logs, each seeing the others' only when a sync delivers them:
 * whatever the interleaving, once every file has arrived every desk derives the same state —
 * the same records and statuses, the same review state, the same heads, and the same plan for
 * merging crossed saves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/shared/article/canonical';
import { articleLogDir } from '../../../src/shared/identity/layout';
import type { LogFile } from '../../../src/shared/identity/log-files';
import { revisionHeads } from '../../../src/shared/identity/revision-event';
import { verifyArticle, type ArticleVerdict } from '../../../src/shared/identity/verify-article';
import { crossedPlan } from '../../../src/shared/merge/crossed';
import { ARTICLE, Newsroom, type Member } from '../../helpers/identity';

type Step = { kind: 'save'; desk: number; mergeAll: boolean } | { kind: 'sync'; from: number; to: number } | { kind: 'review'; desk: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('save' as const), desk: fc.nat(2), mergeAll: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('review' as const), desk: fc.nat(2) }) },
);

function derived(verdict: ArticleVerdict) {
  const { heads } = revisionHeads(verdict.revisions);
  const plan = crossedPlan(verdict.revisions, heads);
  return {
    records: verdict.records.map((record) => [record.hash, record.status, record.code ?? null]).sort(),
    review: verdict.review,
    heads: [...verdict.revisionHeads].sort(),
    head: verdict.head?.id ?? null,
    plan: plan ? { base: plan.base?.id ?? null, heads: plan.heads.map((head) => head.id) } : null,
  };
}

describe('per-writer logs in any interleaving', () => {
  it('derive the same state on every desk once every file has arrived', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (steps, orderKeys) => {
        const room = await Newsroom.start();
        const people = room.staff();
        room.create(people.author);
        const dir = articleLogDir(ARTICLE);
        const first = room.articleEvent(people.author, 'revision', { from: [], kind: 'save', stage: 'draft', contentHash: sha256Hex('v0'), state: sha256Hex('v0'), base: null, blob: sha256Hex('v0') });
        room.act(people.author, { action: 'submit' });
        // The editor edits at the first review from three desks (laptop, desk, home): three writers.
        const desks: Member[] = [0, 1, 2].map((n) => ({ ...people.editor, desk: `d-00000000e${n}` }));
        const start = new Map(room.logs.list(dir).map((file) => [file.path, file.lines.length]));
        // What each desk has received of each file: its own file always whole.
        const seen = desks.map(() => new Map(start));
        const viewOf = (n: number): LogFile[] => room.logs.list(dir).map((file) => ({ path: file.path, lines: file.path.endsWith(`${desks[n]!.desk}.jsonl`) ? file.lines : file.lines.slice(0, seen[n]!.get(file.path) ?? 0) }));
        const verifyView = (n: number) => verifyArticle({ ed: room.ed, articleId: ARTICLE, files: viewOf(n), roster: room.roster('heads'), depth: 'heads' });
        let written = 0;
        for (const s of steps) {
          if (s.kind === 'sync') {
            for (const file of room.logs.list(dir)) if (!file.path.endsWith(`${desks[s.to]!.desk}.jsonl`) && file.path.endsWith(`${desks[s.from]!.desk}.jsonl`)) seen[s.to]!.set(file.path, file.lines.length);
            continue;
          }
          const view = verifyView(s.desk);
          const parents = view.heads;
          if (s.kind === 'review') {
            if (view.review.stage !== 'first') continue;
            room.act(desks[s.desk]!, { action: 'approve', opinion: `Fine, from desk ${s.desk}.` }, { parents, contentHash: view.review.currentHash, stage: 'first' });
          } else {
            const base = view.head?.id ?? first;
            const from = s.mergeAll && view.revisionHeads.length > 1 ? [...view.revisionHeads] : [base];
            const hash = sha256Hex(`copy ${written++}`);
            room.articleEvent(desks[s.desk]!, 'revision', { from, kind: 'autosave', stage: 'first', contentHash: hash, state: hash, base: from.at(-1)!, delta: [1] }, { parents });
          }
        }
        const files = room.logs.list(dir);
        const orders = [files, [...files].reverse(), [...files].sort((x, y) => (orderKeys[x.path.length % 6]! % 5) - (orderKeys[y.path.length % 6]! % 5) || x.path.localeCompare(y.path))];
        const states = orders.map((order) => derived(verifyArticle({ ed: room.ed, articleId: ARTICLE, files: order, roster: room.roster('heads'), depth: 'heads' })));
        for (const state of states.slice(1)) expect(state).toEqual(states[0]);
        // Nothing written is lost or taken for a forgery: every line is a record that counts, or one kept as crossed.
        const lines = files.reduce((sum, file) => sum + file.lines.length, 0);
        expect(states[0]!.records).toHaveLength(lines);
        for (const [, status] of states[0]!.records) expect(['signed', 'crossed']).toContain(status);
      }),
      { numRuns: 40 },
    );
  });
});
