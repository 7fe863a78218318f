/**
 * Half-width , . ; : ? ! between Chinese characters; the fix is the full-width mark. Spaces
 * between the Chinese character and the mark do not make it English (“茶园 ,” is still Chinese
 * text: removing the space must not reveal a new finding).
 */
import { segmentRule, type RawFinding } from '../rule';
import { isHan, isInlineSpace, q, textAfter, textBefore } from '../text';

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！' };
const CANDIDATES = /[,.;:?!]/g;
/**
 * Chinese quotes and brackets count as Chinese text on the side after the mark, and so does a
 * straight " (in Chinese text it is a misplaced “ or ”, and fixing it must not reveal a finding).
 */
const CJK_MARKS = new Set('“”‘’《》〈〉（）【】「」『』"'.split('').map((c) => c.charCodeAt(0)));

function chineseAfter(text: string, i: number, mark: string): boolean {
  if (i + 1 >= text.length) return mark === '.' || mark === '?' || mark === '!';
  const code = text.charCodeAt(i + 1);
  return isHan(code) || CJK_MARKS.has(code);
}

export const halfwidthPunctuationRule = segmentRule('halfwidth-punctuation', () => (text) => {
  const out: RawFinding[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) {
    const i = m.index;
    let before = i - 1;
    while (before >= 0 && isInlineSpace(text.charCodeAt(before))) before--;
    if (before < 0 || !isHan(text.charCodeAt(before))) continue;
    const mark = m[0];
    if (!chineseAfter(text, i, mark)) continue;
    const full = FULL_WIDTH[mark]!;
    const context = q(`${textBefore(text, i, 6)}${mark}${textAfter(text, i + 1, 6)}`);
    out.push({
      rule: 'halfwidth-punctuation',
      start: i,
      end: i + 1,
      message: {
        en: `Half-width “${mark}” in Chinese text: ${context}. Use the full-width “${full}”.`,
        'zh-CN': `中文里用了半角标点“${mark}”：${context}，应为全角“${full}”。`,
      },
      fix: { label: { en: `Change to “${full}”`, 'zh-CN': `改为“${full}”` }, replacement: full },
    });
  }
  return out;
});
