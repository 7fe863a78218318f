import fc from 'fast-check';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, paragraphOf, textNode, type BodyNode } from '../../../src/shared/article/body';
import { suggestionNode } from '../../../src/shared/suggestions/build';
import type { Authorship, SuggestionKind } from '../../../src/shared/suggestions/model';

/** Test data: paragraphs written as runs of text, each plain or inside someone's suggestion. */
export interface Run {
  text: string;
  format: number;
  state: 'plain' | { kind: SuggestionKind; person: number };
}

export const PEOPLE: Authorship[] = [
  { by: 'u-wangli01', byName: '王丽', at: '2025-05-06T08:00:00.000Z', stage: 'first' },
  { by: 'u-zhaomin1', byName: '赵敏', at: '2025-05-06T09:00:00.000Z', stage: 'second' },
  { by: '', byName: 'Word author', at: '2025-05-06T10:00:00.000Z', stage: 'draft' },
];

export function content(body: BodyNode[], extra: Partial<ArticleContent> = {}): ArticleContent {
  return { channel: ['要闻'], headline: '千年茶山', deck: '', byline: '记者 林晓岚', language: 'zh-CN', body: bodyOf(body), ...extra };
}

/** Text nodes as Lexical keeps them: neighbours of one format joined. */
function texts(runs: readonly Run[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.format === run.format) last.text += run.text;
    else out.push(textNode(run.text, run.format));
  }
  return out;
}

const sameState = (a: Run['state'], b: Run['state']) => a === b || (typeof a === 'object' && typeof b === 'object' && a.kind === b.kind && a.person === b.person);

/** A paragraph with its suggestions, and the same paragraph before them and with them accepted. */
export function paragraphs(runs: readonly Run[], ids: () => string): { suggested: BodyNode; base: BodyNode; intended: BodyNode } {
  const children: BodyNode[] = [];
  let group: Run[] = [];
  let lastDelete: { person: number; node: BodyNode } | null = null;
  const flush = () => {
    if (group.length === 0) return;
    const state = group[0]!.state;
    if (state === 'plain') {
      children.push(...texts(group));
      lastDelete = null;
    } else {
      const attrs = { ...PEOPLE[state.person]!, kind: state.kind, id: ids() };
      const node = suggestionNode(attrs, texts(group));
      // An insertion right after the same person's deletion is their replacement of it.
      if (state.kind === 'insert' && lastDelete && lastDelete.person === state.person) {
        const shared = ids();
        lastDelete.node.group = shared;
        node.group = shared;
      }
      children.push(node);
      lastDelete = state.kind === 'delete' ? { person: state.person, node } : null;
    }
    group = [];
  };
  for (const run of runs) {
    if (group.length > 0 && !sameState(group[0]!.state, run.state)) flush();
    group.push(run);
  }
  flush();
  const keep = (kind: SuggestionKind) => runs.filter((r) => r.state === 'plain' || r.state.kind === kind);
  return { suggested: paragraphOf(children), base: paragraphOf(texts(keep('delete'))), intended: paragraphOf(texts(keep('insert'))) };
}

export const runArbitrary: fc.Arbitrary<Run> = fc.record({
  text: fc.string({ unit: fc.constantFrom('茶', '山', '村', 'a', 'b', ' ', '，', '。'), minLength: 1, maxLength: 6 }),
  format: fc.constantFrom(0, 0, 1, 2),
  state: fc.oneof(
    { weight: 2, arbitrary: fc.constant('plain' as const) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom<SuggestionKind>('insert', 'delete'), person: fc.integer({ min: 0, max: PEOPLE.length - 1 }) }) },
  ),
});

/** Makes ids s-000001, s-000002… in order, so two builds of the same runs are equal. */
export function idMaker(): () => string {
  let n = 0;
  return () => `s-${String(++n).padStart(6, '0')}`;
}

/** A whole article of suggested paragraphs with its base and intended versions. */
export function articleOf(blocks: readonly Run[][]): { suggested: ArticleContent; base: ArticleContent; intended: ArticleContent } {
  const ids = idMaker();
  const built = blocks.map((runs) => paragraphs(runs, ids));
  return {
    suggested: content(built.map((b) => b.suggested)),
    base: content(built.map((b) => b.base)),
    intended: content(built.map((b) => b.intended)),
  };
}
