/**
 * Vague time words where news should give a date: 近日, 日前, 近期, 最近, 近来, 前不久, 不久前,
 * and “recently”, “lately”, “in recent days/weeks/months”, “the other day”. 日前 after a date
 * or a day word (6月30日前, 节日前, 工作日前) means “before that day” and is not flagged.
 */
import { Matcher } from '../matcher';
import { segmentRule, type RawFinding } from '../rule';
import { inContext, isDigit, q } from '../text';

const CHINESE_WORDS = ['近日', '日前', '近期', '最近', '近来', '前不久', '不久前'];
const ENGLISH = /(?<![A-Za-z])(?:recently|lately|in recent (?:days|weeks|months)|the other day)(?![A-Za-z])/gi;
/** Before 日前, these make 日 part of a date or a day word: 30日前, 三十日前, 节日前, 工作日前. */
const DAY_WORD_BEFORE = '〇零一二三四五六七八九十节假生作末周当该次首每今明昨前后翌';

const chinese = new Matcher(CHINESE_WORDS);

function finding(text: string, start: number, end: number): RawFinding {
  const word = text.slice(start, end);
  const shown = q(inContext(text, start, end, 8));
  return {
    rule: 'vague-time',
    start,
    end,
    message: {
      en: `Vague time ${q(word)} in ${shown}: give the date if it is known.`,
      'zh-CN': `时间表述模糊：${shown}中的${q(word)}，如知道具体日期请写明。`,
    },
  };
}

export const vagueTimeRule = segmentRule('vague-time', () => (text) => {
  const out: RawFinding[] = [];
  for (const { start, end } of chinese.find(text)) {
    if (text.startsWith('日前', start) && start > 0) {
      const before = text.charCodeAt(start - 1);
      if (isDigit(before) || DAY_WORD_BEFORE.includes(text[start - 1]!)) continue;
    }
    out.push(finding(text, start, end));
  }
  ENGLISH.lastIndex = 0;
  for (let m = ENGLISH.exec(text); m !== null; m = ENGLISH.exec(text)) out.push(finding(text, m.index, m.index + m[0].length));
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
});
