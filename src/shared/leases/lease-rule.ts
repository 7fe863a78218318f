/**
 * Which claim holds an article now — the one rule, the same on every desk whatever order the
 * lease files arrived in. Given every claim that verified and the time:
 *
 * 1. A claim holds only while live: renewed within LAPSE_MS, and not dated more than AHEAD_MS
 *    ahead of now.
 * 2. A live claim that took another over (its `takenFrom` names that claim's person, desk and
 *    since) supersedes it.
 * 3. Of the live claims not superseded, the earliest `since` holds; equal times go to the smaller
 *    claim id. (Claims that supersede each other in a ring, which only hand-made files can do,
 *    all count again.)
 */
import type { Claim } from './claims';
import { AHEAD_MS, LAPSE_MS } from './lease-file';

export function isLive(claim: Claim, now: number): boolean {
  const heartbeat = Date.parse(claim.heartbeat);
  return heartbeat > now - LAPSE_MS && heartbeat <= now + AHEAD_MS;
}

/** A claim dated further ahead of this desk's clock than is believed: reported, never holding. */
export function isAhead(claim: Claim, now: number): boolean {
  return Date.parse(claim.heartbeat) > now + AHEAD_MS;
}

const holderKey = (by: string, desk: string, since: string) => `${by} ${desk} ${since}`;

/** The claim holding each article that someone holds now. */
export function holders(claims: readonly Claim[], now: number): Map<string, Claim> {
  const byArticle = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (!isLive(claim, now)) continue;
    const list = byArticle.get(claim.article) ?? [];
    list.push(claim);
    byArticle.set(claim.article, list);
  }
  const out = new Map<string, Claim>();
  for (const [article, live] of byArticle) out.set(article, winner(live));
  return out;
}

export function holderOf(claims: readonly Claim[], article: string, now: number): Claim | null {
  return holders(
    claims.filter((claim) => claim.article === article),
    now,
  ).get(article) ?? null;
}

function winner(live: readonly Claim[]): Claim {
  const superseded = new Set(live.flatMap((claim) => (claim.takenFrom ? [holderKey(claim.takenFrom.by, claim.takenFrom.desk, claim.takenFrom.since)] : [])));
  const standing = live.filter((claim) => !superseded.has(holderKey(claim.by, claim.desk, claim.since)));
  const candidates = standing.length > 0 ? standing : live;
  return candidates.reduce((best, claim) => (earlier(claim, best) ? claim : best));
}

function earlier(a: Claim, b: Claim): boolean {
  const since = Date.parse(a.since) - Date.parse(b.since);
  return since !== 0 ? since < 0 : a.id < b.id;
}
