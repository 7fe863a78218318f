/**
 * A word typed twice: English words (“the the”) and the Chinese function characters
 * 的了是在和与及也都就 (“的的”, “了了”). Other Chinese characters are never checked, so
 * reduplication (常常, 谢谢, 看看, 人人) is left alone; so are AABB forms (是是非非, 的的确确)
 * and the places where the pair is the end of one word and the start of the next (目的的,
 * 现在在, 为了了解, 但是是否). The fix keeps one.
 */
import { segmentRule, type RawFinding } from '../rule';
import { inContext, isHan, q } from '../text';

const CHINESE_RUN = /([的了是在和与及也都就])\1+/g;
/**
 * Latin words repeated with only spaces or a line break between (“the the”, “The the”). \b
 * keeps the scan to word starts; the edges are checked again by hand for accented letters.
 */
const LATIN_RUN = /\b([A-Za-z]+)(?:[ \u00a0\n]+\1\b)+/gi;
const WORD_EDGE = /[A-Za-z0-9\u00C0-\u024F'’_-]/;

/**
 * Characters that, standing before the pair, end a word with its first character (目的, 现在),
 * or, standing after it, start a word with its second (了解, 是否).
 */
const WORD_EDGES: Record<string, { before: string; after: string }> = {
  的: { before: '目有端', after: '确士' },
  了: { before: '为除到好', after: '解结却得' },
  是: { before: '但就可总还要于只正也都或不真凡若像便即硬倒算却而乃更又', after: '否非的' },
  在: { before: '现正存实所自好内外潜健', after: '于乎场意' },
  和: { before: '平温缓共柔调总暖祥随附', after: '平谐气睦美善解' },
  与: { before: '参给赋授', after: '其会' },
  及: { before: '以涉普波危不顾触论提遍企', after: '时早格' },
  也: { before: '', after: '许' },
  都: { before: '首古国京成故旧', after: '市会' },
  就: { before: '成造迁将屈高俯', after: '业医读近职地餐任诊算' },
};
/** Word pairs that are fine twice: “that that”, “had had”, “bye bye”. */
const LATIN_ALLOWED = new Set(['that', 'had', 'bye', 'so', 'very', 'no', 'ha', 'ho', 'hey', 'yeah', 'blah', 'knock', 'tut', 'boo', 'hush', 'there', 'bang', 'chop', 'now', 'well', 'yes', 'go', 'pom', 'mahi', 'dum']);

function chineseFalseAlarm(text: string, start: number, end: number): boolean {
  const char = text[start]!;
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (end - start === 2) {
    // AABB: 是是非非, 的的确确, 和和美美.
    if (after !== '' && after !== char && isHan(after.charCodeAt(0)) && text[end + 1] === after) return true;
    if (char === '了' && before === '不' && after === '之') return true; // 不了了之
  }
  const edges = WORD_EDGES[char]!;
  return (before !== '' && edges.before.includes(before)) || (after !== '' && edges.after.includes(after));
}

function finding(text: string, start: number, end: number, keep: string): RawFinding {
  const run = text.slice(start, end);
  const shown = q(inContext(text, start, end, 6));
  return {
    rule: 'repeated-word',
    start,
    end,
    message: { en: `Repeated word ${q(run)} in ${shown}.`, 'zh-CN': `字词重复：${shown}中的${q(run)}。` },
    fix: { label: { en: `Keep one “${keep}”`, 'zh-CN': `只保留一个“${keep}”` }, replacement: keep },
  };
}

export const repeatedWordRule = segmentRule('repeated-word', () => (text) => {
  const out: RawFinding[] = [];
  CHINESE_RUN.lastIndex = 0;
  for (let m = CHINESE_RUN.exec(text); m !== null; m = CHINESE_RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!chineseFalseAlarm(text, start, end)) out.push(finding(text, start, end, m[1]!));
  }
  LATIN_RUN.lastIndex = 0;
  for (let m = LATIN_RUN.exec(text); m !== null; m = LATIN_RUN.exec(text)) {
    const word = m[1]!;
    const end = m.index + m[0].length;
    if (LATIN_ALLOWED.has(word.toLowerCase())) continue;
    if (WORD_EDGE.test(text[m.index - 1] ?? '') || WORD_EDGE.test(text[end] ?? '')) continue;
    out.push(finding(text, m.index, end, word));
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
});
