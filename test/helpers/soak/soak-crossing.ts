/**
 * A deliberately crossed round: two desks that read one article in the same state act on it at
 * the same instant, before either has received the other's files — two review actions on one
 * state, or two saves from one base that change the same block (a collision) or blocks apart.
 * When both are acknowledged the pair is noted, to be found surfaced at every desk afterwards.
 */
import type { Stage } from '../../../src/shared/review/stages';
import { blocksOf, edited, type EditTarget } from './soak-copy';
import type { SoakDesk, SoakRole } from './soak-newsroom';
import { HOLDER, judged, look, ownRecord, type Seen, type SoakRandom, type SoakRun } from './soak-run';
import { forwardAt, reviewTurn } from './soak-turns';
import type { ApiInput } from '../../../src/shared/contract/api';

type ReviewRequest = ApiInput<'reviewAction'>['request'];

function inStep(x: Seen, y: Seen): boolean {
  return !x.article.crossed && !y.article.crossed && x.article.head === y.article.head && x.review.chainHead === y.review.chainHead && x.review.state.recordCount === y.review.state.recordCount;
}

export async function crossedRound(run: SoakRun, a: SoakDesk, b: SoakDesk, random: SoakRandom, id: string): Promise<void> {
  const [x, y] = await Promise.all([look(run, a, id), look(run, b, id)]);
  if (!inStep(x, y)) {
    run.tally.roundsNotInStep++;
    return;
  }
  const stage = x.review.state.stage;
  // Signed-off copy is read-only: only review actions can cross there.
  if (stage === 'signed' || random.percent() < 40) return crossReviews(run, [a, b], x, stage, random);
  return crossSaves(run, [a, b], x, stage, random);
}

/** Two actions that cannot both take effect on the state both desks read: whichever the verifier orders second is crossed. */
function crossingPair(stage: Stage, seen: Seen, random: SoakRandom): Array<{ role: SoakRole; request: ReviewRequest }> {
  const holder = HOLDER[stage];
  const forward = forwardAt(stage);
  switch (stage) {
    case 'draft':
    case 'signed':
      return [forward, forward];
    case 'first':
      return [forward, seen.review.state.reviewedSinceSubmit || random.percent() < 50 ? { role: holder, request: { action: 'return', to: 'draft', reason: '交叉退回。' } } : { role: 'reporter', request: { action: 'withdraw' } }];
    case 'second':
      return [forward, { role: holder, request: { action: 'return', to: 'first', reason: '交叉退回。' } }];
    case 'third':
      return [forward, { role: holder, request: { action: 'return', to: 'second', reason: '交叉退回。' } }];
  }
}

async function crossReviews(run: SoakRun, desks: [SoakDesk, SoakDesk], seen: Seen, stage: Stage, random: SoakRandom): Promise<void> {
  const id = seen.article.id;
  const pair = crossingPair(stage, seen, random);
  const done = await Promise.all(desks.map((desk, index) => reviewTurn(run, desk, pair[index]!.role, { id, request: pair[index]!.request })));
  if (!done[0] || !done[1]) return;
  const records = desks.map((desk, index) => ownRecord(done[index]!, desk, run.newsroom.people[pair[index]!.role], id)) as [string, string];
  run.tally.crossedReviews.push({ article: id, records });
}

/** Two edit targets: one block for both (they collide), or two blocks at least two apart or a block and the headline (they merge on their own). */
function crossingTargets(seen: Seen, colliding: boolean, random: SoakRandom): [EditTarget, EditTarget] {
  const count = blocksOf(seen.article).length;
  const first = random.int(0, count - 1);
  if (colliding) return [{ kind: 'block', index: first }, { kind: 'block', index: first }];
  const apart = Array.from({ length: count }, (_, index) => index).filter((index) => Math.abs(index - first) >= 2);
  return [{ kind: 'block', index: first }, apart.length > 0 ? { kind: 'block', index: random.pick(apart) } : { kind: 'headline' }];
}

async function crossSaves(run: SoakRun, desks: [SoakDesk, SoakDesk], seen: Seen, stage: Stage, random: SoakRandom): Promise<void> {
  const { article } = seen;
  const colliding = random.percent() < 50;
  const targets = crossingTargets(seen, colliding, random);
  const contents = desks.map((desk, index) => edited(article, targets[index]!, run.nextToken(desk)));
  const saved = await Promise.all(
    desks.map(async (desk, index) => judged(run, desk, 'save', await desk.call(HOLDER[stage], 'saveArticle', { id: article.id, base: article.head, content: contents[index]! }))),
  );
  saved.forEach((done, index) => done && run.tally.saves.push({ article: article.id, head: done.head, desk: desks[index]!.label }));
  if (saved[0] && saved[1]) run.tally.crossedSaves.push({ article: article.id, heads: [saved[0].head, saved[1].head], colliding });
}
