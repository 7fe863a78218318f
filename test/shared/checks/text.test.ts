import { describe, expect, it } from 'vitest';
import { article, englishArticle, fig, findingsOf, h, inBody, list, p, quote, settingsWith, textsOf } from './helpers';

describe('repeated-word', () => {
  it('finds repeated Chinese function characters and keeps one', () => {
    const found = findingsOf('repeated-word', article({ blocks: [p('这是我们的的茶园，他来了了。')] }));
    expect(found.map((f) => [f.location.start, f.location.end, f.text, f.fix?.replacement])).toEqual([
      [4, 6, '的的', '的'],
      [11, 13, '了了', '了'],
    ]);
    expect(found[0]!.message['zh-CN']).toBe('字词重复：“这是我们的的茶园，他来了…”中的“的的”。');
    expect(inBody('repeated-word', '他是是茶农，在在村里，都都来了，就就这样')).toEqual(['是是', '在在', '都都', '就就']);
    expect(inBody('repeated-word', '我们的的的茶园')).toEqual(['的的的']);
  });

  it('leaves reduplication and word boundaries alone', () => {
    expect(inBody('repeated-word', '常常、谢谢、慢慢、看看、人人、天天、是是非非、的的确确、和和美美、不了了之')).toEqual([]);
    expect(inBody('repeated-word', '达到目的的手段，他现在在北京，为了了解情况，但是是否可行，以及及时处理，首都都市圈，成就就业')).toEqual([]);
  });

  it('finds repeated English words, whatever their case', () => {
    const found = findingsOf('repeated-word', englishArticle({ blocks: [p('It was the the best year. The the crop grew.')] }));
    expect(found.map((f) => [f.location.start, f.location.end, f.text, f.fix?.replacement])).toEqual([
      [7, 14, 'the the', 'the'],
      [26, 33, 'The the', 'The'],
    ]);
    expect(found[0]!.message.en).toBe('Repeated word “the the” in “…t was the the best …”.');
    expect(inBody('repeated-word', 'and and and then')).toEqual(['and and and']);
  });

  it('leaves legitimate English repeats and different words alone', () => {
    expect(textsOf('repeated-word', englishArticle({ blocks: [p('He said that that was fine. They had had enough. Bye bye. the theory, then the')] }))).toEqual([]);
    expect(inBody('repeated-word', 'café café is not a Latin pair, nor is the the-end')).toEqual([]);
  });
});

describe('double-space', () => {
  it('finds runs of spaces between words and leaves one', () => {
    const found = findingsOf('double-space', englishArticle({ blocks: [p('The county  has   sensors.')] }));
    expect(found.map((f) => [f.location.start, f.location.end, f.text, f.fix?.replacement])).toEqual([
      [10, 12, '  ', ' '],
      [15, 18, '   ', ' '],
    ]);
    expect(found[0]!.message.en).toBe('2 spaces in a row: “…e county  has   se…”.');
    expect(inBody('double-space', '引入  AI 技术')).toEqual(['  ']);
  });

  it('leaves single spaces, edges, line breaks and full-width indentation alone', () => {
    expect(inBody('double-space', '  开头和结尾的空格  ')).toEqual([]);
    expect(inBody('double-space', '　　段首缩进，引入 AI 技术。')).toEqual([]);
    expect(textsOf('double-space', englishArticle({ blocks: [p('One space only. Before a comma  , is another rule.')] }))).toEqual([]);
  });
});

