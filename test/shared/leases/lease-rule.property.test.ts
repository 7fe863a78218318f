import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimId, type Claim } from '../../../src/shared/leases/claims';
import { AHEAD_MS, LAPSE_MS } from '../../../src/shared/leases/lease-file';
import { holderOf, holders } from '../../../src/shared/leases/lease-rule';

const ARTICLE = '20260301-aaaa000001';
const OTHER = '20260301-bbbb000002';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function claim(by: string, desk: string, since: number, heartbeat: number, extra: Partial<Claim> = {}): Claim {
  const article = extra.article ?? ARTICLE;
  return { article, by, desk, deskName: desk.toUpperCase(), since: iso(since), heartbeat: iso(heartbeat), takenFrom: null, id: claimId(article, by, desk, iso(since)), ...extra };
}

describe('the lease rule', () => {
  it('a live claim holds the article; nobody holds it once the claim lapses', () => {
    const wang = claim('u-wangli01', 'd-00000000a1', T0, T0 + 30_000);
    expect(holderOf([wang], ARTICLE, T0 + 60_000)).toBe(wang);
    expect(holderOf([wang], ARTICLE, T0 + 30_000 + LAPSE_MS - 1)).toBe(wang);
    expect(holderOf([wang], ARTICLE, T0 + 30_000 + LAPSE_MS)).toBeNull();
    expect(holderOf([wang], OTHER, T0 + 60_000)).toBeNull();
  });

  it('a claim dated too far ahead of this desk’s clock holds nothing', () => {
    const ahead = claim('u-wangli01', 'd-00000000a1', T0, T0 + AHEAD_MS + 1);
    expect(holderOf([ahead], ARTICLE, T0)).toBeNull();
    expect(holderOf([ahead], ARTICLE, T0 + 1)).toBe(ahead);
  });

  it('two desks claiming at once: the earlier claim holds', () => {
    const a = claim('u-wangli01', 'd-00000000a1', T0 + 500, T0 + 500);
    const b = claim('u-linxiaolan', 'd-00000000b2', T0 + 200, T0 + 900);
    expect(holderOf([a, b], ARTICLE, T0 + 1_000)).toBe(b);
  });

  it('a take-over supersedes the claim it names, though that claim is earlier and still live', () => {
    const wang = claim('u-wangli01', 'd-00000000a1', T0, T0 + 60_000);
    const lin = claim('u-linxiaolan', 'd-00000000b2', T0 + 50_000, T0 + 50_000, { takenFrom: { by: wang.by, desk: wang.desk, since: wang.since } });
    expect(holderOf([wang, lin], ARTICLE, T0 + 61_000)).toBe(lin);
    // Wang Li takes it back: a new claim of his, naming Lin's, replaces his old one in his file.
    const back = claim('u-wangli01', 'd-00000000a1', T0 + 70_000, T0 + 70_000, { takenFrom: { by: lin.by, desk: lin.desk, since: lin.since } });
    expect(holderOf([back, lin], ARTICLE, T0 + 71_000)).toBe(back);
    // A take-over that lapsed supersedes nothing: the claim it took over holds again while it is live.
    expect(holderOf([wang, lin], ARTICLE, T0 + 50_000 + LAPSE_MS + 1)).toBe(wang);
  });

  it('every desk finds the same holders whatever order the claims arrived in', () => {
    const people = ['u-wangli01', 'u-linxiaolan', 'u-zhaomin01'];
    const desks = ['d-00000000a1', 'd-00000000b2'];
    const claimArb = fc.record({
      person: fc.nat(people.length - 1),
      desk: fc.nat(desks.length - 1),
      article: fc.constantFrom(ARTICLE, OTHER),
      // Many claims share a second, to exercise the tie-break.
      since: fc.integer({ min: 0, max: 20 }).map((s) => T0 + s * 1000),
      age: fc.integer({ min: 0, max: 200 }).map((s) => s * 1000),
      takes: fc.option(fc.nat(30), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 12 }), fc.integer({ min: 0, max: 250 }), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (drawn, nowSeconds, keys) => {
        // One claim per person, desk and article, as their one file holds.
        const seen = new Set<string>();
        const claims: Claim[] = [];
        for (const draw of drawn) {
          const by = people[draw.person]!;
          const desk = desks[draw.desk]!;
          const key = `${by} ${desk} ${draw.article}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const taken = draw.takes !== undefined ? claims.filter((c) => c.article === draw.article)[draw.takes % Math.max(1, claims.length)] : undefined;
          claims.push(claim(by, desk, draw.since, draw.since + draw.age, { article: draw.article, ...(taken ? { takenFrom: { by: taken.by, desk: taken.desk, since: taken.since } } : {}) }));
        }
        const now = T0 + nowSeconds * 1000;
        const reference = holders(claims, now);
        const shuffled = claims.map((c, i) => ({ c, k: keys[i % keys.length]! * 31 + i })).sort((a, b) => a.k - b.k).map((x) => x.c);
        for (const order of [shuffled, [...claims].reverse()]) {
          const other = holders(order, now);
          expect([...other.entries()].sort()).toEqual([...reference.entries()].sort());
        }
        for (const [article, holder] of reference) {
          // The holder is live, and no live claim of the article is earlier unless the holder superseded it or it superseded nothing live.
          expect(Date.parse(holder.heartbeat)).toBeGreaterThan(now - LAPSE_MS);
          expect(holderOf(claims, article, now)).toEqual(holder);
        }
        const live = claims.filter((c) => Date.parse(c.heartbeat) > now - LAPSE_MS && Date.parse(c.heartbeat) <= now + AHEAD_MS);
        if (live.length > 0 && live.every((c) => c.takenFrom === null)) {
          for (const article of new Set(live.map((c) => c.article))) {
            const earliest = Math.min(...live.filter((c) => c.article === article).map((c) => Date.parse(c.since)));
            expect(Date.parse(reference.get(article)!.since)).toBe(earliest);
          }
        }
      }),
    );
  });
});
