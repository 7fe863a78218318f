import type { ArticleContent } from '../article/article';
import type { BodyNode } from '../article/body';
import { FIGURE_PROPOSAL_FIELDS, META_PROPOSAL_FIELDS, personKey, suggestionKey, type Authorship, type FieldProposal } from './model';
import { applyProposal, rebaseProposals } from './proposals';
import { resolveBody, type Decision } from './resolve-body';

/** Which pending suggestions a decision is about: given by key, by one person, or all. */
export type SuggestionFilter = { keys: readonly string[] } | { person: string } | 'all';

function matcher(filter: SuggestionFilter): (who: Authorship, key: string) => boolean {
  if (filter === 'all') return () => true;
  if ('person' in filter) return (who) => personKey(who) === filter.person;
  const keys = new Set(filter.keys);
  return (_who, key) => keys.has(key);
}

/** The listed suggestions a filter chooses. */
export function selectSuggestions<S extends Authorship & { key: string }>(list: readonly S[], filter: SuggestionFilter): S[] {
  const selected = matcher(filter);
  return list.filter((s) => selected(s, s.key));
}

export interface Decided {
  content: ArticleContent;
  /** Field proposals that could not be accepted: the field changed since, and they clash with it. */
  refused: string[];
}

/** Decides the proposals on one field: accepted ones applied in turn, the rest rebased onto the result. */
function decideField(value: string, proposals: readonly FieldProposal[], selected: (p: FieldProposal) => boolean, decision: Decision, language: string, refused: string[]) {
  let next = value;
  let pending: FieldProposal[] = [];
  for (const proposal of [...proposals].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!selected(proposal)) {
      pending.push(proposal);
      continue;
    }
    if (decision === 'reject') continue;
    const applied = applyProposal(next, proposal, language);
    if (applied === null) {
      refused.push(proposal.id);
      pending.push(proposal);
      continue;
    }
    next = applied;
    pending = rebaseProposals(pending, next, language);
  }
  return { value: next, pending: next === value ? pending : rebaseProposals(pending, next, language) };
}

/** A figure node with the chosen caption and credit proposals decided, or the same node. */
export function decideFigure(node: BodyNode, filter: SuggestionFilter, decision: Decision, language: string, refused: string[] = []): BodyNode {
  const selected = matcher(filter);
  const proposals = (node.proposals as FieldProposal[] | undefined) ?? [];
  if (!proposals.some((p) => selected(p, p.id))) return node;
  const out: BodyNode = { ...node };
  let kept: FieldProposal[] = [];
  for (const field of FIGURE_PROPOSAL_FIELDS) {
    const result = decideField(String(node[field] ?? ''), proposals.filter((p) => p.field === field), (p) => selected(p, p.id), decision, language, refused);
    out[field] = result.value;
    kept = kept.concat(result.pending);
  }
  if (kept.length > 0) out.proposals = kept;
  else delete out.proposals;
  return out;
}

type MetaPart = Pick<ArticleContent, 'headline' | 'deck' | 'byline' | 'language' | 'proposals'>;

/** Headline, deck and byline with the chosen proposals decided (the same object when none is chosen). */
export function decideMeta<M extends MetaPart>(meta: M, filter: SuggestionFilter, decision: Decision, refused: string[] = []): M {
  const selected = matcher(filter);
  const proposals = meta.proposals ?? [];
  if (!proposals.some((p) => selected(p, p.id))) return meta;
  const out: M = { ...meta };
  let kept: FieldProposal[] = [];
  for (const field of META_PROPOSAL_FIELDS) {
    const result = decideField(meta[field], proposals.filter((p) => p.field === field), (p) => selected(p, p.id), decision, meta.language, refused);
    out[field] = result.value;
    kept = kept.concat(result.pending);
  }
  if (kept.length > 0) out.proposals = kept as M['proposals'];
  else delete out.proposals;
  return out;
}

/**
 * The content with the chosen suggestions accepted or rejected and every other left pending:
 * body suggestions (a replacement is decided as one), and proposals on the headline, deck,
 * byline, captions and credits. A decision is an edit of the copy like any other.
 */
export function decideSuggestions(content: ArticleContent, filter: SuggestionFilter, decision: Decision): Decided {
  const selected = matcher(filter);
  const refused: string[] = [];
  const body = resolveBody(content.body, {
    decide: (attrs) => (selected(attrs, suggestionKey(attrs)) ? decision : 'keep'),
    figure: (node) => decideFigure(node, filter, decision, content.language, refused),
  });
  const meta = decideMeta(content, filter, decision, refused);
  return { content: { ...meta, body }, refused };
}
