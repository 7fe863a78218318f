/**
 * The soak's desks at work: each desk runs its own seeded loop of turns until the time is up,
 * now and then a crossed round with another desk; then, with every desk stopped and the folders
 * in sync, the crossed copies that remain are settled at one desk.
 */
import { crossedRound } from './soak-crossing';
import type { SoakDesk, SoakNewsroom } from './soak-newsroom';
import { look, SoakFailure, SoakRandom, withArticle, type SoakRun } from './soak-run';
import { SoakTally } from './soak-tally';
import { mergeTurn, ordinaryTurn } from './soak-turns';

/** A turn in this many is a deliberately crossed round with another desk. */
const CROSSED_PERCENT = 15;

export function soakRun(newsroom: SoakNewsroom): SoakRun {
  const counters = new Map<string, number>();
  return {
    newsroom,
    tally: new SoakTally(),
    busy: new Set(),
    nextToken: (desk: SoakDesk) => {
      const next = (counters.get(desk.deskId) ?? 0) + 1;
      counters.set(desk.deskId, next);
      return `d${desk.index + 1}n${next}`;
    },
  };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Every desk's loop until `seconds` have passed; the first failure stops them all and is thrown. */
export async function runDesks(run: SoakRun, seed: number, seconds: number): Promise<void> {
  const stopAt = Date.now() + seconds * 1000;
  let failed = false;
  const loop = async (desk: SoakDesk) => {
    const random = new SoakRandom(seed + desk.index);
    const others = run.newsroom.desks.filter((other) => other !== desk);
    while (!failed && Date.now() < stopAt) {
      if (random.percent() < CROSSED_PERCENT) await withArticle(run, random, (id) => crossedRound(run, desk, random.pick(others), random, id));
      else await withArticle(run, random, (id) => ordinaryTurn(run, desk, random, id));
      await pause(random.int(0, 250));
    }
  };
  const ends = await Promise.allSettled(
    run.newsroom.desks.map((desk) =>
      loop(desk).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = ends.find((end) => end.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
}

/** Until no article has crossed copies: sync, then merge (reopening signed-off copy first) at `desk`. */
export async function settleCrossed(run: SoakRun, desk: SoakDesk, seed: number): Promise<void> {
  const random = new SoakRandom(seed);
  for (let round = 0; round < 20; round++) {
    await run.newsroom.cluster.inSync(180_000);
    let waiting = 0;
    for (const id of run.newsroom.articles) {
      const seen = await look(run, desk, id);
      if (!seen.article.crossed) continue;
      waiting++;
      if (!(await mergeTurn(run, desk, random, seen))) {
        throw new SoakFailure(`${id} at ${seen.review.state.stage} with ${seen.article.crossed.collisions.length} collision(s) cannot be settled: ${run.tally.lastRefusal}`);
      }
    }
    if (waiting === 0) return;
  }
  throw new SoakFailure('crossed copies still wait after 20 rounds of settling');
}
