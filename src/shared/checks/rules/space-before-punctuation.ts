/**
 * Spaces before , . ; : ? ! and their Chinese forms, and before closing brackets; the fix removes
 * them, except between two stops (“. .”), where removing the space would double the punctuation.
 */
import { segmentRule, type RawFinding } from '../rule';
import { q, textBefore } from '../text';

/** The marks a space must not precede. */
export const NO_SPACE_BEFORE = ',.;:?!，。、；：？！）)】]》」』”';
/** A space right before one of those marks (one character and a lookahead: nothing to backtrack). */
const CANDIDATES = /[ \u00a0\u3000](?=[,.;:?!，。、；：？！）)】\]》」』”])/g;

/** Stops that doubled-punctuation reads as a run when they touch: removing the space between two is no fix. */
const STOPS = '，。、；：？！,;:?!.';

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x3000;
}

export const spaceBeforePunctuationRule = segmentRule('space-before-punctuation', () => (text) => {
  const out: RawFinding[] = [];
  CANDIDATES.lastIndex = 0;
  let previousEnd = 0;
  for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) {
    const p = m.index + 1;
    const mark = text[p]!;
    // “ .5” is a number; “and ...” is an ellipsis, spaced by house style in English.
    if (mark === '.' && (text[p + 1] === '.' || /\d/.test(text[p + 1] ?? ''))) continue;
    let s = p - 1;
    while (s > previousEnd && isSpace(text.charCodeAt(s - 1))) s--;
    previousEnd = p;
    const shown = q(`${textBefore(text, s, 8)}${text.slice(s, p)}${mark}`);
    const finding: RawFinding = {
      rule: 'space-before-punctuation',
      start: s,
      end: p,
      message: { en: `Space before “${mark}”: ${shown}.`, 'zh-CN': `“${mark}”前面多了空格：${shown}。` },
    };
    if (!(s > 0 && STOPS.includes(text[s - 1]!) && STOPS.includes(mark))) finding.fix = { label: { en: 'Remove the space', 'zh-CN': '删去空格' }, replacement: '' };
    out.push(finding);
  }
  return out;
});
