import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleLogDir, ROSTER_DIR } from '../../../src/shared/identity/layout';
import { verifyArticle } from '../../../src/shared/identity/verify-article';
import { verifyRoster } from '../../../src/shared/identity/verify-roster';
import type { ReviewRequest } from '../../../src/shared/review/rules';
import { ARTICLE, H1, Newsroom } from '../../helpers/identity';

const ACTIONS: Record<string, ReviewRequest> = {
  approve: { action: 'approve', opinion: 'Fine.' },
  return: { action: 'return', to: 'draft', reason: 'Needs a source.' },
};

describe('crossed review actions', () => {
  it('give the same derived state whatever order the files are read in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('approve', 'return'),
        fc.constantFrom('approve', 'return', 'withdraw'),
        fc.integer({ min: -59, max: 120 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        async (firstAction, secondAction, skewSeconds, shuffleKeys) => {
          const room = await Newsroom.start();
          const people = room.staff();
          const editor2 = room.enrol('u-heping01', 'He Ping', ['editor']);
          room.create(people.author);
          room.act(people.author, { action: 'submit' });
          // Two desks act on the same state, neither having seen the other.
          const parents = room.verify().heads;
          const at = Date.parse(room.now()) + 60_000;
          const a = room.act(people.editor, ACTIONS[firstAction]!, { parents, at, stage: 'first' });
          const secondActor = secondAction === 'withdraw' ? people.author : editor2;
          const b = room.act(secondActor, secondAction === 'withdraw' ? { action: 'withdraw' } : ACTIONS[secondAction]!, { parents, at: at + skewSeconds * 1000, stage: 'first' });

          const articleFiles = room.logs.list(articleLogDir(ARTICLE));
          const rosterFiles = room.logs.list(ROSTER_DIR);
          const verdicts = [0, 1, 2].map((round) => {
            const order = (files: typeof articleFiles) =>
              round === 0 ? files : [...files].sort((x, y) => (shuffleKeys[(x.path.length + round) % 12]! % 7) - (shuffleKeys[(y.path.length * 3 + round) % 12]! % 7) || (round === 1 ? 1 : -1));
            const roster = verifyRoster({ ed: room.ed, files: order(rosterFiles), depth: 'full' });
            return verifyArticle({ ed: room.ed, articleId: ARTICLE, files: order(articleFiles), roster, currentHash: H1, depth: 'full' });
          });
          for (const verdict of verdicts.slice(1)) {
            expect(verdict.review).toEqual(verdicts[0]!.review);
            expect(verdict.records.map((r) => [r.hash, r.status, r.code])).toEqual(verdicts[0]!.records.map((r) => [r.hash, r.status, r.code]));
          }
          const verdict = verdicts[0]!;
          const [ra, rb] = [a, b].map((hash) => verdict.records.find((record) => record.hash === hash)!);
          // Both were valid where they were made: neither is rule-breaking, and neither blocks the article.
          expect([ra!.status, rb!.status].sort()).not.toContain('rule-breaking');
          expect(verdict.blocked).toBe(false);
          // At most one takes effect; the other is kept as crossed, naming it and who must act again.
          const crossed = [ra!, rb!].filter((record) => record.status === 'crossed');
          expect(crossed).toHaveLength(1);
          const other = crossed[0] === ra ? rb! : ra!;
          expect(other.status).toBe('signed');
          expect(crossed[0]!.crossedWith).toBe(other.hash);
          expect(crossed[0]!.actAgain).toEqual([crossed[0]!.by]);
          expect(verdict.problems).toContainEqual(expect.objectContaining({ code: 'crossed', path: crossed[0]!.path }));
        },
      ),
      { numRuns: 25 },
    );
  });
});
