import type { ArticleContent } from '../article/article';
import type { BodyNode } from '../article/body';
import { personKey, suggestionAttrs, suggestionKey, type Authorship, type FieldProposal, type ProposalField } from './model';

export type SuggestionPlace = { field: 'body'; block: number } | { field: 'caption' | 'credit'; figure: number } | { field: 'headline' | 'deck' | 'byline' };

/** One pending suggestion as the panel lists it and a decision names it (by `key`). */
export interface SuggestionSummary extends Authorship {
  key: string;
  /** insert / delete / replace in the body; field for a proposal on a plain field. */
  kind: 'insert' | 'delete' | 'replace' | 'field';
  place: SuggestionPlace;
  /** The text it would add and the text it would take away (a field proposal: its proposed and base values). */
  inserted: string;
  deleted: string;
}

function inlineText(node: BodyNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return (node.children ?? []).map(inlineText).join('');
}

/** Every pending suggestion of an article, in reading order: fields, then the body with its figures. */
export function listSuggestions(content: ArticleContent): SuggestionSummary[] {
  const out: SuggestionSummary[] = [];
  const byKey = new Map<string, SuggestionSummary>();
  const proposal = (p: FieldProposal, place: SuggestionPlace) =>
    out.push({ key: p.id, kind: 'field', place, by: p.by, byName: p.byName, at: p.at, stage: p.stage, inserted: p.proposed, deleted: p.base });
  for (const field of ['headline', 'deck', 'byline'] as const) {
    for (const p of content.proposals ?? []) if (p.field === field) proposal(p, { field });
  }
  let figure = 0;
  const visit = (node: BodyNode, block: number) => {
    if (node.type === 'figure') {
      const proposals = (node.proposals as FieldProposal[] | undefined) ?? [];
      for (const field of ['caption', 'credit'] as const satisfies ProposalField[]) {
        for (const p of proposals) if (p.field === field) proposal(p, { field, figure });
      }
      figure++;
      return;
    }
    const attrs = suggestionAttrs(node);
    if (attrs) {
      const key = suggestionKey(attrs);
      const text = inlineText(node);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { key, kind: attrs.kind, place: { field: 'body', block }, by: attrs.by, byName: attrs.byName, at: attrs.at, stage: attrs.stage, inserted: '', deleted: '' };
        byKey.set(key, entry);
        out.push(entry);
      } else if (entry.kind !== attrs.kind) entry.kind = 'replace';
      if (attrs.kind === 'insert') entry.inserted += text;
      else entry.deleted += text;
      return;
    }
    for (const child of node.children ?? []) visit(child, block);
  };
  (content.body.root.children ?? []).forEach((node, block) => visit(node, block));
  return out;
}

/** Who has suggestions pending, with how many each, in the order they first appear. */
export function suggestersOf(suggestions: readonly SuggestionSummary[]): Array<{ key: string; by: string; byName: string; count: number }> {
  const people = new Map<string, { key: string; by: string; byName: string; count: number }>();
  for (const s of suggestions) {
    const key = personKey(s);
    const entry = people.get(key) ?? { key, by: s.by, byName: s.byName, count: 0 };
    entry.count++;
    people.set(key, entry);
  }
  return [...people.values()];
}

/** One string for the pending suggestions of a content: equal when the same ones are pending. */
export function pendingSuggestionsKey(content: ArticleContent): string {
  return JSON.stringify(listSuggestions(content).map((s) => [s.key, s.kind, s.by, s.byName, s.at, s.stage, s.place, s.inserted, s.deleted]));
}
