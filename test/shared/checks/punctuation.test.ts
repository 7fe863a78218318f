import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../src/shared/checks/fix';
import { blockText } from '../../../src/shared/checks/segments';
import { article, englishArticle, findingsOf, inBody, p, settingsWith, textsOf } from './helpers';

/** Offsets of one rule's findings in a single paragraph. */
function spans(rule: Parameters<typeof inBody>[0], text: string): Array<[number, number]> {
  return findingsOf(rule, article({ blocks: [p(text)] })).map((f) => [f.location.start, f.location.end]);
}

describe('unbalanced-pairs', () => {
  it('finds unmatched Chinese quotes, title marks and brackets', () => {
    expect(spans('unbalanced-pairs', '他说：“以前种茶全凭经验。')).toEqual([[3, 4]]);
    expect(inBody('unbalanced-pairs', '他说：“以前种茶全凭经验。')).toEqual(['“']);
    expect(inBody('unbalanced-pairs', '据《人民日报报道，')).toEqual(['《']);
    expect(inBody('unbalanced-pairs', '茶园面积达28万亩）。')).toEqual(['）']);
    expect(inBody('unbalanced-pairs', '【快讯今天')).toEqual(['【']);
    expect(inBody('unbalanced-pairs', '「引文』')).toEqual(['「', '』']);
  });

  it('finds unmatched English quotes and brackets', () => {
    expect(inBody('unbalanced-pairs', 'He said "the harvest was good.')).toEqual(['"']);
    expect(spans('unbalanced-pairs', 'He said "the harvest was good.')).toEqual([[8, 9]]);
    expect(inBody('unbalanced-pairs', 'Exports (in dollars rose.')).toEqual(['(']);
    expect(inBody('unbalanced-pairs', 'Exports rose] sharply.')).toEqual([']']);
    expect(inBody('unbalanced-pairs', 'A (b [c) d] e')).toEqual(['[', ']']);
  });

  it('accepts balanced, nested pairs and apostrophes', () => {
    expect(inBody('unbalanced-pairs', '他说：“我们叫它‘数字茶园’（试点）。”《茶经》【注】「好」')).toEqual([]);
    expect(inBody('unbalanced-pairs', 'He said "it (the crop) is [very] good" and ‘fine’.')).toEqual([]);
    expect(inBody('unbalanced-pairs', 'Xi’an farmers don’t worry; the teachers’ union agreed.')).toEqual([]);
    expect(inBody('unbalanced-pairs', '1) first point 2) second point :)')).toEqual([]);
  });

  it('accepts a quotation running over several paragraphs, open until its last', () => {
    const content = article({ blocks: [p('他说：“第一段引文。'), p('“第二段引文。'), p('“最后一段。”')] });
    expect(textsOf('unbalanced-pairs', content)).toEqual([]);
    const english = englishArticle({ blocks: [p('She said: "First paragraph.'), p('"Second one."')] });
    expect(textsOf('unbalanced-pairs', english)).toEqual([]);
    const broken = article({ blocks: [p('他说：“第一段引文。'), p('第二段没有引号。')] });
    expect(findingsOf('unbalanced-pairs', broken).map((f) => f.location)).toEqual([{ field: 'body', block: 0, paragraph: 1, start: 3, end: 4 }]);
  });

  it('names the text around the mark', () => {
    const [finding] = findingsOf('unbalanced-pairs', article({ blocks: [p('他说：“以前种茶全凭经验。')] }));
    expect(finding!.message['zh-CN']).toBe('““”没有对应的“””：““以前种茶全凭经验。”');
    expect(finding!.message.en).toBe('The opening “ has no closing ”: ““以前种茶全凭经验。”');
    expect(finding!.fix).toBeUndefined();
  });

  it('checks headline, deck and captions too', () => {
    const content = article({ headline: '千年茶山“种出数字新动能', deck: '（导语' });
    expect(findingsOf('unbalanced-pairs', content).map((f) => [f.location.field, f.text])).toEqual([
      ['headline', '“'],
      ['deck', '（'],
    ]);
  });
});

