/**
 * One desk's ordinary turn in the soak: read an article and do what is allowed there — the
 * person whose stage it is edits the body, a caption or the headline from the head they read,
 * approves, returns, withdraws or submits; annotations are opened, answered and resolved. Now
 * and then someone else tries (the rules refuse). An article read with crossed copies is merged
 * first: on its own when nothing collides, with a pick for each collision when something does.
 */
import type { ApiInput, ArticleReview } from '../../../src/shared/contract/api';
import { returnTargetsFrom, type Stage } from '../../../src/shared/review/stages';
import { blocksOf, contentOf, edited, type EditTarget } from './soak-copy';
import { ROLES, type SoakDesk, type SoakRole } from './soak-newsroom';
import { HOLDER, judged, look, type Seen, type SoakRandom, type SoakRun } from './soak-run';

type ReviewInput = ApiInput<'reviewAction'>;
type ReviewRequest = ReviewInput['request'];

/** How likely a turn edits the copy, by stage: reviewers edit less the further it has come (an edit makes earlier approvals stale). */
const EDIT_PERCENT: Record<Stage, number> = { draft: 60, first: 40, second: 25, third: 15, signed: 0 };

export async function ordinaryTurn(run: SoakRun, desk: SoakDesk, random: SoakRandom, id: string): Promise<void> {
  const seen = await look(run, desk, id);
  if (seen.article.crossed) {
    await mergeTurn(run, desk, random, seen);
    return;
  }
  const stage = seen.review.state.stage;
  const roll = random.percent();
  const someoneElse = random.percent() < 10;
  const other = random.pick(ROLES);
  if (roll < EDIT_PERCENT[stage]) return editTurn(run, desk, random, seen, someoneElse ? other : HOLDER[stage]);
  if (roll < 80) {
    const { role, request } = requestAt(stage, seen, random);
    await reviewTurn(run, desk, someoneElse ? other : role, { id, request });
    return;
  }
  return annotateTurn(run, desk, random, id, someoneElse ? other : HOLDER[stage]);
}

const ACKNOWLEDGED = { acknowledgeOpenAnnotations: true, acknowledgeRecommendedChecks: true, acknowledgeRequiredChecks: true } as const;

/** Where a random edit lands: most often a block of the body (paragraph or caption), sometimes the headline. */
export function randomTarget(random: SoakRandom, seen: Seen): EditTarget {
  return random.percent() < 20 ? { kind: 'headline' } : { kind: 'block', index: random.int(0, blocksOf(seen.article).length - 1) };
}

async function editTurn(run: SoakRun, desk: SoakDesk, random: SoakRandom, seen: Seen, role: SoakRole): Promise<void> {
  const { article } = seen;
  const content = edited(article, randomTarget(random, seen), run.nextToken(desk));
  const saved = judged(run, desk, 'save', await desk.call(role, 'saveArticle', { id: article.id, base: article.head, content }));
  if (saved) run.tally.saves.push({ article: article.id, head: saved.head, desk: desk.label });
}

/** The step forward at `stage`, and who takes it: the author submits, the stage's reviewer approves, the third reviewer reopens signed-off copy. */
export function forwardAt(stage: Stage): { role: SoakRole; request: ReviewRequest } {
  switch (stage) {
    case 'draft':
      return { role: 'reporter', request: { action: 'submit' } };
    case 'signed':
      return { role: 'third', request: { action: 'reopen', reason: '需要更正。' } };
    default:
      return { role: HOLDER[stage], request: { action: 'approve', opinion: stage === 'third' ? '同意签发。' : '同意。' } };
  }
}

/** The review action taken at `stage` now: mostly forward, sometimes a return, at the first review sometimes the author's withdrawal. */
export function requestAt(stage: Stage, seen: Seen, random: SoakRandom): { role: SoakRole; request: ReviewRequest } {
  const roll = random.percent();
  if (stage === 'draft' || stage === 'signed' || roll < 70) return forwardAt(stage);
  if (stage === 'first' && roll >= 85 && !seen.review.state.reviewedSinceSubmit) return { role: 'reporter', request: { action: 'withdraw' } };
  const targets = returnTargetsFrom(stage);
  return { role: HOLDER[stage], request: { action: 'return', to: random.pick(targets), reason: '请核实后再送。' } };
}

export async function reviewTurn(run: SoakRun, desk: SoakDesk, role: SoakRole, input: ReviewInput): Promise<ArticleReview | null> {
  const done = judged(run, desk, input.request.action, await desk.call(role, 'reviewAction', { ...ACKNOWLEDGED, ...input }));
  if (done) run.tally.review(input.id);
  return done;
}

async function annotateTurn(run: SoakRun, desk: SoakDesk, random: SoakRandom, id: string, role: SoakRole): Promise<void> {
  const { threads } = await desk.must('reporter', 'listAnnotations', { id });
  const open = threads.filter((thread) => !thread.resolved);
  if (open.length === 0 || random.percent() < 35) {
    const thread = `m-${run.nextToken(desk).replace(/[^a-z0-9]/g, '')}soak`;
    judged(run, desk, 'annotate-open', await desk.call(role, 'annotate', { id, op: { kind: 'open', thread, quote: '第1段', text: '这里的数字请核实。' } }));
    return;
  }
  const thread = random.pick(open).id;
  const someone = random.pick(ROLES);
  if (random.percent() < 60) judged(run, desk, 'annotate-reply', await desk.call(someone, 'annotate', { id, op: { kind: 'reply', thread, text: '已核实。' } }));
  else judged(run, desk, 'annotate-resolve', await desk.call(someone, 'annotate', { id, op: { kind: 'resolve', thread } }));
}

/**
 * Crossed copies read at `desk`: with collisions the holder picks for each (a manual merge);
 * without, the holder saves the merged copy, sometimes with an edit of their own (an automatic
 * merge). Signed-off copy cannot be edited: the third reviewer reopens it first. Says whether
 * the handlers acknowledged it.
 */
export async function mergeTurn(run: SoakRun, desk: SoakDesk, random: SoakRandom, seen: Seen): Promise<boolean> {
  const { article } = seen;
  const crossed = article.crossed!;
  const stage = seen.review.state.stage;
  if (stage === 'signed') return (await reviewTurn(run, desk, 'third', { id: article.id, request: { action: 'reopen', reason: '合并交叉的修改。' } })) !== null;
  const merged = crossed.heads.map((head) => head.id);
  const holder = HOLDER[stage];
  const manual = crossed.collisions.length > 0;
  const result = manual
    ? await desk.call(holder, 'mergeCrossed', { id: article.id, merged, picks: crossed.collisions.map((collision) => ({ id: collision.id, pick: random.pick(collision.where === 'body' ? PICKS : ['a', 'b'] as const) })) })
    : await desk.call(holder, 'saveArticle', { id: article.id, base: article.head, merged, content: random.percent() < 50 ? contentOf(article) : edited(article, randomTarget(random, seen), run.nextToken(desk)) });
  const saved = judged(run, desk, manual ? 'merge-manual' : 'merge-automatic', result);
  if (!saved) return false;
  if (manual) run.tally.manualMerges++;
  else run.tally.automaticMerges++;
  run.tally.saves.push({ article: article.id, head: saved.head, desk: desk.label });
  return true;
}

const PICKS = ['a', 'b', 'both'] as const;