describe('broken-sentence', () => {
  it('finds a Chinese sentence split across paragraphs', () => {
    const content = article({ blocks: [p('在位于县城东郊的雾溪茶叶产'), p('业园，生产线正在运转。')] });
    const found = findingsOf('broken-sentence', content);
    expect(found.map((f) => [f.location, f.text])).toEqual([[{ field: 'body', block: 0, paragraph: 1, start: 5, end: 13 }, '县城东郊的雾溪茶叶产'.slice(2)]]);
    expect(found[0]!.message['zh-CN']).toBe('本段在句子中间结束（“…东郊的雾溪茶叶产”），下一段接着写（“业园，生产线正在…”），请合并两段或补全句子。');
    expect(textsOf('broken-sentence', article({ blocks: [p('茶农说，'), p('今年收成好。')] }))).toEqual(['茶农说，']);
  });

  it('finds an English sentence split across paragraphs', () => {
    const content = englishArticle({ blocks: [p('The county said that'), p('exports rose again.')] });
    expect(findingsOf('broken-sentence', content).map((f) => [f.location.block, f.text])).toEqual([[0, 'aid that']]);
    expect(textsOf('broken-sentence', englishArticle({ blocks: [p('Output rose,'), p('and so did prices.')] }))).toEqual(['ut rose,']);
  });

  it('finds a Chinese sentence that carries on with a quotation', () => {
    const first = '近年来，茶叶已经成为雾溪县的';
    expect(textsOf('broken-sentence', article({ blocks: [p(first), p('“当家产业”，带动三万户茶农增收。')] }))).toEqual([first.slice(-8)]);
    expect(textsOf('broken-sentence', article({ blocks: [p('他介绍，这本'), p('《茶经》是镇馆之宝。')] }))).toEqual(['他介绍，这本']);
  });

  it('finds an English sentence split next to a closing quote', () => {
    const before = 'He spoke of "a county with new",';
    expect(textsOf('broken-sentence', englishArticle({ blocks: [p(before), p('Innovation drives the tea trade.')] }))).toEqual([before.slice(-8)]);
    const cut = 'He spoke of "a county with new';
    expect(textsOf('broken-sentence', englishArticle({ blocks: [p(cut), p('", Innovation drives the tea trade.')] }))).toEqual([cut.slice(-8)]);
    expect(textsOf('broken-sentence', englishArticle({ blocks: [p('Exports rose in the'), p('"tea county" last year.')] }))).toEqual(['e in the']);
  });

  it('looks past figures to the next paragraph', () => {
    expect(textsOf('broken-sentence', article({ blocks: [p('茶园里的'), fig(), p('茶农正在采茶。')] }))).toEqual(['茶园里的']);
  });

  it('leaves finished sentences, headings, lists and new sentences alone', () => {
    expect(textsOf('broken-sentence', article({ blocks: [p('茶园面积达28万亩。'), p('茶农收入增长。')] }))).toEqual([]);
    expect(textsOf('broken-sentence', article({ blocks: [h('茶园装上千里眼'), p('清晨六点，茶农打开手机。')] }))).toEqual([]);
    expect(textsOf('broken-sentence', article({ blocks: [p('主要措施有'), list('建设监测点位', '培训茶农')] }))).toEqual([]);
    expect(textsOf('broken-sentence', article({ blocks: [p('他说：“好。”'), p('茶农笑了。')] }))).toEqual([]);
    expect(textsOf('broken-sentence', article({ blocks: [p('（完）'), p('编后')] }))).toEqual([]);
    expect(textsOf('broken-sentence', englishArticle({ blocks: [p('Exports rose'), p('Prices fell.'), p('Sales of the'), p('iPhone grew.')] }))).toEqual([]);
  });

  it('checks block quotes as paragraphs', () => {
    expect(textsOf('broken-sentence', article({ blocks: [quote('他在信中写道，'), p('今年一定会更好。')] }))).toEqual(['他在信中写道，']);
  });
});

describe('comma-capital', () => {
  it('finds a capitalised sentence starter after a comma', () => {
    const text = 'He said that for Guizhou, It is to base growth on tea.';
    const found = findingsOf('comma-capital', englishArticle({ blocks: [p(text)] }));
    expect(found.map((f) => [f.location.start, f.location.end, f.text])).toEqual([[24, 28, ', It']]);
    expect(found[0]!.message.en).toBe('Capital “It” after a comma in “… for Guizhou, It is to base …”: end the sentence with a full stop, or write “it”.');
    expect(found[0]!.fix).toBeUndefined();
    expect(inBody('comma-capital', '他说 prices rose, The market grew, We agree, In 2024, They left.')).toEqual([', The', ', We', ', In', ', They']);
  });

  it('leaves names, other capitals and lower case alone', () => {
    expect(textsOf('comma-capital', englishArticle({ blocks: [p('In London, The Guardian said so, A Song of Ice too, Beijing, Shanghai, and it grew, then Italy.')] }))).toEqual([]);
    expect(inBody('comma-capital', '茶园，The 里')).toEqual([]);
  });
});

describe('long-paragraph', () => {
  it('finds paragraphs over 500 characters, whitespace not counted', () => {
    const long = '茶'.repeat(501);
    const content = article({ blocks: [p(long), p(`${'茶 '.repeat(500)}`), h('茶'.repeat(600)), quote('字'.repeat(700))] });
    const found = findingsOf('long-paragraph', content);
    expect(found.map((f) => [f.location, f.text.length])).toEqual([
      [{ field: 'body', block: 0, paragraph: 1, start: 0, end: 501 }, 501],
      [{ field: 'body', block: 3, paragraph: 3, start: 0, end: 700 }, 700],
    ]);
    expect(found[0]!.message['zh-CN']).toBe('以“茶茶茶茶茶茶茶茶茶茶茶茶茶茶茶茶…”开头的段落有501个字，超过500字，建议拆分。');
    expect(found[0]!.severity).toBe('recommended');
  });

  it('follows the workspace limit, in English too', () => {
    const text = 'Tea grows here. '.repeat(10);
    expect(textsOf('long-paragraph', englishArticle({ blocks: [p(text)] }))).toEqual([]);
    expect(textsOf('long-paragraph', englishArticle({ blocks: [p(text)] }), settingsWith({ paragraphMaxChars: 100 }))).toEqual([text]);
  });
});