describe('halfwidth-punctuation', () => {
  it('finds , . ; : ? ! between Chinese characters, with the full-width fix', () => {
    const found = findingsOf('halfwidth-punctuation', article({ blocks: [p('茶园面积大,产量高;效益好:真不错?是的!好.')] }));
    expect(found.map((f) => [f.text, f.fix?.replacement])).toEqual([
      [',', '，'],
      [';', '；'],
      [':', '：'],
      ['?', '？'],
      ['!', '！'],
      ['.', '。'],
    ]);
    expect(found[0]!.location).toEqual({ field: 'body', block: 0, paragraph: 1, start: 5, end: 6 });
    expect(found[0]!.message['zh-CN']).toBe('中文里用了半角标点“,”：“茶园面积大,产量高;效益…”，应为全角“，”。');
  });

  it('finds a half-width mark before a Chinese quote', () => {
    expect(inBody('halfwidth-punctuation', '他说:“好。”')).toEqual([':']);
  });

  it('leaves English, numbers and mixed text alone', () => {
    expect(inBody('halfwidth-punctuation', 'Output rose 3.5%, to 1,000 tonnes. Really? Yes!')).toEqual([]);
    expect(inBody('halfwidth-punctuation', '增长3.5%，引入 AI, 5G 等技术。时间:10点')).toEqual([]);
    expect(textsOf('halfwidth-punctuation', englishArticle({ blocks: [p('Wuxi county, in Guizhou: tea. Done!')] }))).toEqual([]);
  });
});

describe('doubled-punctuation', () => {
  it('finds a mark typed twice and offers to keep one', () => {
    const found = findingsOf('doubled-punctuation', article({ blocks: [p('茶园，，产量高。。效益好！！真的吗？？')] }));
    expect(found.map((f) => [f.text, f.fix?.replacement])).toEqual([
      ['，，', '，'],
      ['。。', '。'],
      ['！！', '！'],
      ['？？', '？'],
    ]);
    expect(found[0]!.location).toEqual({ field: 'body', block: 0, paragraph: 1, start: 2, end: 4 });
  });

  it('finds English doubles and two Chinese stops together (no fix for those)', () => {
    expect(inBody('doubled-punctuation', 'Really?? Yes!! Fine,, ok.. done')).toEqual(['??', '!!', ',,', '..']);
    const [mixed] = findingsOf('doubled-punctuation', article({ blocks: [p('产量高，。效益好')] }));
    expect(mixed).toMatchObject({ text: '，。' });
    expect(mixed!.fix).toBeUndefined();
  });

  it('leaves ellipses, dashes, ？！ and single marks alone', () => {
    expect(inBody('doubled-punctuation', '他说……好——真的吗？！Wait... what?! Yes.')).toEqual([]);
    expect(textsOf('doubled-punctuation', englishArticle({ blocks: [p('And then... nothing. Really?!')] }))).toEqual([]);
  });
});

describe('space-before-punctuation', () => {
  it('finds spaces before punctuation and removes them', () => {
    const found = findingsOf('space-before-punctuation', article({ blocks: [p('茶园面积 ，产量高  。')] }));
    expect(found.map((f) => [f.location.start, f.location.end, f.text, f.fix?.replacement])).toEqual([
      [4, 5, ' ', ''],
      [9, 11, '  ', ''],
    ]);
    expect(textsOf('space-before-punctuation', englishArticle({ blocks: [p('He said , as usual : fine .')] }))).toEqual([' ', ' ', ' ']);
    expect(findingsOf('space-before-punctuation', englishArticle({ blocks: [p('Fine ?')] }))[0]!.message.en).toBe('Space before “?”: “Fine ?”.');
  });

  it('leaves ordinary spacing, decimals and ellipses alone', () => {
    expect(inBody('space-before-punctuation', '引入 AI 技术，增长 3.5%。')).toEqual([]);
    expect(textsOf('space-before-punctuation', englishArticle({ blocks: [p('A .5 rise, and ... more.')] }))).toEqual([]);
  });
});

