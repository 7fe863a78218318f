import { describe, expect, it } from 'vitest';
import { parseChineseInteger, scanNumbers } from '../../../src/shared/checks/numbers';
import { article, englishArticle, findingsOf, inBody, p, textsOf } from './helpers';

describe('parseChineseInteger', () => {
  it('reads Chinese numerals with units', () => {
    const cases: Array<[string, number]> = [
      ['十', 10],
      ['十二', 12],
      ['二十八', 28],
      ['一百', 100],
      ['一千二百', 1200],
      ['一千零一', 1001],
      ['一千五', 1500],
      ['两万', 20000],
      ['两万五', 25000],
      ['二十八万', 280000],
      ['二十万零五', 200005],
      ['一亿二千万', 120000000],
      ['三万亿', 3e12],
    ];
    for (const [text, value] of cases) expect(parseChineseInteger(text), text).toBe(value);
  });

  it('refuses runs that are not one number', () => {
    for (const text of ['三四', '一一', '万一', '千万', '十二五', '一五一十', '']) expect(parseChineseInteger(text), text).toBeNull();
  });
});

describe('scanNumbers', () => {
  it('gives value, shape and unit', () => {
    const tokens = scanNumbers('茶园28万亩，产值46.8亿元，增长17.3%，覆盖1,200余个点位，二〇二一年，百分之三点五，约1000 people');
    expect(tokens.map((t) => [t.text, t.value, t.shape, t.unit])).toEqual([
      ['28万', 280000, 'digits+万', '亩'],
      ['46.8亿', 4680000000, 'digits+亿', '元'],
      ['17.3%', 17.3, 'digits', '%'],
      ['1,200', 1200, 'grouped', '余个'],
      ['二〇二一', 2021, 'chinese', '年'],
      ['百分之三点五', 3.5, 'chinese', '%'],
      ['1000', 1000, 'digits', 'people'],
    ]);
  });

  it('leaves dates, versions, codes, ranges and one-character numerals out of comparison', () => {
    const comparable = (text: string) => scanNumbers(text).filter((t) => t.comparable).map((t) => t.text);
    expect(comparable('2024-06-01、2024.06.01、10:30、v1.2、5G、COVID-19、3-5人、A4纸')).toEqual([]);
    expect(comparable('一个、三成、千年、万一、三四十元、统一')).toEqual([]);
  });
});

describe('number-forms', () => {
  it('finds digits and Chinese numerals for the same quantity', () => {
    const content = article({ blocks: [p('全县茶园面积达28万亩。'), p('其中有机茶园占二十八万亩中的一成。'), p('又新增28万亩。')] });
    const found = findingsOf('number-forms', content);
    expect(found.map((f) => [f.location.block, f.text, f.fix?.replacement])).toEqual([[1, '二十八万', '28万']]);
    expect(found[0]!.location).toEqual({ field: 'body', block: 1, paragraph: 2, start: 7, end: 11 });
    expect(found[0]!.message['zh-CN']).toBe('“二十八万亩”在文中其他地方写作“28万亩”，同一数字应统一写法。');
    expect(found[0]!.severity).toBe('recommended');
  });

  it('finds percentages written both ways', () => {
    expect(inBody('number-forms', '增长3.5%，即百分之三点五。')).toEqual(['百分之三点五']);
  });

  it('finds numbers with and without thousands separators', () => {
    const content = englishArticle({ blocks: [p('About 1,000 people came.'), p('Another 1000 people left.')] });
    const found = findingsOf('number-forms', content);
    expect(found.map((f) => [f.location.block, f.text, f.fix?.replacement])).toEqual([[1, '1000', '1,000']]);
    expect(found[0]!.message.en).toBe('“1000 people” is written “1,000 people” elsewhere in the article. Write the same number the same way throughout.');
  });

  it('takes the form used most as the reference', () => {
    expect(inBody('number-forms', '二十八万亩，28万亩，二十八万亩')).toEqual(['28万']);
  });

  it('leaves different quantities and consistent forms alone', () => {
    expect(inBody('number-forms', '28万亩茶园，二十八万元投资，28万人。')).toEqual([]);
    expect(inBody('number-forms', '12亩，一千年，3000万元，3000万元。')).toEqual([]);
    expect(textsOf('number-forms', englishArticle({ blocks: [p('1,000 people and 1000 tonnes; 2,000 tonnes.')] }))).toEqual([]);
  });
});

describe('thousands-separator', () => {
  it('finds commas not every three digits', () => {
    const found = findingsOf('thousands-separator', article({ blocks: [p('投资1,00,000元，另有10,00元。')] }));
    expect(found.map((f) => [f.location.start, f.location.end, f.text])).toEqual([
      [2, 10, '1,00,000'],
      [14, 19, '10,00'],
    ]);
    expect(found[0]!.severity).toBe('required');
    expect(found[0]!.fix).toBeUndefined();
    expect(textsOf('thousands-separator', englishArticle({ blocks: [p('It cost $1,0000 and 12,34,567 rupees.')] }))).toEqual(['1,0000', '12,34,567']);
  });

  it('accepts well-formed separators and lists with spaces', () => {
    expect(inBody('thousands-separator', '投资1,000,000元，增长3.5%，第1、2、3项。')).toEqual([]);
    expect(textsOf('thousands-separator', englishArticle({ blocks: [p('It cost $1,000.50 in 2023, 2024 and 2025.')] }))).toEqual([]);
  });
});
