/**
 * What must hold once the soak's desks have stopped and their folders are in sync: every desk
 * derives the same state for every article (current copy, stage, approvals, each record's
 * status, revision heads); every acknowledged save is a revision at every desk; every line a
 * desk wrote to its own logs is present and counts at every desk; every deliberately crossed
 * pair was surfaced (review actions: one shown crossed; saves: joined by a merge, a manual one
 * when they collided).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from '../../../src/shared/article/canonical';
import type { ArticleVerdict } from '../../../src/shared/identity/article-verdict';
import type { SignedRevision } from '../../../src/shared/identity/revision-event';
import { REVIEW_STAGES } from '../../../src/shared/review/stages';
import { contentOf } from './soak-copy';
import type { SoakDesk } from './soak-newsroom';
import type { SoakRun } from './soak-run';

/** A record that is kept and counts: applied, or kept without effect because it crossed another. */
const COUNTED = new Set(['signed', 'crossed']);

export interface SoakFindings {
  /** Lines written at their own desk that some desk does not have or does not count. */
  recordsLost: number;
  /** Everything that does not hold, in words; empty when the soak passed. */
  problems: string[];
}

/** The derived state of an article at one desk, as every desk must see it. */
async function derivedAt(desk: SoakDesk, id: string) {
  const article = await desk.must('reporter', 'getArticle', { id });
  const { state } = await desk.must('reporter', 'getReview', { id });
  const { verdict, strays, conflictCopies } = await desk.app.workspace.articles.state(id);
  const approvals = Object.fromEntries(REVIEW_STAGES.map((stage) => [stage, state.approvals[stage] ? { by: state.approvals[stage].actorId, contentHash: state.approvals[stage].contentHash, stale: state.approvals[stage].stale } : null]));
  return {
    derived: {
      head: article.head,
      contentHash: contentHash(contentOf(article)),
      crossed: article.crossed ?? null,
      stage: state.stage,
      signedOff: state.signedOff,
      approvals,
      records: Object.fromEntries(verdict.records.map((record) => [record.hash ?? `${record.path}:${record.line}`, record.status])),
      heads: [...verdict.revisionHeads].sort(),
    },
    verdict,
    strays: [...strays, ...conflictCopies],
  };
}

/** The lines of every log file `desk` wrote, by path relative to the workspace. */
async function ownLines(desk: SoakDesk, articles: readonly string[]): Promise<Map<string, number>> {
  const lines = new Map<string, number>();
  for (const id of articles) {
    const dir = join(desk.root, 'articles', id, 'log');
    for (const name of await readdir(dir)) {
      if (!name.endsWith(`.${desk.deskId}.jsonl`)) continue;
      const text = await readFile(join(dir, name), 'utf8');
      lines.set(`articles/${id}/log/${name}`, text.split('\n').filter((line) => line.trim() !== '').length);
    }
  }
  return lines;
}

/** The first revision (in the log's order) that has both `a` and `b` among what it was made from. */
function joinOf(revisions: readonly SignedRevision[], a: string, b: string): SignedRevision | null {
  const ancestors = new Map<string, Set<string>>();
  for (const revision of revisions) {
    const mine = new Set<string>([revision.id]);
    for (const parent of revision.event.from) for (const id of ancestors.get(parent) ?? []) mine.add(id);
    ancestors.set(revision.id, mine);
    if (mine.has(a) && mine.has(b)) return revision;
  }
  return null;
}

export async function compareDesks(run: SoakRun): Promise<SoakFindings> {
  const { desks, articles } = run.newsroom;
  const { tally } = run;
  const problems: string[] = [];
  let recordsLost = 0;
  const verdicts = new Map<string, ArticleVerdict[]>();
  for (const id of articles) {
    const seen = await Promise.all(desks.map((desk) => derivedAt(desk, id)));
    verdicts.set(id, seen.map((one) => one.verdict));
    const first = JSON.stringify(seen[0]!.derived);
    seen.forEach((one, index) => {
      if (JSON.stringify(one.derived) !== first) problems.push(`${id}: ${desks[index]!.label} derives ${JSON.stringify(one.derived)}, desk 1 ${first}`);
      // No two desks write one file, so a sync service never makes a conflict copy.
      if (one.strays.length > 0) problems.push(`${id}: files that are not logs at ${desks[index]!.label}: ${one.strays.join(', ')}`);
      if (one.derived.crossed) problems.push(`${id}: crossed copies still wait at ${desks[index]!.label}`);
      for (const record of one.verdict.records) if (!COUNTED.has(record.status)) problems.push(`${id}: ${desks[index]!.label} has ${record.path} line ${record.line} ${record.status} (${record.code ?? ''} ${record.detail ?? ''})`);
      const reviews = one.verdict.records.filter((record) => record.kind === 'review' && COUNTED.has(record.status)).length;
      if (reviews !== (tally.reviews.get(id) ?? 0)) problems.push(`${id}: ${tally.reviews.get(id) ?? 0} review actions acknowledged, ${reviews} review records at ${desks[index]!.label}`);
    });
  }

  for (const save of tally.saves) {
    desks.forEach((desk, index) => {
      if (!verdicts.get(save.article)![index]!.revisions.some((revision) => revision.id === save.head)) problems.push(`${save.article}: the save acknowledged at ${save.desk} (${save.head.slice(0, 12)}) is no revision at ${desk.label}`);
    });
  }

  for (const writer of desks) {
    for (const [path, count] of await ownLines(writer, articles)) {
      const id = path.split('/')[1]!;
      desks.forEach((desk, index) => {
        const counted = verdicts.get(id)![index]!.records.filter((record) => record.path === path && COUNTED.has(record.status)).length;
        if (counted < count) {
          recordsLost += count - counted;
          problems.push(`${path}: ${count} lines written at ${writer.label}, ${counted} counted at ${desk.label}`);
        }
      });
    }
  }

  for (const pair of tally.crossedReviews) {
    const statuses = pair.records.map((hash) => verdicts.get(pair.article)![0]!.records.find((record) => record.hash === hash)?.status);
    if (!statuses.includes('crossed')) problems.push(`${pair.article}: crossed review actions ${pair.records.map((hash) => hash.slice(0, 12)).join(', ')} are ${statuses.join(', ')}: neither shown as crossed`);
  }
  for (const pair of tally.crossedSaves) {
    const join = joinOf(verdicts.get(pair.article)![0]!.revisions, ...pair.heads);
    if (!join) problems.push(`${pair.article}: crossed saves ${pair.heads.map((hash) => hash.slice(0, 12)).join(', ')} were never merged`);
    else if (pair.colliding && join.event.kind !== 'merge') problems.push(`${pair.article}: colliding saves ${pair.heads.map((hash) => hash.slice(0, 12)).join(', ')} were joined by a ${join.event.kind}, not a person's pick`);
  }
  return { recordsLost, problems };
}
