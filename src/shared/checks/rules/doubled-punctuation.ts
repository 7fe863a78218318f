/**
 * The same punctuation mark typed twice (，， 。。 !! ??), or two Chinese stops side by side
 * (，。). Ellipses (…… and ...) and dashes (——) are not punctuation doubled by mistake, nor are
 * ？！ and ?! used together.
 */
import { segmentRule, type RawFinding } from '../rule';
import { q } from '../text';

/** Chinese stops: two of these together is always a slip. */
const STOPS = '，。、；：';
/** Marks that may stand together with STOPS in a run (？。 is a slip too). */
const CHINESE = `${STOPS}？！`;
const CANDIDATES = /[，。、；：？！,;:?!.]{2,}/g;

function finding(start: number, end: number, run: string, fix: string | null): RawFinding {
  return {
    rule: 'doubled-punctuation',
    start,
    end,
    message: { en: `Doubled punctuation ${q(run)}.`, 'zh-CN': `标点重复：${q(run)}。` },
    ...(fix === null ? {} : { fix: { label: { en: `Keep one “${fix}”`, 'zh-CN': `只保留一个“${fix}”` }, replacement: fix } }),
  };
}

export const doubledPunctuationRule = segmentRule('doubled-punctuation', () => (text) => {
  const out: RawFinding[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) {
    const run = m[0];
    // Split the run into stretches: Chinese marks together, and each ASCII mark repeated.
    let i = 0;
    while (i < run.length) {
      const c = run[i]!;
      let j = i + 1;
      if (CHINESE.includes(c)) while (j < run.length && CHINESE.includes(run[j]!)) j++;
      else while (j < run.length && run[j] === c) j++;
      const part = run.slice(i, j);
      const start = m.index + i;
      if (part.length >= 2) {
        const same = [...part].every((ch) => ch === c);
        if (same) {
          if (c === '.') {
            if (part.length === 2) out.push(finding(start, start + 2, part, null));
          } else out.push(finding(start, start + part.length, part, c));
        } else if ([...part].some((ch) => STOPS.includes(ch))) {
          out.push(finding(start, start + part.length, part, null));
        }
      }
      i = j;
    }
  }
  return out;
});
