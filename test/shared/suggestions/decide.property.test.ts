import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyProblem } from '../../../src/shared/article/body';
import { contentHash } from '../../../src/shared/article/canonical';
import { decideSuggestions } from '../../../src/shared/suggestions/decide';
import { listSuggestions } from '../../../src/shared/suggestions/list';
import { personKey } from '../../../src/shared/suggestions/model';
import { baseView, proposedView } from '../../../src/shared/suggestions/views';
import { proposedMarks } from '../../../src/shared/suggestions/proposed-marks';
import { blockText } from '../../../src/shared/checks/segments';
import { articleOf, PEOPLE, runArbitrary } from './marked';

const articles = fc.array(fc.array(runArbitrary, { maxLength: 8 }), { minLength: 1, maxLength: 4 }).map(articleOf);

describe('deciding body suggestions (property)', () => {
  it('the suggested bodies built here are valid stored bodies', () => {
    fc.assert(fc.property(articles, ({ suggested }) => {
      expect(bodyProblem(suggested.body)).toBeNull();
    }));
  });

  it('rejecting every suggestion gives back exactly the copy they were made on', () => {
    fc.assert(
      fc.property(articles, ({ suggested, base }) => {
        expect(decideSuggestions(suggested, 'all', 'reject').content).toEqual(base);
        expect(baseView(suggested)).toEqual(base);
      }),
    );
  });

  it('accepting every suggestion gives exactly the copy the suggesters meant', () => {
    fc.assert(
      fc.property(articles, ({ suggested, intended }) => {
        expect(decideSuggestions(suggested, 'all', 'accept').content).toEqual(intended);
        expect(proposedView(suggested)).toEqual(intended);
      }),
    );
  });

  it('accepting some and rejecting others gives the same copy in either order', () => {
    const cases = articles.chain((built) => {
      const keys = listSuggestions(built.suggested).map((s) => s.key);
      return fc.record({ built: fc.constant(built), sides: fc.array(fc.constantFrom('accept', 'reject', 'keep'), { minLength: keys.length, maxLength: keys.length }), keys: fc.constant(keys) });
    });
    fc.assert(
      fc.property(cases, ({ built, sides, keys }) => {
        const accepted = keys.filter((_, i) => sides[i] === 'accept');
        const rejected = keys.filter((_, i) => sides[i] === 'reject');
        const one = decideSuggestions(decideSuggestions(built.suggested, { keys: accepted }, 'accept').content, { keys: rejected }, 'reject').content;
        const other = decideSuggestions(decideSuggestions(built.suggested, { keys: rejected }, 'reject').content, { keys: accepted }, 'accept').content;
        expect(one).toEqual(other);
        expect(listSuggestions(one).map((s) => s.key)).toEqual(keys.filter((_, i) => sides[i] === 'keep'));
      }),
    );
  });

  it('making suggestions never changes the content hash an approval signs', () => {
    fc.assert(fc.property(articles, ({ suggested, base }) => {
      expect(contentHash(suggested)).toBe(contentHash(base));
    }));
  });

  it("deciding one person's suggestions leaves everyone else's pending and in place", () => {
    fc.assert(
      fc.property(articles, fc.integer({ min: 0, max: PEOPLE.length - 1 }), fc.constantFrom<'accept' | 'reject'>('accept', 'reject'), ({ suggested }, who, decision) => {
        const person = personKey(PEOPLE[who]!);
        const after = decideSuggestions(suggested, { person }, decision).content;
        const left = listSuggestions(after);
        expect(left.every((s) => personKey(s) !== person)).toBe(true);
        expect(left).toEqual(listSuggestions(suggested).filter((s) => personKey(s) !== person));
      }),
    );
  });
});

describe('where suggestions sit in the suggested copy (property)', () => {
  it('each insertion covers exactly its text in the copy proofreading reads', () => {
    fc.assert(
      fc.property(articles, ({ suggested }) => {
        const proposed = proposedView(suggested);
        const marks = proposedMarks(suggested);
        for (const s of listSuggestions(suggested)) {
          if (s.place.field !== 'body') continue;
          const text = blockText(proposed.body.root.children![s.place.block]!);
          const mine = (marks.get(`body.${s.place.block}`) ?? []).filter((m) => m.key === s.key);
          expect(mine.map((m) => text.slice(m.start, m.end)).join('')).toBe(s.inserted);
          for (const m of mine) expect(m.end).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });
});
