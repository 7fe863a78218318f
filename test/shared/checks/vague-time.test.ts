import { describe, expect, it } from 'vitest';
import { englishArticle, findingsOf, inBody, p, textsOf } from './helpers';

describe('vague-time', () => {
  it('finds vague Chinese time words', () => {
    expect(inBody('vague-time', '近日，县里召开会议。日前又有消息。近期将推广，最近还说，近来如此，前不久和不久前都有。')).toEqual(['近日', '日前', '近期', '最近', '近来', '前不久', '不久前']);
    const [finding] = findingsOf('vague-time', englishArticle({ language: 'zh-CN', blocks: [p('近日，县里召开会议。')] }));
    expect(finding).toMatchObject({ severity: 'recommended', location: { field: 'body', block: 0, start: 0, end: 2 } });
    expect(finding!.message['zh-CN']).toBe('时间表述模糊：“近日，县里召开会议。”中的“近日”，如知道具体日期请写明。');
  });

  it('finds vague English time words', () => {
    const found = findingsOf('vague-time', englishArticle({ blocks: [p('Recently the county said, lately, that in recent days and in recent weeks the other day was busy.')] }));
    expect(found.map((f) => [f.location.start, f.text])).toEqual([
      [0, 'Recently'],
      [26, 'lately'],
      [39, 'in recent days'],
      [58, 'in recent weeks'],
      [74, 'the other day'],
    ]);
    expect(found[0]!.message.en).toBe('Vague time “Recently” in “Recently the cou…”: give the date if it is known.');
  });

  it('leaves dates and look-alikes alone', () => {
    expect(inBody('vague-time', '6月30日前完成，三十日前报名，节日前后，工作日前一天，2024年6月1日召开。')).toEqual([]);
    expect(textsOf('vague-time', englishArticle({ blocks: [p('On June 1 the county said the recentlyish trend of latelyness was over.')] }))).toEqual([]);
  });
});
