/**
 * The same quantity (value and unit) written in different forms in one article: digits and
 * Chinese numerals (28万亩 / 二十八万亩, 3.5% / 百分之三点五), with and without thousands
 * separators (1,000 / 1000 people), or with and without 万 (28万 / 280,000). The form used
 * most for that quantity is the reference (the first one seen when tied); every occurrence in
 * another form is marked, with the fix to the reference spelling.
 */
import { scanNumbers } from '../numbers';
import { aroundEdit, articleRule, type SegmentFinding } from '../rule';
import { q } from '../text';

export interface NumberFact {
  start: number;
  end: number;
  text: string;
  unitText: string;
  key: string;
  shape: string;
}

const NONE: NumberFact[] = [];

export function scanNumberFacts(text: string): NumberFact[] {
  const tokens = scanNumbers(text);
  if (tokens.length === 0) return NONE;
  const out: NumberFact[] = [];
  for (const token of tokens) {
    if (!token.comparable || token.value === null) continue;
    out.push({ start: token.start, end: token.end, text: token.text, unitText: token.unitText, key: `${token.value}|${token.unit}`, shape: token.shape });
  }
  return out.length === 0 ? NONE : out;
}

interface Occurrence {
  segment: number;
  fact: NumberFact;
}

/** The same quantities in the same forms, wherever they stand. */
function sameNumbers(a: readonly NumberFact[], b: readonly NumberFact[]): boolean {
  return a.length === b.length && a.every((fact, i) => fact.key === b[i]!.key && fact.shape === b[i]!.shape);
}

export const numberFormsRule = articleRule<NumberFact[]>('number-forms', () => ({
  scan: scanNumberFacts,
  // Another rule's fix must not change a number's reading (1,,000 → 1,000 is a new form of 1000).
  allowsFix(edit) {
    if (edit.rule === 'number-forms') return true;
    const { before, after } = aroundEdit(edit);
    return sameNumbers(scanNumberFacts(before), scanNumberFacts(after));
  },
  collect({ facts }) {
    // First pass: the shapes each quantity is written in; most quantities have one.
    const firstShape = new Map<string, string>();
    const mixed = new Set<string>();
    for (const list of facts) {
      for (const fact of list) {
        const seen = firstShape.get(fact.key);
        if (seen === undefined) firstShape.set(fact.key, fact.shape);
        else if (seen !== fact.shape) mixed.add(fact.key);
      }
    }
    if (mixed.size === 0) return [];
    const groups = new Map<string, Occurrence[]>();
    facts.forEach((list, segment) => {
      for (const fact of list) {
        if (!mixed.has(fact.key)) continue;
        let group = groups.get(fact.key);
        if (!group) groups.set(fact.key, (group = []));
        group.push({ segment, fact });
      }
    });
    const out: SegmentFinding[] = [];
    for (const group of groups.values()) {
      const counts = new Map<string, number>();
      for (const { fact } of group) counts.set(fact.shape, (counts.get(fact.shape) ?? 0) + 1);
      let reference = group[0]!.fact.shape;
      for (const [shape, count] of counts) if (count > counts.get(reference)!) reference = shape;
      const model = group.find((o) => o.fact.shape === reference)!.fact;
      const modelShown = q(`${model.text}${model.unitText}`);
      for (const { segment, fact } of group) {
        if (fact.shape === reference) continue;
        const shown = q(`${fact.text}${fact.unitText}`);
        out.push({
          rule: 'number-forms',
          segment,
          start: fact.start,
          end: fact.end,
          message: {
            en: `${shown} is written ${modelShown} elsewhere in the article. Write the same number the same way throughout.`,
            'zh-CN': `${shown}在文中其他地方写作${modelShown}，同一数字应统一写法。`,
          },
          fix: { label: { en: `Write it as “${model.text}”`, 'zh-CN': `改为“${model.text}”` }, replacement: model.text },
        });
      }
    }
    return out;
  },
}));
