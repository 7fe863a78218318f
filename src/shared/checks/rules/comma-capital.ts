/**
 * English: a comma followed by a capitalised sentence starter, as in “said that for Guizhou,
 * It is to base…”: the comma should be a full stop, or the word lower case. Only common
 * sentence starters are checked (It, This, The, We, They, He, She, There, That, These, Those,
 * In, On, At, For, To, A, An), and “The”, “A” or “An” followed by another capitalised word is
 * taken for a name (“, The Guardian”). No fix: which of the two corrections is right depends
 * on the sentence.
 */
import { segmentRule, type RawFinding } from '../rule';
import { inContext, isUpper, q } from '../text';

const PATTERN = /,[ \u00a0]+(It|This|The|We|They|He|She|There|That|These|Those|In|On|At|For|To|A|An)(?![A-Za-z\u00C0-\u024F'’-])/g;
const ARTICLES = new Set(['The', 'A', 'An']);

export const commaCapitalRule = segmentRule('comma-capital', () => (text) => {
  if (!text.includes(',')) return [];
  const out: RawFinding[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
    const word = m[1]!;
    const end = m.index + m[0].length;
    if (ARTICLES.has(word) && text[end] === ' ' && isUpper(text.charCodeAt(end + 1))) continue;
    const shown = q(inContext(text, m.index, end, 12));
    out.push({
      rule: 'comma-capital',
      start: m.index,
      end,
      message: {
        en: `Capital “${word}” after a comma in ${shown}: end the sentence with a full stop, or write “${word.toLowerCase()}”.`,
        'zh-CN': `逗号后的“${word}”首字母大写：${shown}。要么把逗号改为句号，要么改为小写“${word.toLowerCase()}”。`,
      },
    });
  }
  return out;
});