describe('quote-style-mix', () => {
  it('accepts full-width quotes in Chinese text whatever the English text uses', () => {
    const content = englishArticle({ blocks: [p('He said "yes", then "no" and "maybe".'), p('他说：“今年的茶，是‘当家产业’。”')] });
    expect(findingsOf('quote-style-mix', content)).toEqual([]);
    expect(inBody('quote-style-mix', '茶是“当家产业”。Tea is the "leading industry".')).toEqual([]);
  });

  it('marks straight quotes in Chinese text, one finding per quotation, fixing both marks', () => {
    const content = article({ blocks: [p('他说：“好。”她说：“行。”'), p('也有人说"不行"。')] });
    const found = findingsOf('quote-style-mix', content);
    expect(found.map((f) => [f.location.block, f.location.start, f.text, f.fix?.replacement])).toEqual([[1, 4, '"不行"', '“不行”']]);
    expect(found[0]!.severity).toBe('recommended');
    expect(found[0]!.message['zh-CN']).toBe('中文里的引号应为全角“”：“"不行"”用了直引号。');
    // Even when the article uses nothing but straight quotes.
    expect(inBody('quote-style-mix', '"当家产业"是茶。')).toEqual(['"当家产业"']);
  });

  it('never turns a balanced pair into unbalanced marks', () => {
    const content = article({ blocks: [p('他说："今年是丰收年。"'), p('茶农说：“好。”')] });
    const [finding] = findingsOf('quote-style-mix', content);
    const fixed = applyFix(content, finding!);
    expect(fixed.ok).toBe(true);
    expect(blockText(fixed.content.body.root.children![0]!)).toBe('他说：“今年是丰收年。”');
    expect(findingsOf('unbalanced-pairs', fixed.content)).toEqual([]);
    expect(findingsOf('quote-style-mix', fixed.content)).toEqual([]);
  });

  it('offers no fix where changing the marks would unbalance something else', () => {
    const fixes = (text: string) => findingsOf('quote-style-mix', article({ blocks: [p(text)] })).map((f) => [f.text, f.fix?.replacement ?? null]);
    expect(fixes('他说："今年（丰收"）。')).toEqual([['"今年（丰收"', null]]);
    expect(fixes('他说：" 好 "。')).toEqual([['" 好 "', null]]);
    expect(fixes('他说："好。')).toEqual([['"', null]]);
  });

  it('holds English text to the house style when the workspace sets one', () => {
    const content = englishArticle({ headline: 'He said “yes” today', blocks: [p('"One," "two" and "three".')] });
    const straight = settingsWith({ englishQuotes: 'straight' });
    expect(findingsOf('quote-style-mix', content, straight).map((f) => [f.location.field, f.text, f.fix?.replacement])).toEqual([['headline', '“yes”', '"yes"']]);
    const curly = settingsWith({ englishQuotes: 'curly' });
    expect(findingsOf('quote-style-mix', content, curly).map((f) => [f.text, f.fix?.replacement])).toEqual([
      ['"One,"', '“One,”'],
      ['"two"', '“two”'],
      ['"three"', '“three”'],
    ]);
    expect(findingsOf('quote-style-mix', content, curly)[0]!.message.en).toBe('Straight quotes in “"One,"”: the house style for English is curly quotes “”.');
  });

  it('otherwise marks the style the English text uses less (straight on a tie)', () => {
    const content = englishArticle({ headline: 'He said “yes” today', blocks: [p('"One," "two" and "three".')] });
    expect(findingsOf('quote-style-mix', content).map((f) => [f.location.field, f.text, f.fix?.replacement])).toEqual([['headline', '“yes”', '"yes"']]);
    expect(textsOf('quote-style-mix', englishArticle({ blocks: [p('He said “yes” and "no".')] }))).toEqual(['"no"']);
  });

  it('says nothing when one style is used', () => {
    expect(inBody('quote-style-mix', '他说：“好。”她说：“行。”')).toEqual([]);
    expect(textsOf('quote-style-mix', englishArticle({ blocks: [p('He said "yes" and "no".')] }))).toEqual([]);
  });
});
