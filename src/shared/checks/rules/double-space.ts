/**
 * Two or more spaces between words; the fix leaves one. Spaces at the start or end of a text,
 * around a line break, or before punctuation (space-before-punctuation) are not counted here.
 */
import { segmentRule, type RawFinding } from '../rule';
import { q, textAfter, textBefore } from '../text';
import { NO_SPACE_BEFORE } from './space-before-punctuation';

const RUNS = /[ \u00a0]{2,}/g;

export const doubleSpaceRule = segmentRule('double-space', () => (text) => {
  const out: RawFinding[] = [];
  RUNS.lastIndex = 0;
  for (let m = RUNS.exec(text); m !== null; m = RUNS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end === text.length) continue;
    const before = text[start - 1]!;
    const after = text[end]!;
    if (before === '\n' || after === '\n' || before === '\u3000' || after === '\u3000' || NO_SPACE_BEFORE.includes(after)) continue;
    const shown = q(`${textBefore(text, start, 8)}${m[0]}${textAfter(text, end, 8)}`);
    out.push({
      rule: 'double-space',
      start,
      end,
      message: { en: `${m[0].length} spaces in a row: ${shown}.`, 'zh-CN': `连续${m[0].length}个空格：${shown}。` },
      fix: { label: { en: 'Leave one space', 'zh-CN': '只留一个空格' }, replacement: ' ' },
    });
  }
  return out;
});
