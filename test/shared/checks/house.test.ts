import { describe, expect, it } from 'vitest';
import type { HouseLists } from '../../../src/shared/checks/lists';
import { HouseListsSchema } from '../../../src/shared/checks/lists';
import { article, englishArticle, fig, findingsOf, p } from './helpers';

const TERMS: HouseLists = HouseListsSchema.parse({
  terms: [
    { avoid: '新冠', use: '新冠肺炎' },
    { avoid: '农民工', use: '进城务工人员' },
    { avoid: 'e-mail', use: 'email' },
    { avoid: 'Peking', use: 'Beijing' },
    { avoid: '老外', use: '' },
  ],
});

describe('house-terms', () => {
  it('replaces terms to avoid with the house term', () => {
    const found = findingsOf('house-terms', article({ blocks: [p('这些农民工说，新冠疫情期间收入下降。')] }), undefined, TERMS);
    expect(found.map((f) => [f.location.start, f.location.end, f.text, f.fix?.replacement])).toEqual([
      [2, 5, '农民工', '进城务工人员'],
      [7, 9, '新冠', '新冠肺炎'],
    ]);
    expect(found[0]!.message['zh-CN']).toBe('按本社用语规范，“农民工”应写作“进城务工人员”（“这些农民工说，新冠疫情…”）。');
    expect(found[0]!.severity).toBe('required');
  });

  it('matches English terms as whole words, case-sensitively', () => {
    const content = englishArticle({ blocks: [p('Send an e-mail to Peking University, not to Pekingese owners or peking duck fans.')] });
    const found = findingsOf('house-terms', content, undefined, TERMS);
    expect(found.map((f) => [f.text, f.fix?.replacement])).toEqual([
      ['e-mail', 'email'],
      ['Peking', 'Beijing'],
    ]);
    expect(found[1]!.message.en).toBe('House style: write “Beijing” instead of “Peking” (in “…il to Peking Unive…”).');
  });

  it('does not flag a term already written in its house form, and gives no fix when there is no replacement', () => {
    expect(findingsOf('house-terms', article({ blocks: [p('新冠肺炎疫情期间。')] }), undefined, TERMS)).toEqual([]);
    const [avoid] = findingsOf('house-terms', article({ blocks: [p('几个老外来到茶园。')] }), undefined, TERMS);
    expect(avoid).toMatchObject({ text: '老外' });
    expect(avoid!.fix).toBeUndefined();
  });

  it('checks captions and headline too', () => {
    const content = article({ headline: '农民工返乡种茶记', blocks: [fig({ caption: '农民工在采茶。' })] });
    expect(findingsOf('house-terms', content, undefined, TERMS).map((f) => f.location)).toEqual([
      { field: 'headline', start: 0, end: 3 },
      { field: 'caption', figure: 0, start: 0, end: 3 },
    ]);
  });
});

const NAMES: HouseLists = HouseListsSchema.parse({
  names: [
    { name: '张某', title: '县委书记' },
    { name: 'Zhang Wei', title: 'county party secretary' },
  ],
});

describe('name-titles', () => {
  it('accepts the full title before or after the first mention, and later mentions without it', () => {
    for (const first of ['县委书记张某表示', '县委书记 张某表示', '张某，县委书记，表示', '张某（县委书记）表示']) {
      const content = article({ blocks: [p(`${first}，茶产业是重点。`), p('张某还说，要做好服务。')] });
      expect(findingsOf('name-titles', content, undefined, NAMES), first).toEqual([]);
    }
    for (const first of ['Zhang Wei, county party secretary, said', 'County party secretary Zhang Wei said', 'Zhang Wei, the county party secretary, said']) {
      const content = englishArticle({ blocks: [p(`${first} tea matters.`), p('Zhang Wei added that data helps.')] });
      expect(findingsOf('name-titles', content, undefined, NAMES), first).toEqual([]);
    }
  });

  it('flags a first mention without the full title, with a fix for Chinese titles', () => {
    const content = article({ blocks: [p('张某表示，茶产业是重点。'), p('县委书记张某还说。')] });
    const found = findingsOf('name-titles', content, undefined, NAMES);
    expect(found.map((f) => [f.location, f.text, f.fix?.replacement])).toEqual([[{ field: 'body', block: 0, paragraph: 1, start: 0, end: 2 }, '张某', '县委书记张某']]);
    expect(found[0]!.message['zh-CN']).toBe('“张某”首次出现时应写明完整职务“县委书记”，如“县委书记张某”。');

    const short = findingsOf('name-titles', article({ blocks: [p('当天，书记张某表示。')] }), undefined, NAMES);
    expect(short.map((f) => [f.text, f.fix?.replacement])).toEqual([['书记张某', '县委书记张某']]);
    const other = findingsOf('name-titles', article({ blocks: [p('市委书记张某表示。')] }), undefined, NAMES);
    expect(other.map((f) => [f.text, f.fix])).toEqual([['书记张某', undefined]]);
  });

  it('flags an English first mention without the title (no fix)', () => {
    const content = englishArticle({ blocks: [p('Zhang Wei said tea matters.')] });
    const found = findingsOf('name-titles', content, undefined, NAMES);
    expect(found.map((f) => [f.text, f.fix])).toEqual([['Zhang Wei', undefined]]);
    expect(found[0]!.message.en).toBe('First mention of “Zhang Wei”: give the full title “county party secretary”, for example “Zhang Wei, county party secretary”.');
  });

  it('flags a different title at any mention', () => {
    const content = article({ blocks: [p('县委书记张某表示，茶产业是重点。'), p('副县长张某还说。')] });
    const found = findingsOf('name-titles', content, undefined, NAMES);
    expect(found.map((f) => [f.location.block, f.text])).toEqual([[1, '副县长张某']]);
    expect(found[0]!.message['zh-CN']).toBe('此处称“张某”为“副县长”，与人名表中的职务“县委书记”不一致。');
    const english = englishArticle({ blocks: [p('Zhang Wei, county party secretary, spoke.'), p('Mayor Zhang Wei agreed.'), p('Zhang Wei, deputy mayor, left.')] });
    expect(findingsOf('name-titles', english, undefined, NAMES).map((f) => f.text)).toEqual(['Mayor Zhang Wei', 'Zhang Wei, deputy mayor']);
  });

  it('counts the deck as the first mention, and ignores headline and captions', () => {
    const content = article({ headline: '张某谈茶产业', deck: '县委书记张某介绍了经验。', blocks: [p('张某说，要做好服务。'), fig({ caption: '张某在茶园。' })] });
    expect(findingsOf('name-titles', content, undefined, NAMES)).toEqual([]);
  });
});
